package dev.atrium.common.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A signed-in session or an OAuth access token: whose it is, and for a browser session its CSRF
 * token and sliding idle timeout; an access token ({@link Kind#BEARER}) lives for a fixed time and
 * needs no CSRF token. Who the user is and what they may do is looked up per request
 * ({@link CallerIdentity}). Stored under a hash of the token; the token itself is never stored.
 */
public record UserSession(UUID userId, String csrfToken, Instant createdAt, Duration lifetime, Kind kind)
    implements Serializable {

  /** How the token travels and expires. */
  public enum Kind {
    /** The {@code .ASPXAUTH} cookie; each use restarts the idle timeout; BPMCSRF required. */
    COOKIE,
    /** {@code Authorization: Bearer}; expires a fixed time after issue; no BPMCSRF. */
    BEARER
  }

  /** A browser session with a sliding idle timeout. */
  public static UserSession cookie(UUID userId, String csrfToken, Instant createdAt, Duration idleTimeout) {
    return new UserSession(userId, csrfToken, createdAt, idleTimeout, Kind.COOKIE);
  }

  /** An access token that expires after its lifetime, used or not. */
  public static UserSession bearer(UUID userId, Instant createdAt, Duration lifetime) {
    return new UserSession(userId, "", createdAt, lifetime, Kind.BEARER);
  }

  public boolean sliding() {
    return kind == Kind.COOKIE;
  }

  /** The flat string form used by the Redis store (one hash field each). */
  Map<String, String> toFields() {
    return Map.of(
        "userId", userId.toString(),
        "csrf", csrfToken,
        "createdAt", Long.toString(createdAt.toEpochMilli()),
        "idleMs", Long.toString(lifetime.toMillis()),
        "kind", kind.name());
  }

  static UserSession fromFields(Map<String, String> f) {
    return new UserSession(
        UUID.fromString(f.get("userId")),
        f.get("csrf"),
        Instant.ofEpochMilli(Long.parseLong(f.get("createdAt"))),
        Duration.ofMillis(Long.parseLong(f.get("idleMs"))),
        Kind.valueOf(f.getOrDefault("kind", Kind.COOKIE.name())));
  }
}
