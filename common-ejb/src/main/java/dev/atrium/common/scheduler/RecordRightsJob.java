package dev.atrium.common.scheduler;

import dev.atrium.common.application.ObjectRuntime;
import dev.atrium.common.metadata.RecordRightsState;
import dev.atrium.common.permissions.RecordRightsStateChanged;
import dev.atrium.common.permissions.RecordRightsUpkeep;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import org.quartz.ScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;

/**
 * Every minute, and at once when an object's record rights start to wait: brings the record
 * rights of large tables up to date in the background ({@link RecordRightsUpkeep}). A firing missed
 * while no node ran is not made up: the next one finds the same work.
 */
@ApplicationScoped
public class RecordRightsJob extends AtriumJob {

  @EJB
  RecordRightsUpkeep upkeep;

  @Inject
  ObjectRuntime runtime;

  @Override
  public String name() {
    return "record-rights-upkeep";
  }

  @Override
  public String description() {
    return "Brings the record rights of large objects up to date after their rules, owner or switch changed";
  }

  @Override
  public ScheduleBuilder<? extends Trigger> schedule() {
    return SimpleScheduleBuilder.simpleSchedule().withIntervalInMinutes(1).repeatForever()
        .withMisfireHandlingInstructionNextWithRemainingCount();
  }

  @Override
  protected String run(Firing firing) {
    List<String> done = upkeep.catchUp();
    return done.isEmpty() ? "nothing waited" : "brought up to date: " + String.join(", ", done);
  }

  /**
   * Once the change commits: every node reads the object's metadata again, and rights that now
   * wait are worked off at once rather than at the next minute.
   */
  void stateChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordRightsStateChanged change) {
    runtime.announce(change.object());
    if (change.state() != RecordRightsState.CURRENT) {
      scheduler.runSoon(name());
    }
  }
}
