package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/** A setting's value for one role or one user (table {@code SysSettingsValue}). */
@Entity
@Table(name = "SysSettingsValue")
public class SettingValue {

  @Id
  @Column(name = "Id", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID id = UUID.randomUUID();

  @Column(name = "ModifiedOn", nullable = false)
  private LocalDateTime modifiedOn;

  @Column(name = "SysSettingsId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID settingId;

  @Column(name = "SysAdminUnitId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID adminUnitId;

  @Column(name = "TextValue", length = 1000)
  private String value;

  protected SettingValue() {}

  public SettingValue(UUID settingId, UUID adminUnitId) {
    this.settingId = settingId;
    this.adminUnitId = adminUnitId;
  }

  public UUID getSettingId() {
    return settingId;
  }

  public UUID getAdminUnitId() {
    return adminUnitId;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value, LocalDateTime nowUtc) {
    this.value = value;
    this.modifiedOn = nowUtc;
  }
}
