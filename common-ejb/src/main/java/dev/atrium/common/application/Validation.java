package dev.atrium.common.application;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks a request DTO against its constraints; the one place that turns violations into a 400. */
@ApplicationScoped
public class Validation {

  @Inject
  Validator validator;

  public <T> T check(T dto) {
    if (dto == null) {
      throw new AtriumException(ErrorCode.MALFORMED_REQUEST, "A JSON body is required.");
    }
    Set<FieldError> errors = new LinkedHashSet<>();
    for (ConstraintViolation<T> v : validator.validate(dto)) {
      errors.add(new FieldError(wireName(v.getPropertyPath().toString()), v.getMessage()));
    }
    fail(errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
    return dto;
  }

  /** Throws VALIDATION_FAILED when there are errors. */
  public static void fail(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new AtriumException(ErrorCode.VALIDATION_FAILED, ErrorCode.VALIDATION_FAILED.defaultMessage(), errors);
    }
  }

  /** DTO property {@code accountId} is {@code AccountId} on the wire. */
  static String wireName(String property) {
    return property.isEmpty() ? property : Character.toUpperCase(property.charAt(0)) + property.substring(1);
  }
}
