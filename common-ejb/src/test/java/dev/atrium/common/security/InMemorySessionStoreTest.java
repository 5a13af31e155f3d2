package dev.atrium.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemorySessionStoreTest {

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private final ManualClock clock = new ManualClock();
  private final InMemorySessionStore store = new InMemorySessionStore(clock);
  private final UUID user = UUID.randomUUID();

  private UserSession session(Duration idle) {
    return UserSession.cookie(user, "csrf", clock.instant(), idle);
  }

  @Test
  void tokensAreLongRandomAndDistinct() {
    String a = store.create(session(Duration.ofMinutes(1)));
    String b = store.create(session(Duration.ofMinutes(1)));
    assertNotEquals(a, b);
    assertEquals(43, a.length(), "256 bits in base64url");
  }

  @Test
  void idleTimeoutSlidesWithUse() {
    String token = store.create(session(Duration.ofMinutes(10)));
    clock.advance(Duration.ofMinutes(9));
    assertTrue(store.touch(token).isPresent(), "used before the timeout");
    clock.advance(Duration.ofMinutes(9));
    assertTrue(store.touch(token).isPresent(), "18 minutes after creation, 9 after last use");
    clock.advance(Duration.ofMinutes(10));
    assertFalse(store.touch(token).isPresent(), "idle for the whole timeout");
  }

  @Test
  void deleteEndsOneSessionAndDeleteAllEndsEveryOne() {
    String a = store.create(session(Duration.ofMinutes(10)));
    String b = store.create(session(Duration.ofMinutes(10)));
    store.delete(a);
    assertFalse(store.touch(a).isPresent());
    assertTrue(store.touch(b).isPresent());
    store.create(session(Duration.ofMinutes(10)));
    assertEquals(2, store.deleteAllOf(user));
    assertFalse(store.touch(b).isPresent());
    assertEquals(0, store.size());
  }

  @Test
  void anAccessTokenExpiresAfterItsLifetimeHoweverOftenItIsUsed() {
    String token = store.create(UserSession.bearer(user, clock.instant(), Duration.ofMinutes(10)));
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofMinutes(3));
      assertTrue(store.touch(token).isPresent(), "still within its lifetime");
    }
    clock.advance(Duration.ofMinutes(2));
    assertFalse(store.touch(token).isPresent(), "11 minutes after issue, used every 3");
  }

  @Test
  void unknownTokenIsEmpty() {
    assertFalse(store.touch("nope").isPresent());
  }

  @Test
  void expiredSessionsAreSweptAway() {
    store.create(session(Duration.ofMinutes(1)));
    clock.advance(Duration.ofMinutes(5));
    store.create(session(Duration.ofMinutes(1)));
    assertEquals(1, store.size(), "the expired one was removed by the periodic sweep");
  }
}
