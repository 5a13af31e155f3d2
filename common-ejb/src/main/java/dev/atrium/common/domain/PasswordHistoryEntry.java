package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/** The hash of a password a user had before (table {@code SysUserPasswordHistory}). */
@Entity
@Table(name = "SysUserPasswordHistory")
public class PasswordHistoryEntry extends SystemRecord {

  @Column(name = "SysAdminUnitId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID userId;

  @Column(name = "PasswordHash", nullable = false, length = 250)
  private String passwordHash;

  protected PasswordHistoryEntry() {}

  public PasswordHistoryEntry(UUID userId, String passwordHash) {
    this.userId = userId;
    this.passwordHash = passwordHash;
  }

  public UUID getUserId() {
    return userId;
  }

  public String getPasswordHash() {
    return passwordHash;
  }
}
