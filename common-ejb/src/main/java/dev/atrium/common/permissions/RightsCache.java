package dev.atrium.common.permissions;

import dev.atrium.common.infrastructure.ClusterEvents;
import dev.atrium.common.infrastructure.CoherentValue;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * This node's copy of every object's and column's permissions, reloaded on every node of a farm
 * when a {@link RightsChanged} commits (topic {@code rights}) and at least every {@link #MAX_AGE}.
 */
@ApplicationScoped
public class RightsCache {

  static final String TOPIC = "rights";
  static final Duration MAX_AGE = Duration.ofSeconds(60);

  /** Both kinds, loaded together so a reader never sees one newer than the other. */
  private record Snapshot(ObjectRights objects, ColumnRights columns) {}

  @Inject
  ObjectRightsRepository objectRows;

  @Inject
  ColumnRightsRepository columnRows;

  @Inject
  ClusterEvents events;

  private CoherentValue<Snapshot> rights;

  @PostConstruct
  void listen() {
    rights = new CoherentValue<>(this::load, MAX_AGE);
    events.subscribe(TOPIC, payload -> rights.invalidate());
  }

  private Snapshot load() {
    return new Snapshot(objectRows.all(), columnRows.all());
  }

  public ObjectRights objects() {
    return rights.get().objects();
  }

  public ColumnRights columns() {
    return rights.get().columns();
  }

  void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) RightsChanged change) {
    events.publish(TOPIC, change.object());
  }
}
