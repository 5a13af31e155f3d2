package dev.atrium.loader.scheduler;

import dev.atrium.common.scheduler.AtriumScheduler;
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
 * gracefully (running jobs finish) when the application stops. A graceful shutdown of the server
 * suspends it first, which waits for running firings, so they never meet a stopped service (see
 * {@link AtriumScheduler}). No JTA transaction here: the job store commits its own connections.
 */
@Singleton
@Startup
@DependsOn("atrium-common.jar#StartupSequence")
@TransactionManagement(TransactionManagementType.BEAN)
public class SchedulerBootstrap {

  @Inject
  AtriumScheduler scheduler;

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
