package dev.atrium.common.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A system setting: its type, default and bounds (table {@code SysSettings}). */
@Entity
@Table(name = "SysSettings")
public class Setting extends SystemRecord {

  /** The value types a setting can have. */
  public enum ValueType { Integer, Boolean, Text }

  @Column(name = "ModifiedOn", nullable = false)
  private LocalDateTime modifiedOn;

  @Column(name = "Code", nullable = false, length = 250)
  private String code;

  @Column(name = "Name", nullable = false, length = 250)
  private String name;

  @Column(name = "ValueTypeName", nullable = false, length = 50)
  private String valueTypeName;

  @Column(name = "DefaultValue", length = 1000)
  private String defaultValue;

  @Column(name = "MinValue")
  private Long minValue;

  @Column(name = "MaxValue")
  private Long maxValue;

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public ValueType getValueType() {
    return ValueType.valueOf(valueTypeName);
  }

  public String getDefaultValue() {
    return defaultValue;
  }

  public void setDefaultValue(String defaultValue, LocalDateTime nowUtc) {
    this.defaultValue = defaultValue;
    this.modifiedOn = nowUtc;
  }

  public Long getMinValue() {
    return minValue;
  }

  public Long getMaxValue() {
    return maxValue;
  }
}
