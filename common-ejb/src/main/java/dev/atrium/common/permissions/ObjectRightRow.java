package dev.atrium.common.permissions;

import dev.atrium.common.domain.SystemRecord;
import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/** A row of {@code SysEntitySchemaOperationRight}: one grantee's rights on one object, at its position. */
@Entity
@Table(name = "SysEntitySchemaOperationRight")
public class ObjectRightRow extends SystemRecord {

  @Column(name = "SysSchemaId", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID schemaId;

  @Column(name = "SysAdminUnitId", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID granteeId;

  @Column(name = "Position", nullable = false)
  private int position;

  @Column(name = "CanRead", nullable = false)
  private boolean canRead;

  @Column(name = "CanAppend", nullable = false)
  private boolean canAppend;

  @Column(name = "CanEdit", nullable = false)
  private boolean canEdit;

  @Column(name = "CanDelete", nullable = false)
  private boolean canDelete;

  protected ObjectRightRow() {}

  public ObjectRightRow(UUID schemaId, int position, ObjectRight right) {
    this.schemaId = schemaId;
    this.granteeId = right.grantee();
    this.position = position;
    this.canRead = right.read();
    this.canAppend = right.create();
    this.canEdit = right.edit();
    this.canDelete = right.delete();
  }

  public UUID getSchemaId() {
    return schemaId;
  }

  public int getPosition() {
    return position;
  }

  public ObjectRight right() {
    return new ObjectRight(granteeId, canRead, canAppend, canEdit, canDelete);
  }
}
