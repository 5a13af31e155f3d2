package dev.atrium.webapp.rest;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
      throw invalid(name, "must be a whole number");
    }
  }

  /** An optional ISO-8601 instant ({@code 2026-12-07T08:00:00Z}, an offset allowed); absent is null. */
  static Instant instant(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(name, "must be an ISO-8601 date and time with its offset, e.g. 2026-12-07T08:00:00Z");
    }
  }

  /** An optional {@code true} or {@code false}; absent is null. */
  static Boolean bool(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return switch (value) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw invalid(name, "must be true or false");
    };
  }

  private static AtriumException invalid(String name, String reason) {
    return new AtriumException(ErrorCode.VALIDATION_FAILED, "'" + name + "' " + reason + ".",
        List.of(new FieldError(name, reason)));
  }
}
