package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/**
 * A column of a business object (table {@code SysSchemaColumn}). A lookup column {@code Account}
 * is stored as {@code AccountId} and refers to the object {@code ReferenceSchemaName}.
 */
@Entity
@Table(name = "SysSchemaColumn")
public class ObjectColumn extends SystemRecord {

  @Column(name = "SysSchemaId", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID schemaId;

  @Column(name = "Name", nullable = false, length = 30, updatable = false)
  private String name;

  @Column(name = "Caption", nullable = false, length = 250)
  private String caption;

  @Column(name = "DataType", nullable = false, length = 30)
  private String dataType;

  @Column(name = "IsRequired", nullable = false)
  private boolean required;

  @Column(name = "IsUnique", nullable = false)
  private boolean unique;

  @Column(name = "IsIndexed", nullable = false)
  private boolean indexed;

  @Column(name = "ReferenceSchemaName", length = 30, updatable = false)
  private String referenceSchemaName;

  @Column(name = "DefaultValue", length = 250)
  private String defaultValue;

  @Column(name = "Position", nullable = false)
  private int position;

  protected ObjectColumn() {}

  public ObjectColumn(UUID schemaId, String name, String caption, String dataType, boolean required, boolean unique,
      boolean indexed, String referenceSchemaName, int position) {
    this.schemaId = schemaId;
    this.name = name;
    this.caption = caption;
    this.dataType = dataType;
    this.required = required;
    this.unique = unique;
    this.indexed = indexed;
    this.referenceSchemaName = referenceSchemaName;
    this.position = position;
  }

  /** A changed column: its caption, type and flags (its name and reference stay). */
  public void change(String caption, String dataType, boolean required, boolean unique, boolean indexed) {
    this.caption = caption;
    this.dataType = dataType;
    this.required = required;
    this.unique = unique;
    this.indexed = indexed;
  }

  public UUID getSchemaId() {
    return schemaId;
  }

  public String getName() {
    return name;
  }

  public String getCaption() {
    return caption;
  }

  public String getDataType() {
    return dataType;
  }

  public boolean isRequired() {
    return required;
  }

  public boolean isUnique() {
    return unique;
  }

  public boolean isIndexed() {
    return indexed;
  }

  public String getReferenceSchemaName() {
    return referenceSchemaName;
  }

  /** A new record's value when the client gives none, as text in the invariant format; or null. */
  public String getDefaultValue() {
    return defaultValue;
  }

  public void setDefaultValue(String defaultValue) {
    this.defaultValue = defaultValue;
  }

  public int getPosition() {
    return position;
  }
}
