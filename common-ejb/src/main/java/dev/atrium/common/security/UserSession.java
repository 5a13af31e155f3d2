package dev.atrium.common.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a signed-in session knows: who, with which groups, its CSRF token and idle timeout. It is
 * stored under a hash of the session token; the token itself is never stored.
 */
public record UserSession(
    UUID userId,
    String userName,
    UUID contactId,
    List<String> groups,
    String csrfToken,
    Instant createdAt,
    Duration idleTimeout) implements Serializable {

  public UserSession {
    groups = List.copyOf(groups);
  }

  /** The flat string form used by the Redis store (one hash field each). */
  Map<String, String> toFields() {
    return Map.of(
        "userId", userId.toString(),
        "userName", userName,
        "contactId", contactId == null ? "" : contactId.toString(),
        "groups", String.join(",", groups),
        "csrf", csrfToken,
        "createdAt", Long.toString(createdAt.toEpochMilli()),
        "idleMs", Long.toString(idleTimeout.toMillis()));
  }

  static UserSession fromFields(Map<String, String> f) {
    String contact = f.getOrDefault("contactId", "");
    String groups = f.getOrDefault("groups", "");
    return new UserSession(
        UUID.fromString(f.get("userId")),
        f.get("userName"),
        contact.isEmpty() ? null : UUID.fromString(contact),
        groups.isEmpty() ? List.of() : List.of(groups.split(",")),
        f.get("csrf"),
        Instant.ofEpochMilli(Long.parseLong(f.get("createdAt"))),
        Duration.ofMillis(Long.parseLong(f.get("idleMs"))));
  }
}
