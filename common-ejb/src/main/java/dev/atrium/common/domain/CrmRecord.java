package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;
import org.eclipse.persistence.annotations.Converter;

/**
 * The columns every business object has: a GUID key and who created and last modified it, when.
 * Times are stored in UTC without a zone (TIMESTAMP / datetime2) on every DBMS.
 */
@MappedSuperclass
@Converter(name = GuidConverter.NAME, converterClass = GuidConverter.class)
public abstract class CrmRecord {

  @Id
  @Column(name = "Id", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID id;

  @Column(name = "CreatedOn", nullable = false, updatable = false)
  private LocalDateTime createdOn;

  @Column(name = "CreatedById", updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID createdById;

  @Column(name = "ModifiedOn", nullable = false)
  private LocalDateTime modifiedOn;

  @Column(name = "ModifiedById")
  @Convert(GuidConverter.NAME)
  private UUID modifiedById;

  /** Stamps a new record: id (if none), creation and modification by the given contact. */
  public void stampCreated(UUID byContactId, LocalDateTime nowUtc) {
    if (id == null) {
      id = UUID.randomUUID();
    }
    createdOn = nowUtc;
    createdById = byContactId;
    stampModified(byContactId, nowUtc);
  }

  public void stampModified(UUID byContactId, LocalDateTime nowUtc) {
    modifiedOn = nowUtc;
    modifiedById = byContactId;
  }

  public UUID getId() {
    return id;
  }

  public void setId(UUID id) {
    this.id = id;
  }

  public LocalDateTime getCreatedOn() {
    return createdOn;
  }

  public UUID getCreatedById() {
    return createdById;
  }

  public LocalDateTime getModifiedOn() {
    return modifiedOn;
  }

  public UUID getModifiedById() {
    return modifiedById;
  }
}
