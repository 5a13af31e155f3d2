package dev.atrium.common.application;

import static dev.atrium.common.application.Mapping.utc;

import dev.atrium.common.application.AdminDtos.UserDto;
import dev.atrium.common.domain.AdminUnit;
import dev.atrium.common.domain.AdminUnitType;
import dev.atrium.common.domain.RoleGraph;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import dev.atrium.common.security.LoginAttempts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A user as the administration API shows them (their direct roles' codes, whether failed sign-ins
 * locked them out): one mapping for the users' and the roles' services, which call it inside their
 * own transaction and security check.
 */
@ApplicationScoped
public class UserViews {

  @Inject
  AdminUnitRepository users;

  @Inject
  LoginAttempts attempts;

  public UserDto of(AdminUnit u) {
    return of(u, users.roleGraph());
  }

  /** With the role graph read once for a whole list. */
  public UserDto of(AdminUnit u, RoleGraph graph) {
    List<String> roles = users.directRoleIds(u.getId()).stream().map(graph::codeOf).sorted().toList();
    return new UserDto(u.getId(), u.getName(), u.getEmail(), u.getType() == AdminUnitType.USER ? "Employee" : "External",
        u.isTechnical(), u.isActive(), u.getContactId(), roles, attempts.isLocked(u.getCode()), u.isForcePasswordChange(),
        utc(u.getPasswordChangedOn()), utc(u.getCreatedOn()), utc(u.getModifiedOn()));
  }
}
