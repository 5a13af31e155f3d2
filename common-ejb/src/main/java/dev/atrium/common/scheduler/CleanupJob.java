package dev.atrium.common.scheduler;

import dev.atrium.common.application.Housekeeping;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.quartz.ScheduleBuilder;
import org.quartz.Trigger;

/** Daily at 03:00 UTC: expired sessions and stale records go. A missed day runs once at start. */
@ApplicationScoped
public class CleanupJob extends AtriumJob {

  @EJB
  Housekeeping housekeeping;

  @Override
  public String name() {
    return "cleanup";
  }

  @Override
  public String description() {
    return "Removes expired sessions' leftovers, old job firings and old notifications";
  }

  @Override
  public ScheduleBuilder<? extends Trigger> schedule() {
    return dailyUtc(3, 0);
  }

  @Override
  protected String run(Firing firing) {
    return housekeeping.clean(firing.scheduledAt());
  }
}
