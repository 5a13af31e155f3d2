package dev.atrium.common.scheduler;

import dev.atrium.common.infrastructure.AtriumConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quartz.ScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;

/**
 * Every {@code atrium.scheduler.heartbeat} (default a minute): a firing whose record
 * ({@code SysJobRun}: scheduled time, node, attempts) shows that the farm's scheduler runs, on
 * which node, without gaps or duplicates. Missed firings are skipped.
 */
@ApplicationScoped
public class HeartbeatJob extends AtriumJob {

  @Inject
  AtriumConfig config;

  @Override
  public String name() {
    return "scheduler-heartbeat";
  }

  @Override
  public String description() {
    return "Records that the scheduler runs, and where";
  }

  @Override
  public ScheduleBuilder<? extends Trigger> schedule() {
    return SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(config.schedulerHeartbeat().toMillis())
        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount();
  }

  @Override
  protected String run(Firing firing) {
    return "alive";
  }
}
