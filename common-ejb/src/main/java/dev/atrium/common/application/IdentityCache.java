package dev.atrium.common.application;

import dev.atrium.common.infrastructure.ClusterEvents;
import dev.atrium.common.security.CallerIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's copy of callers' identities, so a request costs no database hit. Entries are
 * dropped on every node when an {@link IdentityChanged} commits (topic {@code identity}), and
 * in any case after {@link #MAX_AGE}, a bound on staleness should a message be lost.
 */
@ApplicationScoped
public class IdentityCache {

  static final String TOPIC = "identity";
  static final Duration MAX_AGE = Duration.ofSeconds(60);

  private record Entry(Optional<CallerIdentity> identity, long loadedAtNanos) {}

  private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
  /** Bumped by every invalidation, so a load that raced one is not kept. */
  private final AtomicLong generation = new AtomicLong();

  @EJB
  IdentityService identities;

  @Inject
  ClusterEvents events;

  @PostConstruct
  void listen() {
    events.subscribe(TOPIC, this::drop);
  }

  public Optional<CallerIdentity> get(UUID userId) {
    Entry e = entries.get(userId);
    if (e != null && System.nanoTime() - e.loadedAtNanos() < MAX_AGE.toNanos()) {
      return e.identity();
    }
    long before = generation.get();
    Optional<CallerIdentity> loaded = identities.resolve(userId);
    if (generation.get() == before) {
      entries.put(userId, new Entry(loaded, System.nanoTime()));
    }
    return loaded;
  }

  void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) IdentityChanged change) {
    events.publish(TOPIC, change.userId() == null ? ClusterEvents.EVERYTHING : change.userId().toString());
  }

  private void drop(String payload) {
    generation.incrementAndGet();
    if (ClusterEvents.EVERYTHING.equals(payload)) {
      entries.clear();
    } else {
      entries.remove(UUID.fromString(payload));
    }
  }
}
