package dev.atrium.common.scheduler;

import dev.atrium.common.application.LicenceNotices;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.quartz.ScheduleBuilder;
import org.quartz.Trigger;

/** Daily at 06:00 UTC: warn licence managers of licences about to expire. A missed day runs once at start. */
@ApplicationScoped
public class LicenceExpiryJob extends AtriumJob {

  @EJB
  LicenceNotices notices;

  @Override
  public String name() {
    return "licence-expiry-warning";
  }

  @Override
  public String description() {
    return "Warns licence managers ExpireLicenseNotificationTerm days before a licence expires";
  }

  @Override
  public ScheduleBuilder<? extends Trigger> schedule() {
    return dailyUtc(6, 0);
  }

  @Override
  protected String run(Firing firing) {
    int added = notices.warnOfExpiry(Instant.now());
    return added + (added == 1 ? " warning" : " warnings");
  }
}
