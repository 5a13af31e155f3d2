package dev.atrium.common.security;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who a session belongs to, as of now: the user, whether they may still sign in, the roles they
 * hold (nearest first) and their Jakarta Security groups: the codes of those roles and of the
 * system operations they may execute; and the products named licences were granted them for,
 * directly or through a role (whether those are valid now is the licence state's business).
 */
public record CallerIdentity(
    UUID userId, String userName, UUID contactId, boolean active, List<UUID> roles, Set<String> groups,
    Set<String> licenceGrants)
    implements Serializable {

  public CallerIdentity {
    roles = List.copyOf(roles);
    groups = Set.copyOf(groups);
    licenceGrants = Set.copyOf(licenceGrants);
  }
}
