package dev.atrium.common.application;

/** Makes user-supplied text safe to put in a log line (no forged lines, bounded length). */
final class LogSafe {
  private LogSafe() {}

  static String text(String s) {
    if (s == null) {
      return "";
    }
    String cleaned = s.replaceAll("\\p{Cntrl}", "?");
    return cleaned.length() > 100 ? cleaned.substring(0, 100) + "..." : cleaned;
  }
}
