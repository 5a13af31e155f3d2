package dev.atrium.common.application;

import dev.atrium.common.domain.InstanceRecord;
import dev.atrium.common.domain.Licence;
import dev.atrium.common.domain.LicenceFileRecord;
import dev.atrium.common.domain.LicenceState;
import dev.atrium.common.domain.LicensedProduct;
import dev.atrium.common.infrastructure.AtriumConfig;
import dev.atrium.common.infrastructure.LicenceRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads the licence state: for the node cache ({@link LicenceCache}), first moving the stored
 * high-water mark of time forward to this node's clock (never back), and for licence management.
 */
@Stateless
@PermitAll
public class LicenceStateLoader {

  private static final Logger LOG = Logger.getLogger(LicenceStateLoader.class);

  @Inject
  LicenceRepository licences;

  @Inject
  AtriumConfig config;

  /** Moves the high-water mark forward, then reads the state (own transaction). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public LicenceState load(Instant systemNow) {
    licences.advanceHighWaterMark(LocalDateTime.ofInstant(systemNow, ZoneOffset.UTC));
    return current(systemNow);
  }

  /** The state as the caller's transaction sees it, e.g. right after an upload. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public LicenceState current(Instant systemNow) {
    InstanceRecord instance = licences.instance();
    Instant mark = Optional.ofNullable(instance.getHighWaterMark()).map(Mapping::utc).orElse(null);
    Optional<LicenceFileRecord> file = licences.fileInForce();
    LicenceState state = file.isEmpty()
        ? LicenceState.trial(Mapping.utc(instance.getCreatedOn()), config.licenseTrial(), mark)
        : new LicenceState(false, file.get().getLicenseId(), licences.products().stream().map(LicenceStateLoader::product)
            .toList(), licences.assignedCounts(), mark);
    if (state.clockSetBack(systemNow)) {
      LOG.errorf("ATRIUM-0301 The system clock (%s) is more than %s behind the latest time this installation has seen"
          + " (%s); licences are checked against the latter.", systemNow, LicenceState.ROLLBACK_TOLERANCE, mark);
    }
    return state;
  }

  private static LicenceState.Product product(LicensedProduct p) {
    return new LicenceState.Product(p.getProductCode(), p.getType(), p.getCount(), Mapping.utc(p.getValidFrom()),
        Mapping.utc(p.getValidTo()));
  }
}
