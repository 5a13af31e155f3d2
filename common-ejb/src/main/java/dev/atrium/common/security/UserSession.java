package dev.atrium.common.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A signed-in session: whose it is, its CSRF token and its idle timeout. Who the user is and what
 * they may do is looked up per request ({@link CallerIdentity}), so changes to roles, grants or
 * the user's status apply to live sessions at once. Stored under a hash of the session token; the
 * token itself is never stored.
 */
public record UserSession(UUID userId, String csrfToken, Instant createdAt, Duration idleTimeout)
    implements Serializable {

  /** The flat string form used by the Redis store (one hash field each). */
  Map<String, String> toFields() {
    return Map.of(
        "userId", userId.toString(),
        "csrf", csrfToken,
        "createdAt", Long.toString(createdAt.toEpochMilli()),
        "idleMs", Long.toString(idleTimeout.toMillis()));
  }

  static UserSession fromFields(Map<String, String> f) {
    return new UserSession(
        UUID.fromString(f.get("userId")),
        f.get("csrf"),
        Instant.ofEpochMilli(Long.parseLong(f.get("createdAt"))),
        Duration.ofMillis(Long.parseLong(f.get("idleMs"))));
  }
}
