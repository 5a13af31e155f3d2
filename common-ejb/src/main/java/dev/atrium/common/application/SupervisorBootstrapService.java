package dev.atrium.common.application;

import dev.atrium.common.infrastructure.AdminUnitRepository;
import dev.atrium.common.security.PasswordHasher;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Sets the built-in {@code Supervisor}'s first password, once. When several nodes start together
 * only one sets it; the others are told theirs was not used.
 */
@Stateless
public class SupervisorBootstrapService {

  /** The built-in Supervisor user ({@code SysAdminUnit.Id}). */
  public static final UUID SUPERVISOR_ID = UUID.fromString("7f3b869f-34f3-4f20-ab4d-7480a5fdf647");

  @Inject
  AdminUnitRepository users;

  @Inject
  PasswordHasher hasher;

  /** True when the Supervisor had no password yet and now has this one. */
  public boolean setInitialPassword(String password) {
    return users.setPasswordIfAbsent(SUPERVISOR_ID, hasher.hash(password), Mapping.nowUtc());
  }
}
