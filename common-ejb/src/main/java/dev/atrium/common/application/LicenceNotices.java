package dev.atrium.common.application;

import dev.atrium.common.domain.LicenceState;
import dev.atrium.common.domain.Notification;
import dev.atrium.common.infrastructure.LicenceRepository;
import dev.atrium.common.security.Operations;
import dev.atrium.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Warns licence managers {@code ExpireLicenseNotificationTerm} days before a product of the
 * licence in force (or the trial) expires: one notification per licence and product, however
 * often the job runs.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM_JOBS)
public class LicenceNotices {

  private static final Logger LOG = Logger.getLogger(LicenceNotices.class);
  static final String TERM = "ExpireLicenseNotificationTerm";
  public static final String KIND = "LicenceExpiry";

  @EJB
  LicenceStateLoader loader;

  @EJB
  NotificationService notifications;

  @Inject
  SettingsCache settings;

  @Inject
  LicenceRepository licences;

  /** Returns how many warnings were added. */
  public int warnOfExpiry(Instant systemNow) {
    int term = settings.snapshot().resolveInt(TERM, null, List.of());
    if (term <= 0) {
      return 0;
    }
    LicenceState state = loader.load(systemNow);
    Instant now = state.effectiveNow(systemNow);
    String licence = state.trial() ? "trial-" + licences.instance().getInstanceId() : state.licenseId().toString();
    int added = 0;
    for (LicenceState.Product p : state.products()) {
      if (p.validTo().isAfter(now) && !p.validTo().isAfter(now.plus(Duration.ofDays(term)))) {
        long days = Math.max(1, (Duration.between(now, p.validTo()).toHours() + 23) / 24);  // whole days, rounded up
        String message = (state.trial() ? "The trial of '" : "The licence for '") + p.code() + "' expires on "
            + p.validTo().truncatedTo(ChronoUnit.SECONDS) + " (in " + days + (days == 1 ? " day" : " days") + ").";
        String key = "licence-expiry:" + licence + ":" + p.code();
        if (notifications.publish(new Notification(Operations.CAN_MANAGE_LIC_USERS, KIND, p.code(), message,
            LocalDateTime.ofInstant(p.validTo(), ZoneOffset.UTC), key))) {
          added++;
          LOG.warnf("ATRIUM-0302 %s", message);
        }
      }
    }
    return added;
  }
}
