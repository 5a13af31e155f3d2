package dev.atrium.common.application;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Conversions every service and mapper needs: UTC times and normalised text. */
final class Mapping {
  private Mapping() {}

  /** Now, in UTC, to the millisecond (what every DBMS's timestamp column keeps). */
  static LocalDateTime nowUtc() {
    return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }

  static Instant utc(LocalDateTime t) {
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  /** Trims text; blank becomes null, so "no value" has one representation. */
  static String text(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
