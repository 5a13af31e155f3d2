package dev.atrium.common.scheduler;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.TriggerBuilder;
import org.quartz.impl.DirectSchedulerFactory;
import org.quartz.impl.jdbcjobstore.InvalidConfigurationException;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.spi.JobFactory;
import org.quartz.utils.DBConnectionManager;

/**
 * The node's Quartz scheduler. Its job store is the main database (tables {@code QRTZ_*}, created
 * by Liquibase), clustered: nodes check in every {@link #CHECKIN_MS} ms, each firing runs on one
 * node, and a node that stops checking in has its recoverable jobs run again elsewhere. Its threads
 * come from the container. Started and stopped by the loader; all calls must be made outside a
 * JTA transaction (the job store commits its own connections).
 *
 * <p>Firings run as requests of the server ({@link #runAsRequest}): WildFly's graceful suspend,
 * which a graceful shutdown begins with, waits for a running firing, so the services a job calls
 * are never stopped under it. A firing that comes while the server is suspended is not run here:
 * it is handed to the farm ({@link #handOff}) and this node's scheduler stands by until the server
 * runs again.
 */
@ApplicationScoped
public class AtriumScheduler {

  private static final Logger LOG = Logger.getLogger(AtriumScheduler.class);
  public static final String GROUP = "atrium";
  static final String NAME = "AtriumScheduler";
  static final String DATASOURCE = "atrium";
  static final long CHECKIN_MS = 5_000;
  static final long MISFIRE_THRESHOLD_MS = 30_000;
  static final int WORKERS = 4;
  /** Job data of a handed-off firing: the scheduled time (epoch ms) of the firing it stands for. */
  static final String HANDED_OFF_FIRING = "atrium.handedOffFiring";
  static final long RESUME_CHECK_MS = 1_000;

  @Resource(lookup = "java:jboss/datasources/AtriumDS")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  // The container's executor is suspend-aware: what runs on it is a request the server's suspend
  // waits for, and while suspended it refuses new work.
  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService requests;

  @Inject
  @Any
  Instance<AtriumJob> jobs;

  private volatile Scheduler scheduler;

  public synchronized void start() throws SchedulerException {
    if (scheduler != null) {
      return;
    }
    DBConnectionManager.getInstance().addConnectionProvider(DATASOURCE, new ContainerConnectionProvider(dataSource));
    ManagedThreadExecutor executor = new ManagedThreadExecutor(threads);
    JobStoreTX store = new JobStoreTX();
    store.setDataSource(DATASOURCE);
    store.setTablePrefix("QRTZ_");
    store.setIsClustered(true);
    store.setClusterCheckinInterval(CHECKIN_MS);
    store.setMisfireThreshold(MISFIRE_THRESHOLD_MS);
    store.setAcquireTriggersWithinLock(true);
    try {
      store.setDriverDelegateClass(delegateFor(dataSource));
    } catch (InvalidConfigurationException e) {
      throw new SchedulerException(e);
    }
    store.setThreadExecutor(executor);
    String instanceId = System.getProperty("jboss.node.name", "node") + "-" + UUID.randomUUID().toString().substring(0, 8);
    DirectSchedulerFactory factory = DirectSchedulerFactory.getInstance();
    factory.createScheduler(NAME, instanceId, new ManagedThreadPool(threads, WORKERS), executor, store, null, null, 0,
        -1, -1, false, null);
    Scheduler s = factory.getScheduler(NAME);
    s.setJobFactory(jobFactory());
    scheduleMissing(s);
    s.start();
    scheduler = s;
    LOG.infof("ATRIUM-0400 Scheduler started as %s (clustered through the database)", instanceId);
  }

  public synchronized void stop() {
    Scheduler s = scheduler;
    scheduler = null;
    if (s != null) {
      try {
        s.shutdown(true);
        LOG.info("ATRIUM-0401 Scheduler stopped after its running jobs finished");
      } catch (SchedulerException e) {
        LOG.warn("ATRIUM-0402 Scheduler did not stop cleanly", e);
      }
    }
  }

  /**
   * Runs a firing's work as a request of this server and waits for it. While the server is
   * suspended (or suspending) the work does not run: this throws {@link NodeSuspended}, and the
   * scheduler stands by until the server runs again.
   */
  public <T> T runAsRequest(Callable<T> work) throws Exception {
    Future<T> running;
    try {
      running = requests.submit(work);
    } catch (RejectedExecutionException suspended) {
      standBy();
      throw new NodeSuspended();
    }
    try {
      return running.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    }
  }

  /** Thrown by {@link #runAsRequest} when the server does not take requests. */
  public static final class NodeSuspended extends Exception {
    private static final long serialVersionUID = 1L;

    NodeSuspended() {
      super("The server is suspended", null, false, false);
    }
  }

  /**
   * Gives a firing this node could not run to the farm: a one-shot trigger of the same job that
   * stands for the same scheduled time (see {@link AtriumJob#scheduledTime}), taken by a node that
   * runs, or by this one when it runs again. Its record ({@code SysJobRun}) is unique per job and
   * scheduled time, so a firing handed off twice still runs once.
   */
  public void handOff(JobKey job, Instant scheduledAt) throws SchedulerException {
    Scheduler s = scheduler;
    if (s == null) {
      throw new SchedulerException("The scheduler is stopped");
    }
    String id = job.getName() + "@" + scheduledAt.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
    s.scheduleJob(TriggerBuilder.newTrigger().withIdentity(id, GROUP).forJob(job)
        .usingJobData(HANDED_OFF_FIRING, String.valueOf(scheduledAt.toEpochMilli())).startNow()
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build());
    LOG.infof("ATRIUM-0409 Job %s firing %s handed to the farm: this server is suspended", job.getName(), scheduledAt);
  }

  /** Stops taking firings while the server is suspended; resumes when it takes requests again. */
  private synchronized void standBy() {
    Scheduler s = scheduler;
    try {
      if (s == null || s.isInStandbyMode()) {
        return; // stopped, or standing by already with a watch running
      }
      s.standby();
    } catch (SchedulerException e) {
      LOG.warn("ATRIUM-0402 Scheduler did not stand by", e);
      return;
    }
    LOG.info("ATRIUM-0410 The server is suspended: the scheduler stands by");
    Thread watch = threads.newThread(() -> awaitResume(s));
    watch.setName("atrium-scheduler-resume");
    watch.setDaemon(true);
    watch.start();
  }

  /** Checks every second whether the server takes requests again; ends when the scheduler stops. */
  private void awaitResume(Scheduler s) {
    try {
      while (scheduler == s) {
        Thread.sleep(RESUME_CHECK_MS);
        try {
          requests.submit(() -> null).get();
        } catch (RejectedExecutionException stillSuspended) {
          continue;
        }
        synchronized (this) {
          if (scheduler == s && s.isInStandbyMode()) {
            s.start();
            LOG.info("ATRIUM-0411 The server runs again: the scheduler resumed");
          }
        }
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | SchedulerException | RuntimeException e) {
      LOG.warn("ATRIUM-0402 Scheduler did not resume", e);
    }
  }

  /**
   * Fires the job once, soon, on the farm (a one-shot trigger in the job store), from a thread of
   * its own: outside the caller's transaction, which may be over (an after-commit observer); the
   * job store's connection cannot be enlisted in one that has completed. Nothing on a node where
   * the scheduler is not started or while an operator has paused the job; a failure is logged (the
   * job's own schedule still comes).
   */
  public void runSoon(String jobName) {
    Scheduler s = scheduler;
    if (s == null) {
      return;
    }
    try {
      requests.submit(() -> {
        try {
          if (s.getTriggerState(TriggerKey.triggerKey(jobName, GROUP)) != Trigger.TriggerState.PAUSED) { // paused: waits for the resume
            s.triggerJob(JobKey.jobKey(jobName, GROUP));
          }
        } catch (SchedulerException | RuntimeException e) {
          notStarted(jobName, e);
        }
      });
    } catch (RuntimeException refused) { // suspended: the executor takes no new work
      notStarted(jobName, refused);
    }
  }

  private static void notStarted(String jobName, Exception e) {
    LOG.warnf("ATRIUM-0412 Job %s could not be started at once (%s); its schedule runs it", jobName, e.getMessage());
  }

  /** The running scheduler; empty on a node where it is not started. */
  public java.util.Optional<Scheduler> scheduler() {
    return java.util.Optional.ofNullable(scheduler);
  }

  /** Every job bean by its class, as stored in the job store. */
  public Map<Class<?>, Instance.Handle<AtriumJob>> jobBeans() {
    Map<Class<?>, Instance.Handle<AtriumJob>> byClass = new HashMap<>();
    jobs.handles().forEach(h -> byClass.put(h.getBean().getBeanClass(), h));
    return byClass;
  }

  /** Jobs are the CDI beans themselves, so they can inject the services they call. */
  private JobFactory jobFactory() {
    Map<Class<?>, Instance.Handle<AtriumJob>> beans = jobBeans();
    return (bundle, sched) -> {
      Instance.Handle<AtriumJob> h = beans.get(bundle.getJobDetail().getJobClass());
      if (h == null) {
        throw new SchedulerException("No job bean for " + bundle.getJobDetail().getJobClass());
      }
      return h.get();
    };
  }

  /**
   * Schedules each job the store does not have yet, and applies a changed schedule (e.g. a new
   * heartbeat interval) to one it has; a job an admin paused stays paused.
   */
  private void scheduleMissing(Scheduler s) throws SchedulerException {
    for (Map.Entry<Class<?>, Instance.Handle<AtriumJob>> e : jobBeans().entrySet()) {
      AtriumJob job = e.getValue().get();
      JobKey key = JobKey.jobKey(job.name(), GROUP);
      Trigger trigger = TriggerBuilder.newTrigger().withIdentity(job.name(), GROUP).forJob(key)
          .withSchedule(job.schedule()).startNow().build();
      if (s.checkExists(key)) {
        Trigger current = s.getTrigger(trigger.getKey());
        if (current != null && !sameSchedule(current, trigger)) {
          boolean paused = s.getTriggerState(current.getKey()) == Trigger.TriggerState.PAUSED;
          s.rescheduleJob(current.getKey(), trigger);
          if (paused) {
            s.pauseJob(key);
          }
          LOG.infof("ATRIUM-0408 Job %s rescheduled to its new schedule", job.name());
        }
        continue;
      }
      @SuppressWarnings("unchecked")
      Class<? extends org.quartz.Job> type = (Class<? extends org.quartz.Job>) e.getKey();
      JobDetail detail = JobBuilder.newJob(type).withIdentity(key).withDescription(job.description())
          .requestRecovery(true).storeDurably().build();
      try {
        s.scheduleJobs(Map.of(detail, java.util.Set.of(trigger)), false);
        LOG.infof("ATRIUM-0403 Scheduled job %s", job.name());
      } catch (ObjectAlreadyExistsException anotherNodeWasFirst) {
        // a node starting at the same time scheduled it
      }
    }
  }

  static boolean sameSchedule(Trigger a, Trigger b) {
    if (a instanceof SimpleTrigger x && b instanceof SimpleTrigger y) {
      return x.getRepeatInterval() == y.getRepeatInterval() && x.getMisfireInstruction() == y.getMisfireInstruction();
    }
    if (a instanceof CronTrigger x && b instanceof CronTrigger y) {
      return x.getCronExpression().equals(y.getCronExpression()) && x.getTimeZone().equals(y.getTimeZone())
          && x.getMisfireInstruction() == y.getMisfireInstruction();
    }
    return false;
  }

  /** The Quartz delegate for the database behind the datasource. */
  static String delegateFor(DataSource ds) throws SchedulerException {
    try (Connection c = ds.getConnection()) {
      return delegateFor(c.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new SchedulerException("Cannot reach the database to start the scheduler", e);
    }
  }

  static String delegateFor(String product) {
    String p = product.toLowerCase(Locale.ROOT);
    String pkg = "org.quartz.impl.jdbcjobstore.";
    if (p.contains("postgres")) {
      return pkg + "PostgreSQLDelegate";
    }
    if (p.contains("microsoft")) {
      return pkg + "MSSQLDelegate";
    }
    if (p.contains("oracle")) {
      return pkg + "oracle.OracleDelegate";
    }
    return pkg + "StdJDBCDelegate";
  }

}
