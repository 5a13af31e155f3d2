package dev.atrium.common.infrastructure;

import dev.atrium.common.domain.AdminUnit;
import dev.atrium.common.domain.AdminUnitType;
import dev.atrium.common.domain.EffectiveRole;
import dev.atrium.common.domain.FunctionalRoleLink;
import dev.atrium.common.domain.RoleGraph;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Users and roles. */
@ApplicationScoped
public class AdminUnitRepository {

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  /** A user (employee or external) by login name, case-insensitively. */
  public Optional<AdminUnit> findUserByLogin(String loginName) {
    return em.createQuery(
            "SELECT u FROM AdminUnit u WHERE u.code = :code AND u.typeValue IN :types", AdminUnit.class)
        .setParameter("code", AdminUnit.loginCode(loginName))
        .setParameter("types", List.of(AdminUnitType.USER.value(), AdminUnitType.EXTERNAL_USER.value()))
        .getResultStream()
        .findFirst();
  }

  public Optional<AdminUnit> find(UUID id) {
    return Optional.ofNullable(em.find(AdminUnit.class, id));
  }

  /** The roles a user is a direct member of. */
  public List<UUID> directRoleIds(UUID userId) {
    return em.createQuery("SELECT m.roleId FROM UserInRole m WHERE m.userId = :user", UUID.class)
        .setParameter("user", userId)
        .getResultList();
  }

  /** Every role with what the role graph needs of it. */
  public RoleGraph roleGraph() {
    List<RoleGraph.Role> roles = em.createQuery(
            "SELECT u.id, u.code, u.parentRoleId, u.active FROM AdminUnit u WHERE u.typeValue NOT IN :users",
            Object[].class)
        .setParameter("users", List.of(AdminUnitType.USER.value(), AdminUnitType.EXTERNAL_USER.value()))
        .getResultStream()
        .map(r -> new RoleGraph.Role((UUID) r[0], (String) r[1], (UUID) r[2], (Boolean) r[3]))
        .toList();
    List<FunctionalRoleLink> links =
        em.createQuery("SELECT l FROM FunctionalRoleLink l", FunctionalRoleLink.class).getResultList();
    return new RoleGraph(roles, links);
  }

  /**
   * Operation codes the user may execute: the user's own grant decides when there is one;
   * otherwise any role the user holds that may execute it grants it.
   */
  public List<String> allowedOperations(UUID userId, List<UUID> roles) {
    List<UUID> grantees = new ArrayList<>(roles);
    grantees.add(userId);
    List<Object[]> grants = em.createQuery(
            "SELECT o.code, g.adminUnitId, g.canExecute FROM OperationGrant g, Operation o"
                + " WHERE g.operationId = o.id AND g.adminUnitId IN :grantees", Object[].class)
        .setParameter("grantees", grantees)
        .getResultList();
    Map<String, Boolean> own = new HashMap<>();
    Set<String> byRole = new HashSet<>();
    for (Object[] g : grants) {
      if (userId.equals(g[1])) {
        own.put((String) g[0], (Boolean) g[2]);
      } else if ((Boolean) g[2]) {
        byRole.add((String) g[0]);
      }
    }
    Set<String> allowed = new TreeSet<>(byRole);
    own.forEach((code, canExecute) -> {
      if (canExecute) {
        allowed.add(code);
      } else {
        allowed.remove(code);
      }
    });
    return List.copyOf(allowed);
  }

  /** Rewrites the stored effective roles of a user. */
  public void replaceEffectiveRoles(UUID userId, List<UUID> roles) {
    em.createQuery("DELETE FROM EffectiveRole e WHERE e.userId = :user").setParameter("user", userId).executeUpdate();
    roles.forEach(r -> em.persist(new EffectiveRole(userId, r)));
  }

  /** Users who hold (effectively) any of these roles. */
  public List<UUID> usersHoldingAny(Collection<UUID> roleIds) {
    if (roleIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT DISTINCT e.userId FROM EffectiveRole e WHERE e.roleId IN :roles", UUID.class)
        .setParameter("roles", roleIds)
        .getResultList();
  }

  /** Sets a password only where none is set yet; true when this call set it. */
  public boolean setPasswordIfAbsent(UUID userId, String passwordHash, LocalDateTime nowUtc) {
    return em.createQuery(
            "UPDATE AdminUnit u SET u.passwordHash = :hash, u.modifiedOn = :now"
                + " WHERE u.id = :id AND u.passwordHash IS NULL")
        .setParameter("hash", passwordHash)
        .setParameter("now", nowUtc)
        .setParameter("id", userId)
        .executeUpdate() == 1;
  }
}
