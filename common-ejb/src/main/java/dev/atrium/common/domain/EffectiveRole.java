package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/**
 * A role a user holds, directly or through the role tree and functional-role links (table
 * {@code SysAdminUnitInRole}, maintained by the membership service whenever either changes).
 */
@Entity
@Table(name = "SysAdminUnitInRole")
public class EffectiveRole extends SystemRecord {

  @Column(name = "SysAdminUnitId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID userId;

  @Column(name = "SysAdminUnitRoleId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID roleId;

  protected EffectiveRole() {}

  public EffectiveRole(UUID userId, UUID roleId) {
    this.userId = userId;
    this.roleId = roleId;
  }

  public UUID getUserId() {
    return userId;
  }

  public UUID getRoleId() {
    return roleId;
  }
}
