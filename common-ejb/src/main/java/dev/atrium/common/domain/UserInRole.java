package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/** Direct membership of a user in a role (table {@code SysUserInRole}). */
@Entity
@Table(name = "SysUserInRole")
public class UserInRole {

  @Id
  @Column(name = "Id", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID id;

  @Column(name = "CreatedOn", nullable = false, updatable = false)
  private LocalDateTime createdOn;

  @Column(name = "SysUserId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID userId;

  @Column(name = "SysRoleId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID roleId;

  public UUID getUserId() {
    return userId;
  }

  public UUID getRoleId() {
    return roleId;
  }
}
