package dev.atrium.common.scheduler;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import org.quartz.spi.ThreadExecutor;

/**
 * Runs Quartz's own long-lived loops (the scheduler thread, the cluster check-in and the misfire
 * handler) on container-managed threads instead of starting the threads Quartz made.
 */
public final class ManagedThreadExecutor implements ThreadExecutor {

  private final ManagedThreadFactory factory;

  public ManagedThreadExecutor(ManagedThreadFactory factory) {
    this.factory = factory;
  }

  @Override
  public void execute(Thread loop) {
    Thread t = factory.newThread(loop);
    t.setName(loop.getName());
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void initialize() {
    // nothing to prepare
  }
}
