package dev.atrium.common.security;

import java.time.Duration;

/**
 * Failed sign-ins and lockouts per login name, shared by every node (Redis) or kept in process.
 * Names are counted whether a user has them or not, so lockout says nothing about which exist.
 */
public interface LoginAttempts {

  /** Counts a failed sign-in; returns the failures within the window, this one included. */
  int recordFailure(String login, Duration window);

  void clearFailures(String login);

  boolean isLocked(String login);

  void lock(String login, Duration duration);

  /** Lifts a lock and forgets the failures; true when the login was locked. */
  boolean unlock(String login);
}
