package dev.atrium.common.permissions;

import dev.atrium.common.data.RecordOperation;
import dev.atrium.common.domain.SystemRecord;
import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/** A row of {@code SysEntitySchemaRecordDefRight}: one default-rights rule of an object, at its position. */
@Entity
@Table(name = "SysEntitySchemaRecordDefRight")
public class DefaultRecordRightRow extends SystemRecord {

  @Column(name = "SysSchemaId", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID schemaId;

  @Column(name = "AuthorSysAdminUnitId", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID authorId;

  @Column(name = "GranteeSysAdminUnitId", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID granteeId;

  @Column(name = "Operation", nullable = false, updatable = false)
  private int operation;

  @Column(name = "RightLevel", nullable = false)
  private int rightLevel;

  @Column(name = "Position", nullable = false)
  private int position;

  protected DefaultRecordRightRow() {}

  public DefaultRecordRightRow(UUID schemaId, int position, DefaultRecordRight rule) {
    this.schemaId = schemaId;
    this.authorId = rule.author();
    this.granteeId = rule.grantee();
    this.operation = rule.operation().code();
    this.rightLevel = rule.level();
    this.position = position;
  }

  public DefaultRecordRight rule() {
    return new DefaultRecordRight(authorId, granteeId, RecordOperation.ofCode(operation), rightLevel);
  }
}
