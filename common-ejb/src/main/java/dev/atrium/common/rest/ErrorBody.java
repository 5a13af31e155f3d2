package dev.atrium.common.rest;

import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import java.util.List;

/**
 * Atrium's one JSON error body: {@code {"ErrorCode":"NOT_FOUND","Message":"..."}}, with
 * {@code Errors} listing invalid fields and {@code IncidentId} naming a logged 5xx. {@code Message}
 * matches the reference's 401 body {@code {"Message":"Authentication failed."}}.
 */
public record ErrorBody(String errorCode, String message, List<FieldError> errors, String incidentId) {

  public static ErrorBody of(ErrorCode code) {
    return new ErrorBody(code.name(), code.defaultMessage(), null, null);
  }

  public static ErrorBody of(ErrorCode code, String message, List<FieldError> errors) {
    return new ErrorBody(code.name(), message, errors == null || errors.isEmpty() ? null : errors, null);
  }
}
