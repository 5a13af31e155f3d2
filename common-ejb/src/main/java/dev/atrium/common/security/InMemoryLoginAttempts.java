package dev.atrium.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Failed sign-ins and locks in this JVM, for a single node without Redis. */
public class InMemoryLoginAttempts implements LoginAttempts {

  private record Counter(int failures, Instant windowEnds) {}

  private final Map<String, Counter> failures = new ConcurrentHashMap<>();
  private final Map<String, Instant> locks = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryLoginAttempts(Clock clock) {
    this.clock = clock;
  }

  @Override
  public int recordFailure(String login, Duration window) {
    Instant now = clock.instant();
    return failures.compute(login, (k, c) -> c == null || !c.windowEnds().isAfter(now)
        ? new Counter(1, now.plus(window))
        : new Counter(c.failures() + 1, c.windowEnds())).failures();
  }

  @Override
  public void clearFailures(String login) {
    failures.remove(login);
  }

  @Override
  public boolean isLocked(String login) {
    Instant until = locks.get(login);
    if (until != null && !until.isAfter(clock.instant())) {
      locks.remove(login, until);
      return false;
    }
    return until != null;
  }

  @Override
  public void lock(String login, Duration duration) {
    locks.put(login, clock.instant().plus(duration));
  }

  @Override
  public boolean unlock(String login) {
    failures.remove(login);
    Instant until = locks.remove(login);
    return until != null && until.isAfter(clock.instant());
  }
}
