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

  @Column(name = "Technical", nullable = false)
  private boolean technical;

  protected AdminUnit() {}

  /** A new user or role; users are found by their lower-case login, roles by their code. */
  public static AdminUnit create(String name, String code, AdminUnitType type, UUID parentRoleId, UUID contactId,
      String email, UUID createdByContactId, LocalDateTime nowUtc) {
    AdminUnit u = new AdminUnit();
    u.name = name;
    u.code = code;
    u.typeValue = type.value();
    u.parentRoleId = parentRoleId;
    u.contactId = contactId;
    u.email = email;
    u.active = true;
    u.stampCreated(createdByContactId, nowUtc);
    return u;
  }

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

  public void rename(String name, String code) {
    this.name = name;
    this.code = code;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public void setParentRoleId(UUID parentRoleId) {
    this.parentRoleId = parentRoleId;
  }

  /** A new password; {@code mustChange} forces a change at the next sign-in (after an admin reset). */
  public void setPassword(String passwordHash, boolean mustChange, LocalDateTime nowUtc) {
    this.passwordHash = passwordHash;
    this.forcePasswordChange = mustChange;
    this.passwordChangedOn = nowUtc;
  }

  /** Technical users never sign in interactively; integrations act as them through OAuth. */
  public boolean isTechnical() {
    return technical;
  }

  public void setTechnical(boolean technical) {
    this.technical = technical;
  }

  /** How the audit log names it: a user by login name, a role by its stable code. */
  public String auditName() {
    return isRole() ? code : name;
  }

  public boolean isRole() {
    return !getType().isUser();
  }
}
