package dev.atrium.common.permissions;

import dev.atrium.common.domain.SystemRecord;
import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/** A row of {@code SysEntitySchemaColumnRight}: one grantee's access to one column, at its position. */
@Entity
@Table(name = "SysEntitySchemaColumnRight")
public class ColumnRightRow extends SystemRecord {

  @Column(name = "SysSchemaId", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID schemaId;

  @Column(name = "SysSchemaColumnId", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID columnId;

  @Column(name = "SysAdminUnitId", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID granteeId;

  @Column(name = "Position", nullable = false)
  private int position;

  @Column(name = "RightLevel", nullable = false)
  private int rightLevel;

  protected ColumnRightRow() {}

  public ColumnRightRow(UUID schemaId, UUID columnId, int position, ColumnRight right) {
    this.schemaId = schemaId;
    this.columnId = columnId;
    this.granteeId = right.grantee();
    this.position = position;
    this.rightLevel = right.access().level();
  }

  public ColumnRight right() {
    return new ColumnRight(granteeId, ColumnAccess.ofLevel(rightLevel));
  }
}
