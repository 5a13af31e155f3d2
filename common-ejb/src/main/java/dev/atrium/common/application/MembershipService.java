package dev.atrium.common.application;

import dev.atrium.common.domain.RoleGraph;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the stored effective roles ({@code SysAdminUnitInRole}) right when membership or the tree
 * changes, and announces the change. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class MembershipService {

  @Inject
  AdminUnitRepository users;

  @Inject
  Event<IdentityChanged> changed;

  @Inject
  LicenceAllocation allocation;

  /**
   * Recomputes these users' effective roles; refused ({@code LICENSE_LIMIT_EXCEEDED}) when that
   * would give more users a role-granted named licence than are owned.
   */
  public void refreshUsers(Collection<UUID> userIds) {
    Map<String, Integer> before = allocation.assigned();
    RoleGraph graph = users.roleGraph();
    for (UUID user : userIds) {
      users.replaceEffectiveRoles(user, graph.effectiveRoles(users.directRoleIds(user)));
      changed.fire(new IdentityChanged(user));
    }
    allocation.verify(before);
  }

  /**
   * After a role moved, was renamed, (de)activated or linked: recomputes everyone holding a role
   * of its subtree (before the change, and after it).
   */
  public void refreshHoldersOf(UUID roleId) {
    RoleGraph graph = users.roleGraph();
    refreshUsers(users.usersHoldingAny(graph.subtree(roleId)));
    changed.fire(IdentityChanged.everyone());
  }
}
