package dev.atrium.common.infrastructure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One value a node caches for the whole farm (all settings, the licence state): loaded on first
 * use, dropped by {@link #invalidate()} when a cluster event says it changed, and reloaded in any
 * case after {@code maxAge}, a bound on staleness should a message be lost. A load that raced an
 * invalidation is returned to its caller but not kept.
 */
public final class CoherentValue<T> {

  private record Loaded<T>(T value, long atNanos) {}

  private final Supplier<T> loader;
  private final long maxAgeNanos;
  private final AtomicLong generation = new AtomicLong();
  private volatile Loaded<T> loaded;

  public CoherentValue(Supplier<T> loader, Duration maxAge) {
    this.loader = loader;
    this.maxAgeNanos = maxAge.toNanos();
  }

  public T get() {
    Loaded<T> l = loaded;
    if (l != null && System.nanoTime() - l.atNanos() < maxAgeNanos) {
      return l.value();
    }
    long before = generation.get();
    T fresh = loader.get();
    if (generation.get() == before) {
      loaded = new Loaded<>(fresh, System.nanoTime());
    }
    return fresh;
  }

  public void invalidate() {
    generation.incrementAndGet();
    loaded = null;
  }
}
