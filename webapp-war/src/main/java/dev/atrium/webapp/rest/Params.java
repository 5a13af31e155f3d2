package dev.atrium.webapp.rest;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import java.util.List;
import java.util.UUID;

/** Parsing of path and query parameters into the stable 400 errors. */
final class Params {
  private Params() {}

  static UUID guid(String id) {
    try {
      if (id != null && id.length() == 36) {
        return UUID.fromString(id);
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw new AtriumException(ErrorCode.INVALID_IDENTIFIER);
  }

  static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new AtriumException(ErrorCode.VALIDATION_FAILED, "'" + name + "' must be a whole number.",
          List.of(new FieldError(name, "must be a whole number")));
    }
  }
}
