package dev.atrium.common.application;

import dev.atrium.common.domain.SettingsSnapshot;
import dev.atrium.common.infrastructure.ClusterEvents;
import dev.atrium.common.infrastructure.CoherentValue;
import dev.atrium.common.security.CallerIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * This node's copy of all settings, reloaded on every node when a {@link SettingsChanged}
 * commits (topic {@code settings}) and at least every {@link #MAX_AGE}.
 */
@ApplicationScoped
public class SettingsCache {

  static final String TOPIC = "settings";
  static final Duration MAX_AGE = Duration.ofSeconds(60);

  private CoherentValue<SettingsSnapshot> snapshot;

  @EJB
  SettingsService settings;

  @Inject
  ClusterEvents events;

  @PostConstruct
  void listen() {
    snapshot = new CoherentValue<>(settings::load, MAX_AGE);
    events.subscribe(TOPIC, payload -> snapshot.invalidate());
  }

  public SettingsSnapshot snapshot() {
    return snapshot.get();
  }

  /** The value that applies to this caller. */
  public int intValue(String code, CallerIdentity who) {
    return snapshot().resolveInt(code, who.userId(), who.roles());
  }

  void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsChanged change) {
    events.publish(TOPIC, change.code());
  }
}
