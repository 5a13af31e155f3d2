package dev.atrium.common.application;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Conversions every mapper needs: UTC times and normalised text. */
final class Mapping {
  private Mapping() {}

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
