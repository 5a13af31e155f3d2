package dev.atrium.common.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where login state lives. Sessions are keyed by the SHA-256 of their token and expire after their
 * idle timeout; every successful {@link #touch} restarts that timeout (sliding expiry).
 * Implementations throw {@code AtriumException(SERVICE_UNAVAILABLE)} when their backend is down.
 */
public interface SessionStore {

  /** Stores a new session and returns its token (256 random bits). */
  String create(UserSession session);

  /** The live session of a token, with its idle timeout restarted; empty if unknown or expired. */
  Optional<UserSession> touch(String token);

  /** Ends a session; unknown tokens are ignored. */
  void delete(String token);

  /** Ends every session of a user on every node; returns how many were live. */
  int deleteAllOf(UUID userId);

  /** A live session as administrators see it: an opaque id (never the token) and its start. */
  record SessionInfo(String id, Instant createdAt) {}

  /** The user's live sessions, oldest first. */
  List<SessionInfo> sessionsOf(UUID userId);

  /** Ends one of the user's sessions by its opaque id; false when there is no such session. */
  boolean deleteById(UUID userId, String sessionId);

  /** Removes what expired sessions left behind (entries, index members); returns how many. */
  int purgeExpired();

  /** The storage key of a token, for operators and tests: the token itself is never stored. */
  static String keyOf(String token) {
    return KEY_PREFIX + idOf(token);
  }

  /** The opaque id of a session: the SHA-256 of its token. */
  static String idOf(String token) {
    return PasswordHasher.sha256Hex(token);
  }

  String KEY_PREFIX = "atrium:session:";
}
