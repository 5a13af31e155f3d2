package dev.atrium.common.application;

import dev.atrium.common.infrastructure.NotificationRepository;
import dev.atrium.common.security.SessionStore;
import dev.atrium.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Stale data clean-up, run by the {@code cleanup} job: what expired sessions left in the session
 * store, job firing records after {@link #JOB_RUNS_KEPT}, notifications after
 * {@link #NOTIFICATIONS_KEPT}. Deleting is idempotent, so a re-run changes nothing more.
 * The audit log is kept (its retention is the operator's decision).
 */
@Stateless
@RolesAllowed(Roles.SYSTEM_JOBS)
public class Housekeeping {

  static final Duration JOB_RUNS_KEPT = Duration.ofDays(30);
  static final Duration NOTIFICATIONS_KEPT = Duration.ofDays(180);

  @Inject
  SessionStore sessions;

  @EJB
  JobRunService runs;

  @Inject
  NotificationRepository notifications;

  /** Cleans up as of {@code now}; returns what was removed. */
  public String clean(Instant now) {
    int leftovers = sessions.purgeExpired();
    int firings = runs.purgeBefore(now.minus(JOB_RUNS_KEPT));
    int notices = notifications.purgeBefore(LocalDateTime.ofInstant(now.minus(NOTIFICATIONS_KEPT), ZoneOffset.UTC));
    return leftovers + " expired session entries, " + firings + " job firings, " + notices + " notifications removed";
  }
}
