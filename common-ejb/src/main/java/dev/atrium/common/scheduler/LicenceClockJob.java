package dev.atrium.common.scheduler;

import dev.atrium.common.application.LicenceStateLoader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.quartz.ScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;

/**
 * Every 10 minutes: moves the licence high-water mark of time forward, also while nobody uses the
 * system, so that setting the clock back later is noticed. Missed firings are skipped.
 */
@ApplicationScoped
public class LicenceClockJob extends AtriumJob {

  @EJB
  LicenceStateLoader loader;

  @Override
  public String name() {
    return "licence-clock";
  }

  @Override
  public String description() {
    return "Records the latest time seen, which guards licence expiry against a clock set back";
  }

  @Override
  public ScheduleBuilder<? extends Trigger> schedule() {
    return SimpleScheduleBuilder.repeatMinutelyForever(10).withMisfireHandlingInstructionNextWithRemainingCount();
  }

  @Override
  protected String run(Firing firing) {
    loader.load(Instant.now());
    return "time recorded";
  }
}
