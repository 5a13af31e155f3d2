package dev.atrium.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryLoginAttemptsTest {

  private final InMemorySessionStoreTest.ManualClock clock = new InMemorySessionStoreTest.ManualClock();
  private final InMemoryLoginAttempts attempts = new InMemoryLoginAttempts(clock);

  @Test
  void failuresCountWithinTheWindowOnly() {
    assertEquals(1, attempts.recordFailure("ann", Duration.ofMinutes(15)));
    assertEquals(2, attempts.recordFailure("ann", Duration.ofMinutes(15)));
    assertEquals(1, attempts.recordFailure("bob", Duration.ofMinutes(15)), "per login");
    clock.advance(Duration.ofMinutes(16));
    assertEquals(1, attempts.recordFailure("ann", Duration.ofMinutes(15)), "a new window");
    attempts.clearFailures("ann");
    assertEquals(1, attempts.recordFailure("ann", Duration.ofMinutes(15)));
  }

  @Test
  void locksExpireAndCanBeLifted() {
    attempts.lock("ann", Duration.ofMinutes(15));
    assertTrue(attempts.isLocked("ann"));
    assertFalse(attempts.isLocked("bob"));
    clock.advance(Duration.ofMinutes(16));
    assertFalse(attempts.isLocked("ann"), "the lock ran out");
    attempts.lock("ann", Duration.ofMinutes(15));
    assertTrue(attempts.unlock("ann"));
    assertFalse(attempts.isLocked("ann"));
    assertFalse(attempts.unlock("ann"), "nothing left to lift");
  }
}
