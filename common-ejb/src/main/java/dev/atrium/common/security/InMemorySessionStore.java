package dev.atrium.common.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in this JVM, for a single node without Redis (the quick start). They do not survive a
 * restart and are not seen by other nodes; a farm must configure Redis.
 */
public class InMemorySessionStore implements SessionStore {

  private static final long SWEEP_EVERY_MS = 60_000;

  private record Entry(UserSession session, Instant expiresAt) {}

  private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private volatile Instant nextSweep;

  public InMemorySessionStore(Clock clock) {
    this.clock = clock;
    this.nextSweep = clock.instant().plusMillis(SWEEP_EVERY_MS);
  }

  @Override
  public String create(UserSession session) {
    sweepIfDue();
    String token = SecureTokens.newToken();
    sessions.put(SessionStore.keyOf(token), new Entry(session, clock.instant().plus(session.lifetime())));
    return token;
  }

  @Override
  public Optional<UserSession> touch(String token) {
    Instant now = clock.instant();
    Entry e = sessions.computeIfPresent(SessionStore.keyOf(token), (k, old) ->
        !old.expiresAt().isAfter(now) ? null
            : old.session().sliding() ? new Entry(old.session(), now.plus(old.session().lifetime())) : old);
    return Optional.ofNullable(e).map(Entry::session);
  }

  @Override
  public void delete(String token) {
    sessions.remove(SessionStore.keyOf(token));
  }

  @Override
  public int deleteAllOf(UUID userId) {
    Instant now = clock.instant();
    int[] live = {0};
    sessions.entrySet().removeIf(e -> {
      boolean match = e.getValue().session().userId().equals(userId);
      if (match && e.getValue().expiresAt().isAfter(now)) {
        live[0]++;
      }
      return match;
    });
    return live[0];
  }

  @Override
  public List<SessionInfo> sessionsOf(UUID userId) {
    Instant now = clock.instant();
    return sessions.entrySet().stream()
        .filter(e -> e.getValue().session().userId().equals(userId) && e.getValue().expiresAt().isAfter(now))
        .map(e -> new SessionInfo(e.getKey().substring(KEY_PREFIX.length()), e.getValue().session().createdAt()))
        .sorted(Comparator.comparing(SessionInfo::createdAt))
        .toList();
  }

  @Override
  public boolean deleteById(UUID userId, String sessionId) {
    Entry e = sessions.get(KEY_PREFIX + sessionId);
    return e != null && e.session().userId().equals(userId) && sessions.remove(KEY_PREFIX + sessionId, e);
  }

  int size() {
    return sessions.size();
  }

  @Override
  public int purgeExpired() {
    Instant now = clock.instant();
    int before = sessions.size();
    sessions.values().removeIf(e -> !e.expiresAt().isAfter(now));
    return before - sessions.size();
  }

  private void sweepIfDue() {
    Instant now = clock.instant();
    if (now.isAfter(nextSweep)) {
      nextSweep = now.plusMillis(SWEEP_EVERY_MS);
      sessions.values().removeIf(e -> !e.expiresAt().isAfter(now));
    }
  }
}
