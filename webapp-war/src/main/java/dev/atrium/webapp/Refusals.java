package dev.atrium.webapp;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.infrastructure.Outages;
import dev.atrium.common.rest.ExceptionMappers;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;

/**
 * What a failed service call means for a client of OData or DataService (which answer in their
 * own error formats): the service's own refusal, 403 for a refused role, 503 for an outage, 409
 * for a batch the database rolled back; anything else is logged once under an incident id and
 * answered 500 with that id only.
 */
public final class Refusals {

  private Refusals() {}

  public static AtriumException of(RuntimeException e) {
    Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof AtriumException business) {
      return business;
    }
    if (cause instanceof EJBAccessException) {
      return new AtriumException(ErrorCode.ACCESS_DENIED);
    }
    if (cause instanceof UserTransactions.NotCommitted notCommitted) {
      return notCommitted.rolledBack()
          ? new AtriumException(ErrorCode.CONFLICT, "The database rolled the batch back; nothing of it was saved.")
          : new AtriumException(ErrorCode.SERVICE_UNAVAILABLE, "Whether the batch was saved is not known; read before retrying.");
    }
    if (Outages.databaseUnavailable(e)) {
      ExceptionMappers.logDatabaseUnavailable(e);
      return new AtriumException(ErrorCode.SERVICE_UNAVAILABLE);
    }
    String incident = ExceptionMappers.logUnexpected(e);
    return new AtriumException(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage() + " Incident " + incident + ".");
  }

  /** The refusal's message, with its field errors. */
  public static String message(AtriumException e) {
    String message = e.getMessage() == null ? e.code().defaultMessage() : e.getMessage();
    if (!e.fieldErrors().isEmpty()) {
      message += " " + String.join("; ", e.fieldErrors().stream().map(f -> f.field() + ": " + f.message()).toList());
    }
    return message;
  }
}
