package dev.atrium.common.application;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.Licence;
import dev.atrium.common.domain.LicensedProduct;
import dev.atrium.common.infrastructure.LicenceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The rule that named licences can never be handed out beyond what is owned, wherever holders
 * change: a grant, or a membership change that brings users into a role holding a product. Runs
 * in the caller's transaction, which it rolls back by throwing {@code LICENSE_LIMIT_EXCEEDED}.
 * A change that does not add holders is always allowed, so an over-allocation left by a smaller
 * licence can be worked down.
 */
@ApplicationScoped
public class LicenceAllocation {

  @Inject
  LicenceRepository licences;

  /** Per product, how many users hold a named licence now. */
  public Map<String, Integer> assigned() {
    return licences.assignedCounts();
  }

  /** Refuses the change if it added holders to a product already covering all it owns. */
  public void verify(Map<String, Integer> before) {
    Map<String, Integer> after = licences.assignedCounts();
    for (LicensedProduct p : licences.products()) {
      int now = after.getOrDefault(p.getProductCode(), 0);
      if (p.getType() == Licence.Type.Named && now > p.getCount() && now > before.getOrDefault(p.getProductCode(), 0)) {
        throw new AtriumException(ErrorCode.LICENSE_LIMIT_EXCEEDED, "This would give " + now + " users a named licence of '"
            + p.getProductCode() + "'; the licence in force covers " + p.getCount() + ".");
      }
    }
  }
}
