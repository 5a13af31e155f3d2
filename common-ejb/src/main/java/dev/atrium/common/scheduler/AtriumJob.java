package dev.atrium.common.scheduler;

import java.time.Instant;
import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.PersistJobDataAfterExecution;
import org.quartz.ScheduleBuilder;
import org.quartz.Trigger;

/**
 * A job of Atrium's scheduler: an {@code @ApplicationScoped} bean that says when it runs (with an
 * explicit misfire policy) and, in {@link #run}, calls one service. The scheduler finds every such
 * bean and schedules it once for the farm. Each run's end and outcome are kept with the job in the
 * job store, so every node's admin API shows them. A job never runs twice at the same time.
 */
@DisallowConcurrentExecution
@PersistJobDataAfterExecution
public abstract class AtriumJob implements Job {

  private static final Logger LOG = Logger.getLogger(AtriumJob.class);
  public static final String LAST_FINISHED_ON = "LastFinishedOn";
  public static final String LAST_OUTCOME = "LastOutcome";

  /** The job's stable name, its key in the job store and in the admin API. */
  public abstract String name();

  public abstract String description();

  /** When it fires, including what to do about firings missed while no node was running. */
  public abstract ScheduleBuilder<? extends Trigger> schedule();

  /** Does the work; returns a short summary of what it did. */
  protected abstract String run(JobExecutionContext context) throws Exception;

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    JobDataMap data = context.getJobDetail().getJobDataMap();
    try {
      data.put(LAST_OUTCOME, "OK: " + run(context));
    } catch (Exception e) {
      data.put(LAST_OUTCOME, "FAILED: " + e.getClass().getSimpleName());
      LOG.errorf(e, "ATRIUM-0406 Job %s failed", name());
      throw new JobExecutionException(e);
    } finally {
      data.put(LAST_FINISHED_ON, Instant.now().toString());
    }
  }
}
