package dev.atrium.common.scheduler;

import dev.atrium.common.application.JobRunService;
import dev.atrium.common.domain.JobRun;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import org.jboss.logging.Logger;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/**
 * A job of Atrium's scheduler: an {@code @ApplicationScoped} bean that says when it runs (with an
 * explicit misfire policy) and, in {@link #run}, calls one service. The scheduler finds every such
 * bean and schedules it once for the farm. A job never runs twice at the same time.
 *
 * <p>Every firing is recorded ({@code SysJobRun}, unique per job and scheduled time): a firing that
 * already succeeded is skipped when it comes again (a recovery after a crash), and one whose node
 * died mid-run is run again by the node that recovers it. Jobs whose effects must not repeat check
 * their writes against {@link Firing#key()}.
 */
@DisallowConcurrentExecution
public abstract class AtriumJob implements Job {

  private static final Logger LOG = Logger.getLogger(AtriumJob.class);

  /** The firing being run: its key (job and scheduled time) and which attempt this is. */
  public record Firing(String key, Instant scheduledAt, int attempt) {}

  @EJB
  JobRunService runs;

  @EJB
  SystemRunner system;

  @Inject
  AtriumScheduler scheduler;

  /** The job's stable name, its key in the job store and in the admin API. */
  public abstract String name();

  public abstract String description();

  /** When it fires, including what to do about firings missed while no node was running. */
  public abstract ScheduleBuilder<? extends Trigger> schedule();

  /** Daily at this UTC time; a day missed while no node ran is run once at the next start. */
  protected static ScheduleBuilder<CronTrigger> dailyUtc(int hour, int minute) {
    return CronScheduleBuilder.dailyAtHourAndMinute(hour, minute).inTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC))
        .withMisfireHandlingInstructionFireAndProceed();
  }

  /** Does the work; returns a short summary of what it did. */
  protected abstract String run(Firing firing) throws Exception;

  /**
   * Runs the firing as the system (see {@link SystemRunner}), as a request of the server; hands it
   * to the farm when the server is suspended (see {@link AtriumScheduler#runAsRequest}).
   */
  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    try {
      scheduler.runAsRequest(() -> system.call(() -> {
        fire(context);
        return null;
      }));
    } catch (AtriumScheduler.NodeSuspended e) {
      try {
        scheduler.handOff(context.getJobDetail().getKey(), scheduledTime(context));
      } catch (SchedulerException lost) {
        throw new JobExecutionException(lost);
      }
    } catch (JobExecutionException e) {
      throw e;
    } catch (Exception e) {
      throw new JobExecutionException(e);
    }
  }

  private void fire(JobExecutionContext context) throws JobExecutionException {
    Instant scheduled = scheduledTime(context);
    JobRunService.Start start = runs.begin(name(), scheduled, nodeOf(context));
    if (start.alreadySucceeded()) {
      LOG.infof("ATRIUM-0407 Job %s firing %s already succeeded; not run again", name(), scheduled);
      return;
    }
    try {
      String outcome = run(new Firing(name() + "@" + scheduled.toEpochMilli(), scheduled, start.attempt()));
      runs.finish(start.runId(), JobRun.Status.Succeeded, outcome);
    } catch (Exception e) {
      runs.finish(start.runId(), JobRun.Status.Failed, e.getClass().getSimpleName());
      LOG.errorf(e, "ATRIUM-0406 Job %s failed", name());
      throw new JobExecutionException(e);
    }
  }

  /**
   * The firing's scheduled time; for a handed-off or recovered firing, that of the original one
   * (Quartz passes a recovered firing the original's actual fire time, which is late by the
   * scheduler's delay and would make the recovered run look like a firing of its own).
   */
  static Instant scheduledTime(JobExecutionContext context) {
    Object handedOff = context.getMergedJobDataMap().get(AtriumScheduler.HANDED_OFF_FIRING);
    if (handedOff != null) {
      return Instant.ofEpochMilli(Long.parseLong(handedOff.toString()));
    }
    if (context.isRecovering()) {
      for (String key : List.of(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS,
          Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS)) {
        Object millis = context.getMergedJobDataMap().get(key);
        if (millis != null) {
          return Instant.ofEpochMilli(Long.parseLong(millis.toString().trim()));
        }
      }
    }
    return context.getScheduledFireTime().toInstant();
  }

  private static String nodeOf(JobExecutionContext context) {
    try {
      return context.getScheduler().getSchedulerInstanceId();
    } catch (SchedulerException e) {
      return "unknown";
    }
  }
}
