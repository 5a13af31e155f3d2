package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/**
 * A named licence for one product, granted to a user or to a role (then every user holding the
 * role, directly or through the tree and links, has it). Table {@code SysLicUser}.
 */
@Entity
@Table(name = "SysLicUser")
public class LicenceGrant extends SystemRecord {

  @Column(name = "CreatedById")
  @Convert(GuidConverter.NAME)
  private UUID createdById;

  @Column(name = "SysAdminUnitId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID holderId;

  @Column(name = "ProductCode", nullable = false, length = 100)
  private String productCode;

  protected LicenceGrant() {}

  public LicenceGrant(UUID holderId, String productCode, UUID createdById) {
    this.holderId = holderId;
    this.productCode = productCode;
    this.createdById = createdById;
  }

  public UUID getHolderId() {
    return holderId;
  }

  public String getProductCode() {
    return productCode;
  }
}
