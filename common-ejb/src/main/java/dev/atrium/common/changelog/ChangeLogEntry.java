package dev.atrium.common.changelog;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/**
 * A row of {@code SysChangeLog}: one column of one record set, changed or (with no column) the
 * record deleted, by whom and when (UTC). Values are kept as text; binary ones by their size.
 */
@Entity
@Table(name = "SysChangeLog")
public class ChangeLogEntry {

  @Id
  @Column(name = "Id", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID id = UUID.randomUUID();

  @Column(name = "CreatedOn", nullable = false, updatable = false)
  private LocalDateTime createdOn;

  @Column(name = "ObjectName", nullable = false, updatable = false, length = 30)
  private String objectName;

  @Column(name = "RecordId", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID recordId;

  @Column(name = "ChangeType", nullable = false, updatable = false)
  private int changeType;

  @Column(name = "ColumnName", updatable = false, length = 30)
  private String columnName;

  @Lob
  @Basic(fetch = FetchType.EAGER)
  @Column(name = "OldValue", updatable = false)
  private String oldValue;

  @Lob
  @Basic(fetch = FetchType.EAGER)
  @Column(name = "NewValue", updatable = false)
  private String newValue;

  @Column(name = "ContactId", updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID contactId;

  protected ChangeLogEntry() {}

  public ChangeLogEntry(LocalDateTime onUtc, String objectName, UUID recordId, ChangeType type, String columnName,
      Object oldValue, Object newValue, UUID contactId) {
    this.createdOn = onUtc.truncatedTo(ChronoUnit.MICROS);
    this.objectName = objectName;
    this.recordId = recordId;
    this.changeType = type.code();
    this.columnName = columnName;
    this.oldValue = text(oldValue);
    this.newValue = text(newValue);
    this.contactId = contactId;
  }

  /** A value as the log keeps it: its plain text (ISO dates, plain decimals, GUIDs of lookups); binary content by its size. */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return "(" + bytes.length + " bytes)";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString();
  }

  public UUID getId() {
    return id;
  }

  public LocalDateTime getCreatedOn() {
    return createdOn;
  }

  public String getObjectName() {
    return objectName;
  }

  public UUID getRecordId() {
    return recordId;
  }

  public ChangeType getChangeType() {
    return ChangeType.ofCode(changeType);
  }

  public String getColumnName() {
    return columnName;
  }

  public String getOldValue() {
    return oldValue;
  }

  public String getNewValue() {
    return newValue;
  }

  public UUID getContactId() {
    return contactId;
  }
}
