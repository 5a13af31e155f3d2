package dev.atrium.common.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The organisational tree and the functional-role links, in memory. A user holds each direct role,
 * every ancestor of it (a member of a team is a member of its division and organisation), and the
 * functional roles linked to any organisational role they hold (with those roles' ancestors).
 * Inactive roles are held by no one and pass nothing on.
 *
 * <p>{@link #effectiveRoles} lists them nearest first, level by level from the direct roles, ties
 * by code: the order in which role-level setting values are tried.
 */
public final class RoleGraph {

  /** A role as the graph needs it. */
  public record Role(UUID id, String code, UUID parentId, boolean active) {}

  private final Map<UUID, Role> roles = new HashMap<>();
  private final Map<UUID, List<UUID>> functionalByOrgRole = new HashMap<>();

  public RoleGraph(Collection<Role> roles, Collection<FunctionalRoleLink> links) {
    roles.forEach(r -> this.roles.put(r.id(), r));
    for (FunctionalRoleLink link : links) {
      functionalByOrgRole.computeIfAbsent(link.getOrgRoleId(), k -> new ArrayList<>()).add(link.getFunctionalRoleId());
    }
  }

  /** The roles a user with these direct roles holds, nearest first. */
  public List<UUID> effectiveRoles(Collection<UUID> directRoleIds) {
    Set<UUID> held = new LinkedHashSet<>();
    List<UUID> level = activeSortedByCode(directRoleIds);
    while (!level.isEmpty()) {
      List<UUID> next = new ArrayList<>();
      for (UUID id : level) {
        if (held.add(id)) {
          Role role = roles.get(id);
          if (role.parentId() != null) {
            next.add(role.parentId());
          }
          next.addAll(functionalByOrgRole.getOrDefault(id, List.of()));
        }
      }
      next.removeAll(held);
      level = activeSortedByCode(next);
    }
    return List.copyOf(held);
  }

  /** The role and every role below it in the tree. */
  public Set<UUID> subtree(UUID roleId) {
    Set<UUID> result = new LinkedHashSet<>();
    result.add(roleId);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Role r : roles.values()) {
        if (r.parentId() != null && result.contains(r.parentId()) && result.add(r.id())) {
          grew = true;
        }
      }
    }
    return result;
  }

  /** True when making {@code parentId} the parent of {@code roleId} would close a loop. */
  public boolean wouldCycle(UUID roleId, UUID parentId) {
    for (UUID at = parentId; at != null; at = roles.containsKey(at) ? roles.get(at).parentId() : null) {
      if (at.equals(roleId)) {
        return true;
      }
    }
    return false;
  }

  public String codeOf(UUID roleId) {
    Role r = roles.get(roleId);
    return r == null ? null : r.code();
  }

  private List<UUID> activeSortedByCode(Collection<UUID> ids) {
    return ids.stream()
        .distinct()
        .map(roles::get)
        .filter(r -> r != null && r.active())
        .sorted(Comparator.comparing(Role::code))
        .map(Role::id)
        .toList();
  }
}
