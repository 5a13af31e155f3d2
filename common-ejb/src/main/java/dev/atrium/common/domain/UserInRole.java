package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/** Direct membership of a user in a role (table {@code SysUserInRole}). */
@Entity
@Table(name = "SysUserInRole")
public class UserInRole extends SystemRecord {

  @Column(name = "SysUserId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID userId;

  @Column(name = "SysRoleId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID roleId;

  protected UserInRole() {}

  public UserInRole(UUID userId, UUID roleId) {
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
