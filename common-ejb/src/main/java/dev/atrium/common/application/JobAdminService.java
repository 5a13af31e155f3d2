package dev.atrium.common.application;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.JobRun;
import dev.atrium.common.scheduler.AtriumScheduler;
import jakarta.json.bind.annotation.JsonbNillable;
import dev.atrium.common.security.Operations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.jboss.logging.Logger;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * The scheduler's admin API (operation {@code CanManageScheduledJobs}): the jobs with their
 * schedule, state, next and previous firing, last outcome and recent firings, and pause, resume
 * and run-now. Works on any node:
 * the job store is shared. Outside JTA transactions, as the job store commits its own work.
 */
@Stateless
@RolesAllowed(Operations.CAN_MANAGE_SCHEDULED_JOBS)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobAdminService {

  private static final Logger LOG = Logger.getLogger(JobAdminService.class);

  /** A job as the API shows it. */
  @JsonbNillable
  public record JobDto(String name, String description, String schedule, String state, Instant nextFireTime,
      Instant previousFireTime, Instant lastFinishedOn, String lastOutcome) {}

  /** One firing of a job. */
  @JsonbNillable
  public record JobRunDto(Instant fireTime, String nodeId, int attempts, String status, String outcome,
      Instant startedOn, Instant finishedOn) {}

  @Inject
  AtriumScheduler scheduler;

  @Inject
  Caller caller;

  @EJB
  AuditService audit;

  @EJB
  JobRunService runs;

  public List<JobDto> list() {
    Scheduler s = running();
    try {
      List<JobDto> jobs = new ArrayList<>();
      for (JobKey key : s.getJobKeys(GroupMatcher.jobGroupEquals(AtriumScheduler.GROUP))) {
        jobs.add(describe(s, key));
      }
      jobs.sort(Comparator.comparing(JobDto::name));
      return jobs;
    } catch (SchedulerException e) {
      throw unavailable(e);
    }
  }

  public JobDto get(String name) {
    Scheduler s = running();
    try {
      return describe(s, existing(s, name));
    } catch (SchedulerException e) {
      throw unavailable(e);
    }
  }

  /** Runs the job now, once, on whichever node picks it up. */
  public void trigger(String name) {
    act(name, "run now", (s, key) -> s.triggerJob(key));
  }

  public void pause(String name) {
    act(name, "paused", (s, key) -> s.pauseJob(key));
  }

  public void resume(String name) {
    act(name, "resumed", (s, key) -> s.resumeJob(key));
  }

  private interface Action {
    void apply(Scheduler s, JobKey key) throws SchedulerException;
  }

  private void act(String name, String what, Action action) {
    Scheduler s = running();
    try {
      action.apply(s, existing(s, name));
    } catch (SchedulerException e) {
      throw unavailable(e);
    }
    audit.recordNow(caller.audit(AuditEvent.JOB_CHANGED, null, name, what));
  }

  private static JobKey existing(Scheduler s, String name) throws SchedulerException {
    JobKey key = JobKey.jobKey(name, AtriumScheduler.GROUP);
    if (!s.checkExists(key)) {
      throw new AtriumException(ErrorCode.NOT_FOUND, "No job '" + name + "'.");
    }
    return key;
  }

  /** The newest firings of a job: when, where, how often tried, the outcome. */
  public List<JobRunDto> runs(String name, int top) {
    Scheduler s = running();
    try {
      existing(s, name);
    } catch (SchedulerException e) {
      throw unavailable(e);
    }
    Paging.check(0, top);
    return runs.newest(name, top).stream().map(r -> new JobRunDto(Mapping.utc(r.getFireTime()), r.getNodeId(),
        r.getAttempts(), r.getStatus().name(), r.getOutcome(), Mapping.utc(r.getStartedOn()),
        r.getFinishedOn() == null ? null : Mapping.utc(r.getFinishedOn()))).toList();
  }

  private JobDto describe(Scheduler s, JobKey key) throws SchedulerException {
    JobDetail detail = s.getJobDetail(key);
    java.util.Optional<JobRun> last = runs.newest(key.getName(), 1).stream().findFirst();
    List<Trigger> triggers = List.copyOf(s.getTriggersOfJob(key));
    Trigger t = triggers.stream().filter(x -> x.getKey().getName().equals(key.getName())).findFirst()
        .orElse(triggers.isEmpty() ? null : triggers.get(0));
    String schedule = t instanceof CronTrigger c ? "cron " + c.getCronExpression() + " " + c.getTimeZone().getID()
        : t instanceof SimpleTrigger st ? "every " + st.getRepeatInterval() / 1000 + " s" : "";
    String state = t == null ? "NONE" : s.getTriggerState(t.getKey()).name();
    return new JobDto(key.getName(), detail.getDescription(), schedule, state,
        t == null ? null : instant(t.getNextFireTime()), t == null ? null : instant(t.getPreviousFireTime()),
        last.map(r -> r.getFinishedOn() == null ? null : Mapping.utc(r.getFinishedOn())).orElse(null),
        last.map(r -> r.getStatus() + (r.getOutcome() == null ? "" : ": " + r.getOutcome())).orElse(null));
  }

  private static Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }

  private Scheduler running() {
    return scheduler.scheduler().orElseThrow(() -> new AtriumException(ErrorCode.SERVICE_UNAVAILABLE,
        "The scheduler is not running on this node."));
  }

  private static AtriumException unavailable(SchedulerException e) {
    LOG.warn("ATRIUM-0404 Job store call failed", e);
    return new AtriumException(ErrorCode.SERVICE_UNAVAILABLE, "The job store cannot be reached.");
  }
}
