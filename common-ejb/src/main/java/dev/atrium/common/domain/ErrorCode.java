package dev.atrium.common.domain;

/**
 * Stable error codes of Atrium's JSON error body. Clients may branch on them; never rename one.
 * Each carries the HTTP status it is answered with.
 */
public enum ErrorCode {
  MALFORMED_REQUEST(400, "The request body could not be read."),
  VALIDATION_FAILED(400, "The request has invalid values."),
  INVALID_IDENTIFIER(400, "The identifier is not a valid GUID."),
  UNKNOWN_REFERENCE(400, "A referenced record does not exist."),
  UNKNOWN_COLUMN(400, "The request names an object or column that does not exist."),
  QUERY_INVALID(400, "The query cannot be run as written."),
  QUERY_LIMIT_EXCEEDED(400, "The query exceeds a configured limit."),
  LICENSE_MALFORMED(400, "The licence file cannot be read."),
  LICENSE_SIGNATURE_INVALID(400, "The licence file's signature is not valid."),
  LICENSE_WRONG_INSTANCE(400, "The licence file was issued for another installation or customer."),
  LICENSE_EXPIRED(400, "The licence file has expired."),
  AUTHENTICATION_REQUIRED(401, "Authentication failed."),
  CSRF_TOKEN_INVALID(403, "The BPMCSRF header is missing or does not match the session."),
  ACCESS_DENIED(403, "You do not have permission for this operation."),
  LICENSE_REQUIRED(403, "Your licence does not cover this."),
  NOT_FOUND(404, "The requested resource does not exist."),
  METHOD_NOT_ALLOWED(405, "The HTTP method is not allowed for this resource."),
  NOT_ACCEPTABLE(406, "The requested media type cannot be produced."),
  CONFLICT(409, "The change conflicts with the current state of the data."),
  PRECONDITION_FAILED(412, "The record was changed by someone else since it was read."),
  FAILED_DEPENDENCY(424, "Another request of the same change set failed, so this one was rolled back."),
  RECORD_IN_USE(409, "The record is referenced by other records."),
  LICENSE_LIMIT_EXCEEDED(409, "More named licences would be assigned than the licence in force covers."),
  CONFIRMATION_REQUIRED(409, "The change destroys data; repeat it with confirm=true to go ahead."),
  SCHEMA_CHANGE_FAILED(409, "The database refused the change; nothing was changed."),
  PAYLOAD_TOO_LARGE(413, "The request body is too large."),
  UNSUPPORTED_MEDIA_TYPE(415, "The request media type is not supported."),
  INTERNAL_ERROR(500, "An unexpected error occurred."),
  NOT_IMPLEMENTED(501, "This kind of request is not served."),
  SERVICE_UNAVAILABLE(503, "The service is temporarily unavailable. Try again shortly.");

  private final int status;
  private final String defaultMessage;

  ErrorCode(int status, String defaultMessage) {
    this.status = status;
    this.defaultMessage = defaultMessage;
  }

  public int status() {
    return status;
  }

  public String defaultMessage() {
    return defaultMessage;
  }

  /** The code for a bare HTTP status raised by the runtime (unknown path, wrong method, ...). */
  public static ErrorCode forStatus(int status) {
    return switch (status) {
      case 400 -> MALFORMED_REQUEST;
      case 401 -> AUTHENTICATION_REQUIRED;
      case 403 -> ACCESS_DENIED;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 409 -> CONFLICT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 501 -> NOT_IMPLEMENTED;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    };
  }
}
