package dev.atrium.common.application;

import dev.atrium.common.security.Roles;

import dev.atrium.common.domain.AdminUnit;
import dev.atrium.common.domain.RoleGraph;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import dev.atrium.common.infrastructure.LicenceRepository;
import dev.atrium.common.security.CallerIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Works out a user's identity from the database: roles through the tree and functional links,
 * and the operations those roles and the user may execute. Nodes cache the result
 * ({@link IdentityCache}); this is what fills the cache.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class IdentityService {

  @Inject
  AdminUnitRepository users;

  @Inject
  LicenceRepository licences;

  public Optional<CallerIdentity> resolve(UUID userId) {
    Optional<AdminUnit> found = users.find(userId).filter(u -> u.getType().isUser());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AdminUnit user = found.get();
    RoleGraph graph = users.roleGraph();
    List<UUID> roles = graph.effectiveRoles(users.directRoleIds(userId));
    Set<String> groups = new HashSet<>();
    roles.forEach(r -> groups.add(graph.codeOf(r)));
    groups.addAll(users.allowedOperations(userId, roles));
    groups.remove(Roles.SYSTEM_JOBS);
    return Optional.of(new CallerIdentity(user.getId(), user.getName(), user.getContactId(), user.isActive(),
        roles, groups,
        licences.grantedProducts(userId, roles)));
  }
}
