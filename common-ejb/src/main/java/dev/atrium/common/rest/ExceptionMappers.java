package dev.atrium.common.rest;

import dev.atrium.common.infrastructure.Outages;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every exception a resource lets through becomes the one JSON error body. 4xx are logged at DEBUG,
 * 5xx at ERROR with an incident id that the body repeats; no stack trace or message of an
 * unexpected exception ever reaches the client.
 */
public final class ExceptionMappers {

  private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

  /** All mapper classes, for the WARs' JAX-RS applications. */
  public static final List<Class<?>> ALL = List.of(
      Business.class, Web.class, Unreadable.class, AccessDenied.class, Unexpected.class);

  private ExceptionMappers() {}

  static Response unexpected(Throwable e) {
    String incident = logUnexpected(e);
    ErrorCode code = ErrorCode.INTERNAL_ERROR;
    return ErrorResponses.response(code, new ErrorBody(code.name(), code.defaultMessage(), null, incident));
  }

  /** Logs an unexpected failure with its stack trace under a new incident id, which it returns for the client. */
  public static String logUnexpected(Throwable e) {
    String incident = UUID.randomUUID().toString();
    LOG.errorf(e, "ATRIUM-0500 Unexpected error, incident %s", incident);
    return incident;
  }

  /** The database cannot be reached: 503 with Retry-After; the pool recovers by itself. */
  static Response databaseUnavailable(Throwable e) {
    logDatabaseUnavailable(e);
    return ErrorResponses.response(ErrorCode.SERVICE_UNAVAILABLE, ErrorBody.of(ErrorCode.SERVICE_UNAVAILABLE));
  }

  public static void logDatabaseUnavailable(Throwable e) {
    LOG.warnf("ATRIUM-0501 Database unavailable: %s", rootMessage(e));
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    for (int i = 0; i < 20 && root.getCause() != null; i++) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /** Business rules: the code and message the service chose. */
  @Provider
  public static class Business implements ExceptionMapper<AtriumException> {
    @Override
    public Response toResponse(AtriumException e) {
      LOG.debugf("%s: %s", e.code(), e.getMessage());
      return ErrorResponses.response(e.code(), ErrorBody.of(e.code(), e.getMessage(), e.fieldErrors()));
    }
  }

  /** Statuses raised by JAX-RS itself: unknown path, wrong method or media type, unreadable body. */
  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (status >= 500) {
        return unexpected(e);
      }
      Throwable cause = e.getCause();
      if (cause instanceof JsonbException || cause instanceof ProcessingException) {
        return Unreadable.malformed();
      }
      ErrorCode code = ErrorCode.forStatus(status);
      LOG.debugf("HTTP %d: %s", status, e.getMessage());
      Response response = ErrorResponses.response(code, ErrorBody.of(code));
      String allow = e.getResponse().getHeaderString("Allow");
      return allow == null ? response : Response.fromResponse(response).header("Allow", allow).build();
    }
  }

  /** A body that is not JSON or does not fit the expected shape. */
  @Provider
  public static class Unreadable implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      LOG.debugf("Unreadable request body: %s", e.getMessage());
      return malformed();
    }

    static Response malformed() {
      ErrorCode code = ErrorCode.MALFORMED_REQUEST;
      return ErrorResponses.response(code, ErrorBody.of(code));
    }
  }

  /** {@code @RolesAllowed} refused the caller. */
  @Provider
  public static class AccessDenied implements ExceptionMapper<EJBAccessException> {
    @Override
    public Response toResponse(EJBAccessException e) {
      LOG.debugf("Access denied: %s", e.getMessage());
      return ErrorResponses.response(ErrorCode.ACCESS_DENIED, ErrorBody.of(ErrorCode.ACCESS_DENIED));
    }
  }

  /** Anything else is a bug or an outage: logged with an incident id, answered 500 without detail. */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      if (e instanceof EJBException ejb && ejb.getCause() instanceof AtriumException business) {
        return new Business().toResponse(business);
      }
      if (Outages.databaseUnavailable(e)) {
        return databaseUnavailable(e);
      }
      return unexpected(e);
    }
  }
}
