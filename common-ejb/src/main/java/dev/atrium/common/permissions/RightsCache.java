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
 * This node's copy of every object's permissions, reloaded on every node of a farm when an
 * {@link ObjectRightsChanged} commits (topic {@code object-rights}) and at least every
 * {@link #MAX_AGE}.
 */
@ApplicationScoped
public class ObjectRightsCache {

  static final String TOPIC = "object-rights";
  static final Duration MAX_AGE = Duration.ofSeconds(60);

  @Inject
  ObjectRightsRepository rows;

  @Inject
  ClusterEvents events;

  private CoherentValue<ObjectRights> rights;

  @PostConstruct
  void listen() {
    rights = new CoherentValue<>(this::load, MAX_AGE);
    events.subscribe(TOPIC, payload -> rights.invalidate());
  }

  private ObjectRights load() {
    return rows.all();
  }

  public ObjectRights rights() {
    return rights.get();
  }

  void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) ObjectRightsChanged change) {
    events.publish(TOPIC, change.object());
  }
}
