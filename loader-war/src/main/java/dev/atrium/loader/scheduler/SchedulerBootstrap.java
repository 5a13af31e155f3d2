package dev.atrium.loader.scheduler;

import dev.atrium.common.application.Housekeeping;
import dev.atrium.common.application.JobRunService;
import dev.atrium.common.application.LicenceNotices;
import dev.atrium.common.application.LicenceStateLoader;
import dev.atrium.common.scheduler.AtriumScheduler;
import dev.atrium.common.scheduler.SystemRunner;
import jakarta.ejb.EJB;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.quartz.SchedulerException;

/**
 * The loader runs the background scheduler: started once the database is migrated, stopped
 * gracefully (running jobs finish) when the application stops. No JTA transaction here: the job
 * store commits its own connections.
 */
@Singleton
@Startup
@DependsOn("atrium-common.jar#StartupSequence")
@TransactionManagement(TransactionManagementType.BEAN)
public class SchedulerBootstrap {

  @Inject
  AtriumScheduler scheduler;

  // The services that jobs call. The references make the container stop them only after this
  // bean, so that while a node shuts down, the scheduler (stopped here first) never fires a job
  // into a stopped component; a firing would be lost. A new job's service belongs here too.
  @EJB
  SystemRunner systemRunner;

  @EJB
  JobRunService jobRuns;

  @EJB
  Housekeeping housekeeping;

  @EJB
  LicenceStateLoader licenceStateLoader;

  @EJB
  LicenceNotices licenceNotices;

  @PostConstruct
  void start() {
    try {
      scheduler.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("ATRIUM-0405 The scheduler cannot start", e);
    }
  }

  @PreDestroy
  void stop() {
    scheduler.stop();
  }
}
