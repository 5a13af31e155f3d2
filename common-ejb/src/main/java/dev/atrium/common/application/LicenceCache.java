package dev.atrium.common.application;

import dev.atrium.common.domain.LicenceState;
import dev.atrium.common.infrastructure.ClusterEvents;
import dev.atrium.common.infrastructure.CoherentValue;
import dev.atrium.common.security.CallerIdentity;
import dev.atrium.common.security.Operations;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * This node's copy of the licence state, so the licence check of a request costs no database hit.
 * It is dropped on every node whenever identities change (topic {@code identity}: a licence
 * upload, a grant or recall, a membership change) and reloaded at least every {@link #MAX_AGE},
 * which also moves the stored high-water mark of time forward. Expiry needs no message: it is
 * checked against the clock on every request.
 */
@ApplicationScoped
public class LicenceCache {

  static final Duration MAX_AGE = Duration.ofSeconds(30);

  @EJB
  LicenceStateLoader loader;

  @Inject
  ClusterEvents events;

  private CoherentValue<LicenceState> state;

  @PostConstruct
  void listen() {
    state = new CoherentValue<>(() -> loader.load(Instant.now()), MAX_AGE);
    events.subscribe(IdentityCache.TOPIC, payload -> state.invalidate());
  }

  public LicenceState state() {
    return state.get();
  }

  /** What this user may do now. */
  public LicenceState.Decision decide(CallerIdentity who) {
    return state().decide(who.licenceGrants(), who.groups().contains(Operations.CAN_MANAGE_LIC_USERS), Instant.now());
  }
}
