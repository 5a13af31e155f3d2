package dev.atrium.common.scheduler;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.quartz.spi.ThreadPool;

/**
 * Quartz's worker threads, made by the container's {@link ManagedThreadFactory} so jobs run with
 * the application's class loader and naming context, and stop with the deployment.
 */
public final class ManagedThreadPool implements ThreadPool {

  private final ManagedThreadFactory factory;
  private final int size;
  private final Semaphore free;
  private ExecutorService workers;

  public ManagedThreadPool(ManagedThreadFactory factory, int size) {
    this.factory = factory;
    this.size = size;
    this.free = new Semaphore(size);
  }

  @Override
  public void initialize() {
    workers = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory);
  }

  @Override
  public boolean runInThread(Runnable job) {
    if (!free.tryAcquire()) {
      return false;
    }
    try {
      workers.execute(() -> {
        try {
          job.run();
        } finally {
          free.release();
        }
      });
      return true;
    } catch (RuntimeException rejected) {
      free.release();
      return false;
    }
  }

  @Override
  public int blockForAvailableThreads() {
    try {
      free.acquire();
      free.release();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return free.availablePermits();
  }

  @Override
  public void shutdown(boolean waitForJobsToComplete) {
    workers.shutdown();
    if (waitForJobsToComplete) {
      try {
        workers.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public int getPoolSize() {
    return size;
  }

  @Override
  public void setInstanceId(String id) {
    // not needed: the container names its threads
  }

  @Override
  public void setInstanceName(String name) {
    // not needed: the container names its threads
  }
}
