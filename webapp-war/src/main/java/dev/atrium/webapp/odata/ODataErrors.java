package dev.atrium.webapp.odata;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.rest.ExceptionMappers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.commons.api.ex.ODataErrorDetail;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.deserializer.DeserializerException;
import org.apache.olingo.server.api.deserializer.batch.BatchDeserializerException;
import org.apache.olingo.server.api.processor.ErrorProcessor;
import org.apache.olingo.server.api.serializer.SerializerException;

/**
 * Every OData error in the OData JSON error format with one of Atrium's stable codes: Olingo's
 * own refusals (a bad URI, an unknown property, an unreadable body) get the code that fits, and
 * an unexpected failure is logged with an incident id and answered without any detail.
 */
final class ODataErrors implements ErrorProcessor {

  /** The property an Olingo deserializer message names. */
  private static final java.util.regex.Pattern PROPERTY = java.util.regex.Pattern.compile("property '([A-Za-z][A-Za-z0-9]*)'");

  private OData odata;

  @Override
  public void init(OData odata, ServiceMetadata metadata) {
    this.odata = odata;
  }

  /**
   * Olingo's keys for a request body of a type it does not read, or of no type: 415 Unsupported
   * Media Type (RFC 9110, 15.5.16), where Olingo answers 406 (which is about the response's type)
   * or 400.
   */
  private static final java.util.Set<String> UNREADABLE_BODY_TYPE = java.util.Set.of("UNSUPPORTED_CONTENT_TYPE",
      "MISSING_CONTENT_TYPE");

  @Override
  public void processError(ODataRequest request, ODataResponse response, ODataServerError error, ContentType format) {
    if (error.getException() instanceof ODataLibraryException library && library.getMessageKey() != null
        && !(library instanceof BatchDeserializerException) // a part of a batch without its type: a malformed batch, 400
        && UNREADABLE_BODY_TYPE.contains(library.getMessageKey().getKey())) {
      error.setStatusCode(ErrorCode.UNSUPPORTED_MEDIA_TYPE.status());
      error.setCode(ErrorCode.UNSUPPORTED_MEDIA_TYPE.name());
    }
    int status = error.getStatusCode();
    if (status == 501) {
      error.setCode(ErrorCode.NOT_IMPLEMENTED.name()); // a request kind Atrium does not serve: not a fault
    } else if (status >= 500 && !(error.getException() instanceof ODataApplicationException)) {
      // Atrium's own 5xx were logged where they happened; this is a failure inside Olingo
      Exception cause = error.getException() != null ? error.getException() : new IllegalStateException(error.getMessage());
      String incident = ExceptionMappers.logUnexpected(cause);
      error.setCode(ErrorCode.INTERNAL_ERROR.name());
      error.setMessage(ErrorCode.INTERNAL_ERROR.defaultMessage() + " Incident " + incident + ".");
    } else if (error.getCode() == null) {
      error.setCode(codeOf(error));
    }
    if (error.getException() != null && error.getException().getCause() instanceof AtriumException refusal
        && !refusal.fieldErrors().isEmpty()) {
      // {"error":{"code","message","details":[{"code","target":"<property>","message"}]}}: clients show each at its field
      error.setDetails(refusal.fieldErrors().stream().map(f -> new ODataErrorDetail().setCode(refusal.code().name())
          .setTarget(f.field()).setMessage(f.message())).toList());
    }
    if (error.getException() instanceof DeserializerException refused && error.getDetails() == null) {
      // Olingo names the property it could not read only in its message ("... property 'Amount'.");
      // as a detail with that target, clients show the refusal at the field
      java.util.regex.Matcher property = PROPERTY.matcher(String.valueOf(error.getMessage()));
      if (property.find()) {
        error.setDetails(List.of(new ODataErrorDetail().setCode(ErrorCode.VALIDATION_FAILED.name())
            .setTarget(property.group(1)).setMessage(refused.getLocalizedMessage())));
      }
    }
    ContentType type = format == null || !format.isCompatible(ContentType.APPLICATION_JSON) ? ContentType.JSON : format;
    try {
      response.setContent(odata.createSerializer(type).error(error).getContent());
    } catch (SerializerException e) {
      response.setContent(new ByteArrayInputStream(("{\"error\":{\"code\":\"" + error.getCode()
          + "\",\"message\":\"The request failed.\"}}").getBytes(StandardCharsets.UTF_8)));
    }
    response.setStatusCode(status);
    response.setHeader(HttpHeader.CONTENT_TYPE, type.toContentTypeString());
  }

  private static String codeOf(ODataServerError error) {
    if (error.getStatusCode() != 400) {
      return ErrorCode.forStatus(error.getStatusCode()).name();
    }
    Exception e = error.getException();
    if (e instanceof DeserializerException) {
      return ErrorCode.VALIDATION_FAILED.name();
    }
    if (e instanceof ODataLibraryException library && library.getMessageKey() != null) {
      String key = library.getMessageKey().getKey();
      if (key.contains("KEY")) {
        return ErrorCode.INVALID_IDENTIFIER.name();
      }
      if (key.contains("PROPERTY") || key.contains("NOT_IN_TYPE") || key.contains("NOT_FOUND")) {
        return ErrorCode.UNKNOWN_COLUMN.name();
      }
      return ErrorCode.QUERY_INVALID.name();
    }
    return ErrorCode.MALFORMED_REQUEST.name();
  }
}
