package dev.atrium.common.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the installation may do right now: the products of the licence in force (or of the trial),
 * how many named licences of each are assigned, and the highest time any node has seen. Pure, so
 * every rule here is unit-tested with a clock the test controls.
 *
 * <p>Clock rollback: when the system clock is more than {@link #ROLLBACK_TOLERANCE} behind the
 * high-water mark, licence time is the high-water mark, so setting the clock back does not revive
 * an expired licence. Smaller differences (nodes a little out of step) are tolerated.
 */
public record LicenceState(boolean trial, UUID licenseId, List<Product> products, Map<String, Integer> assigned,
    Instant highWaterMark) {

  public static final Duration ROLLBACK_TOLERANCE = Duration.ofDays(1);
  /** What a trial covers: every product, for everyone. */
  public static final List<String> TRIAL_PRODUCTS = List.of("marketing", "sales", "service", "studio");

  /** A product in force: its type, how many users it covers (named), and its validity. */
  public record Product(String code, Licence.Type type, int owned, Instant validFrom, Instant validTo) {
    public boolean validAt(Instant t) {
      return !t.isBefore(validFrom) && t.isBefore(validTo);
    }
  }

  /** What a user may do. */
  public enum Access {
    /** Licensed: everything their permissions allow, within their products. */
    FULL,
    /** Not licensed (or sign-in is locked), but may manage licences: only that. */
    LIMITED,
    /** No session. */
    NONE
  }

  /** The outcome for one user: access, the products they may use now, and why, when refused or limited. */
  public record Decision(Access access, Set<String> products, String reason) {}

  public LicenceState {
    products = List.copyOf(products);
    assigned = Map.copyOf(assigned);
  }

  /** The trial of a fresh installation: every product for everyone, from installation for {@code length}. */
  public static LicenceState trial(Instant installedOn, Duration length, Instant highWaterMark) {
    Instant end = installedOn.plus(length);
    return new LicenceState(true, null, TRIAL_PRODUCTS.stream()
        .map(code -> new Product(code, Licence.Type.Server, 0, installedOn, end)).toList(), Map.of(), highWaterMark);
  }

  /** Licence time: the system clock, unless it was set back by more than the tolerance. */
  public Instant effectiveNow(Instant systemNow) {
    return clockSetBack(systemNow) ? highWaterMark : systemNow;
  }

  public boolean clockSetBack(Instant systemNow) {
    return highWaterMark != null && systemNow.isBefore(highWaterMark.minus(ROLLBACK_TOLERANCE));
  }

  /** More named licences of a valid product are assigned than owned: sign-in is locked. */
  public boolean overAllocated(Instant systemNow) {
    Instant now = effectiveNow(systemNow);
    return products.stream().anyMatch(p -> p.type() == Licence.Type.Named && p.validAt(now)
        && assigned.getOrDefault(p.code(), 0) > p.owned());
  }

  /** The products a user with these named grants may use now. */
  public Set<String> productsOf(Set<String> namedGrants, Instant systemNow) {
    Instant now = effectiveNow(systemNow);
    Set<String> mine = new TreeSet<>();
    for (Product p : products) {
      if (p.validAt(now) && (p.type() == Licence.Type.Server || namedGrants.contains(p.code()))) {
        mine.add(p.code());
      }
    }
    return mine;
  }

  /**
   * Sign-in and per-request rule: a user needs a valid product, and while more licences are
   * assigned than owned only licence managers get in, to fix the distribution.
   */
  public Decision decide(Set<String> namedGrants, boolean licenceManager, Instant systemNow) {
    Set<String> mine = productsOf(namedGrants, systemNow);
    String reason = null;
    if (overAllocated(systemNow)) {
      reason = "Sign-in is locked: more licences are assigned than the licence in force covers."
          + " A licence manager must recall some or upload a larger licence.";
    } else if (mine.isEmpty()) {
      reason = trial && !products.isEmpty() && !products.get(0).validAt(effectiveNow(systemNow))
          ? "The trial period has ended. A licence manager must upload a licence."
          : "You have no licence. Ask a licence manager to grant you one.";
    }
    if (reason == null) {
      return new Decision(Access.FULL, mine, null);
    }
    return new Decision(licenceManager ? Access.LIMITED : Access.NONE, Set.of(), reason);
  }

  /** Named licences of a product still free. */
  public int available(Product p) {
    return p.type() == Licence.Type.Named ? p.owned() - assigned.getOrDefault(p.code(), 0) : 0;
  }
}
