package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/** Members of an organisational role also hold a functional role (table {@code SysFuncRoleInOrgRole}). */
@Entity
@Table(name = "SysFuncRoleInOrgRole")
public class FunctionalRoleLink extends SystemRecord {

  @Column(name = "FuncRoleId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID functionalRoleId;

  @Column(name = "OrgRoleId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID orgRoleId;

  protected FunctionalRoleLink() {}

  public FunctionalRoleLink(UUID functionalRoleId, UUID orgRoleId) {
    this.functionalRoleId = functionalRoleId;
    this.orgRoleId = orgRoleId;
  }

  public UUID getFunctionalRoleId() {
    return functionalRoleId;
  }

  public UUID getOrgRoleId() {
    return orgRoleId;
  }
}
