package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/** Whether a user or role may execute an operation (table {@code SysAdminOperationGrantee}). */
@Entity
@Table(name = "SysAdminOperationGrantee")
public class OperationGrant extends SystemRecord {

  @Column(name = "SysAdminOperationId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID operationId;

  @Column(name = "SysAdminUnitId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID adminUnitId;

  @Column(name = "CanExecute", nullable = false)
  private boolean canExecute;

  protected OperationGrant() {}

  public OperationGrant(UUID operationId, UUID adminUnitId, boolean canExecute) {
    this.operationId = operationId;
    this.adminUnitId = adminUnitId;
    this.canExecute = canExecute;
  }

  public UUID getOperationId() {
    return operationId;
  }

  public UUID getAdminUnitId() {
    return adminUnitId;
  }

  public boolean canExecute() {
    return canExecute;
  }

  public void setCanExecute(boolean canExecute) {
    this.canExecute = canExecute;
  }
}
