package dev.atrium.common.infrastructure;

import dev.atrium.common.domain.AdminUnit;
import dev.atrium.common.domain.AdminUnitType;
import dev.atrium.common.domain.EffectiveRole;
import dev.atrium.common.domain.FunctionalRoleLink;
import dev.atrium.common.domain.PasswordHistoryEntry;
import dev.atrium.common.domain.RoleGraph;
import dev.atrium.common.domain.UserInRole;
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

  static final List<Integer> USER_TYPES = List.of(AdminUnitType.USER.value(), AdminUnitType.EXTERNAL_USER.value());

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
    return new RoleGraph(roles, links());
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

  /** The roles a user holds, directly or through the tree and links (as stored). */
  public List<UUID> effectiveRoleIds(UUID userId) {
    return em.createQuery("SELECT e.roleId FROM EffectiveRole e WHERE e.userId = :user", UUID.class)
        .setParameter("user", userId).getResultList();
  }

  /** The users whose contact this is (usually one). */
  public List<UUID> usersOfContact(UUID contactId) {
    return em.createQuery("SELECT u.id FROM AdminUnit u WHERE u.contactId = :contact AND u.typeValue IN :users", UUID.class)
        .setParameter("contact", contactId).setParameter("users", USER_TYPES).getResultList();
  }

  /** Those of these admin units that are users. */
  public List<UUID> usersAmong(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT u.id FROM AdminUnit u WHERE u.id IN :ids AND u.typeValue IN :users", UUID.class)
        .setParameter("ids", ids).setParameter("users", USER_TYPES).getResultList();
  }

  /** The names of those of these admin units that exist, in one query. */
  public Map<UUID, String> names(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UUID, String> names = new HashMap<>();
    em.createQuery("SELECT u.id, u.name FROM AdminUnit u WHERE u.id IN :ids", Object[].class)
        .setParameter("ids", ids).getResultList().forEach(r -> names.put((UUID) r[0], (String) r[1]));
    return names;
  }

  public boolean codeTaken(String code) {
    return em.createQuery("SELECT COUNT(u) FROM AdminUnit u WHERE u.code = :code", Long.class)
        .setParameter("code", code).getSingleResult() > 0;
  }

  public void persist(Object entity) {
    em.persist(entity);
  }

  public void remove(Object entity) {
    em.remove(entity);
  }

  public void flush() {
    em.flush();
  }

  /** Users (employees and external), by name. */
  public List<AdminUnit> users(int skip, int top) {
    return users(null, skip, top);
  }

  public long countUsers() {
    return countUsers(null);
  }

  /** A page of the users whose name contains {@code search} in any case (every user for null or blank), by name. */
  public List<AdminUnit> users(String search, int skip, int top) {
    return em.createQuery("SELECT u FROM AdminUnit u WHERE u.typeValue IN :users AND LOWER(u.name) LIKE :name ESCAPE '\\'"
        + " ORDER BY u.name, u.id", AdminUnit.class)
        .setParameter("users", USER_TYPES).setParameter("name", containing(search))
        .setFirstResult(skip).setMaxResults(top).getResultList();
  }

  public long countUsers(String search) {
    return em.createQuery("SELECT COUNT(u) FROM AdminUnit u WHERE u.typeValue IN :users AND LOWER(u.name) LIKE :name ESCAPE '\\'",
        Long.class).setParameter("users", USER_TYPES).setParameter("name", containing(search)).getSingleResult();
  }

  /** A LIKE pattern matching names that contain the text, its own % and _ taken literally. */
  static String containing(String search) {
    String text = search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT);
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /** Every role, by name. */
  public List<AdminUnit> roles() {
    return em.createQuery("SELECT u FROM AdminUnit u WHERE u.typeValue NOT IN :users ORDER BY u.name, u.id", AdminUnit.class)
        .setParameter("users", USER_TYPES).getResultList();
  }

  public List<AdminUnit> childrenOf(UUID roleId) {
    return em.createQuery("SELECT u FROM AdminUnit u WHERE u.parentRoleId = :id", AdminUnit.class)
        .setParameter("id", roleId).getResultList();
  }

  /** The users who are direct members of a role. */
  public List<AdminUnit> directMembers(UUID roleId) {
    return em.createQuery("SELECT u FROM AdminUnit u, UserInRole m WHERE m.userId = u.id AND m.roleId = :role"
        + " ORDER BY u.name", AdminUnit.class).setParameter("role", roleId).getResultList();
  }

  public Optional<UserInRole> membership(UUID userId, UUID roleId) {
    return em.createQuery("SELECT m FROM UserInRole m WHERE m.userId = :u AND m.roleId = :r", UserInRole.class)
        .setParameter("u", userId).setParameter("r", roleId).getResultStream().findFirst();
  }

  public List<FunctionalRoleLink> links() {
    return em.createQuery("SELECT l FROM FunctionalRoleLink l", FunctionalRoleLink.class).getResultList();
  }

  public Optional<FunctionalRoleLink> link(UUID functionalRoleId, UUID orgRoleId) {
    return em.createQuery("SELECT l FROM FunctionalRoleLink l WHERE l.functionalRoleId = :f AND l.orgRoleId = :o",
        FunctionalRoleLink.class).setParameter("f", functionalRoleId).setParameter("o", orgRoleId)
        .getResultStream().findFirst();
  }

  /**
   * Whether anything still gives the role to users: direct members, child roles, or a functional
   * link on either side. A role that is not in use is held by no one.
   */
  public boolean roleInUse(UUID roleId) {
    long members = em.createQuery("SELECT COUNT(m) FROM UserInRole m WHERE m.roleId = :r", Long.class)
        .setParameter("r", roleId).getSingleResult();
    long links = em.createQuery(
            "SELECT COUNT(l) FROM FunctionalRoleLink l WHERE l.orgRoleId = :r OR l.functionalRoleId = :r", Long.class)
        .setParameter("r", roleId).getSingleResult();
    return members + links > 0 || !childrenOf(roleId).isEmpty();
  }

  /** The user's previous password hashes, newest first. */
  public List<PasswordHistoryEntry> passwordHistory(UUID userId) {
    return em.createQuery("SELECT h FROM PasswordHistoryEntry h WHERE h.userId = :u ORDER BY h.createdOn DESC",
        PasswordHistoryEntry.class).setParameter("u", userId).getResultList();
  }

  /** Sets a password only where none is set yet; true when this call set it. */
  public boolean setPasswordIfAbsent(UUID userId, String passwordHash, LocalDateTime nowUtc) {
    return em.createQuery(
            "UPDATE AdminUnit u SET u.passwordHash = :hash, u.modifiedOn = :now, u.passwordChangedOn = :now"
                + " WHERE u.id = :id AND u.passwordHash IS NULL")
        .setParameter("hash", passwordHash)
        .setParameter("now", nowUtc)
        .setParameter("id", userId)
        .executeUpdate() == 1;
  }
}
