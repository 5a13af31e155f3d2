package dev.atrium.common.application;

import java.util.UUID;

/**
 * Fired (CDI event) inside a transaction that changed users, roles, membership or grants; after
 * the commit every node drops the identities it cached. {@code userId} null means "any user".
 */
public record IdentityChanged(UUID userId) {

  public static IdentityChanged everyone() {
    return new IdentityChanged(null);
  }
}
