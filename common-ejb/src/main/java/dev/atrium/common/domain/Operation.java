package dev.atrium.common.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A system operation: a named yes/no permission such as {@code CanManageUsers} (table {@code SysAdminOperation}). */
@Entity
@Table(name = "SysAdminOperation")
public class Operation extends SystemRecord {

  @Column(name = "Code", nullable = false, length = 250)
  private String code;

  @Column(name = "Name", nullable = false, length = 250)
  private String name;

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }
}
