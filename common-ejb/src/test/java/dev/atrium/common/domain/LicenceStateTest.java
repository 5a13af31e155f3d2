package dev.atrium.common.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.common.domain.LicenceState.Access;
import dev.atrium.common.domain.LicenceState.Product;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The licence rules against a clock the test controls. */
class LicenceStateTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant EXPIRY = T0.plus(Duration.ofDays(100));

  private static LicenceState licence(Map<String, Integer> assigned, Instant highWaterMark) {
    return new LicenceState(false, UUID.randomUUID(), List.of(
        new Product("sales", Licence.Type.Named, 2, T0, EXPIRY),
        new Product("studio", Licence.Type.Named, 5, T0, EXPIRY)), assigned, highWaterMark);
  }

  @Test
  void aNamedGrantLicensesOnlyItsProductWhileValid() {
    LicenceState s = licence(Map.of("sales", 1), null);
    Instant during = T0.plus(Duration.ofDays(10));
    assertEquals(Set.of("sales"), s.productsOf(Set.of("sales", "marketing"), during));
    assertEquals(Access.FULL, s.decide(Set.of("sales"), false, during).access());
    assertEquals(Access.NONE, s.decide(Set.of(), false, during).access(), "no grant, no session");
    assertEquals(Access.LIMITED, s.decide(Set.of(), true, during).access(), "a licence manager may fix it");
    assertEquals(Access.NONE, s.decide(Set.of("sales"), false, EXPIRY).access(), "the end is exclusive");
    assertEquals(Access.NONE, s.decide(Set.of("sales"), false, T0.minusSeconds(1)).access(), "not yet valid");
  }

  @Test
  void serverProductsLicenseEveryone() {
    LicenceState s = new LicenceState(false, UUID.randomUUID(),
        List.of(new Product("studio", Licence.Type.Server, 0, T0, EXPIRY)), Map.of(), null);
    assertEquals(Set.of("studio"), s.decide(Set.of(), false, T0.plusSeconds(60)).products());
  }

  @Test
  void overAllocationLocksEveryoneButLicenceManagers() {
    LicenceState s = licence(Map.of("sales", 3), null);
    Instant during = T0.plus(Duration.ofDays(1));
    assertTrue(s.overAllocated(during));
    LicenceState.Decision user = s.decide(Set.of("sales"), false, during);
    assertEquals(Access.NONE, user.access());
    assertTrue(user.reason().contains("locked"), user.reason());
    assertEquals(Access.LIMITED, s.decide(Set.of("sales"), true, during).access());
    assertFalse(licence(Map.of("sales", 2), null).overAllocated(during), "exactly what is owned is fine");
    assertFalse(s.overAllocated(EXPIRY), "an expired product no longer counts");
    assertEquals(0, licence(Map.of("sales", 2), null).available(s.products().get(0)));
  }

  @Test
  void aClockSetBackByMoreThanADayDoesNotReviveAnExpiredLicence() {
    Instant seen = EXPIRY.plus(Duration.ofDays(3));  // a node saw the licence expire days ago
    LicenceState s = licence(Map.of(), seen);
    Instant rolledBack = EXPIRY.minus(Duration.ofDays(30));
    assertTrue(s.clockSetBack(rolledBack));
    assertEquals(seen, s.effectiveNow(rolledBack));
    assertEquals(Access.NONE, s.decide(Set.of("sales"), false, rolledBack).access());
    assertEquals(Access.FULL, licence(Map.of(), null).decide(Set.of("sales"), false, rolledBack).access(),
        "without the mark the same clock would have revived it");
  }

  @Test
  void smallDifferencesBetweenNodeClocksAreTolerated() {
    Instant seen = T0.plus(Duration.ofDays(10));
    LicenceState s = licence(Map.of(), seen);
    Instant slightlyBehind = seen.minus(Duration.ofHours(23));
    assertFalse(s.clockSetBack(slightlyBehind));
    assertEquals(slightlyBehind, s.effectiveNow(slightlyBehind));
    assertEquals(seen.plusSeconds(5), s.effectiveNow(seen.plusSeconds(5)), "a clock ahead of the mark is used as is");
  }

  @Test
  void aFreshInstallationRunsATrialOfEveryProductForEveryone() {
    LicenceState trial = LicenceState.trial(T0, Duration.ofDays(30), null);
    assertTrue(trial.trial());
    assertEquals(Set.copyOf(LicenceState.TRIAL_PRODUCTS), trial.decide(Set.of(), false, T0.plus(Duration.ofDays(29))).products());
    LicenceState.Decision after = trial.decide(Set.of(), false, T0.plus(Duration.ofDays(30)));
    assertEquals(Access.NONE, after.access());
    assertTrue(after.reason().contains("trial"), after.reason());
    assertEquals(Access.LIMITED, trial.decide(Set.of(), true, T0.plus(Duration.ofDays(31))).access(),
        "a licence manager can still sign in to upload a licence");
  }
}
