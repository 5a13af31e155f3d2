package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/**
 * A user or a role (table {@code SysAdminUnit}). Users sign in with their name, matched
 * case-insensitively through {@link #getCode()}, the lower-case login; roles have a stable code
 * that becomes a Jakarta Security group of their members.
 */
@Entity
@Table(name = "SysAdminUnit")
public class AdminUnit extends CrmRecord {

  @Column(name = "Name", nullable = false, length = 250)
  private String name;

  @Column(name = "Code", nullable = false, length = 250)
  private String code;

  @Column(name = "TypeValue", nullable = false)
  private int typeValue;

  @Column(name = "ParentRoleId")
  @Convert(GuidConverter.NAME)
  private UUID parentRoleId;

  @Column(name = "ContactId")
  @Convert(GuidConverter.NAME)
  private UUID contactId;

  @Column(name = "Active", nullable = false)
  private boolean active;

  @Column(name = "PasswordHash", length = 250)
  private String passwordHash;

  @Column(name = "Email", length = 250)
  private String email;

  @Column(name = "PasswordChangedOn")
  private LocalDateTime passwordChangedOn;

  @Column(name = "ForcePasswordChange", nullable = false)
  private boolean forcePasswordChange;

  /** The lookup key of a login name: sign-in is case-insensitive. */
  public static String loginCode(String loginName) {
    return loginName.trim().toLowerCase(Locale.ROOT);
  }

  public String getName() {
    return name;
  }

  public String getCode() {
    return code;
  }

  public AdminUnitType getType() {
    return AdminUnitType.of(typeValue);
  }

  public UUID getParentRoleId() {
    return parentRoleId;
  }

  public UUID getContactId() {
    return contactId;
  }

  public boolean isActive() {
    return active;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public String getEmail() {
    return email;
  }

  public LocalDateTime getPasswordChangedOn() {
    return passwordChangedOn;
  }

  public boolean isForcePasswordChange() {
    return forcePasswordChange;
  }

  public boolean isRole() {
    return !getType().isUser();
  }
}
