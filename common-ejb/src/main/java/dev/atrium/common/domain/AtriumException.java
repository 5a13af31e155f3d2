package dev.atrium.common.domain;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * The one business exception. It rolls the transaction back and reaches the JAX-RS layer
 * unwrapped, where it becomes the JSON error body with its {@link ErrorCode}.
 */
@ApplicationException(rollback = true)
public class AtriumException extends RuntimeException {

  private final ErrorCode code;
  private final List<FieldError> fieldErrors;

  public AtriumException(ErrorCode code) {
    this(code, code.defaultMessage(), List.of());
  }

  public AtriumException(ErrorCode code, String message) {
    this(code, message, List.of());
  }

  public AtriumException(ErrorCode code, String message, List<FieldError> fieldErrors) {
    super(message);
    this.code = code;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  public ErrorCode code() {
    return code;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  public static AtriumException notFound(String objectName, Object id) {
    return new AtriumException(ErrorCode.NOT_FOUND, objectName + " " + id + " does not exist.");
  }
}
