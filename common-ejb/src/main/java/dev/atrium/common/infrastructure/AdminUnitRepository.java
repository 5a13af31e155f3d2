package dev.atrium.common.infrastructure;

import dev.atrium.common.domain.AdminUnit;
import dev.atrium.common.domain.AdminUnitType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
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

  /** Codes of the roles a user is a direct member of; they become the caller's groups. */
  public List<String> roleCodesOf(UUID userId) {
    return em.createQuery(
            "SELECT r.code FROM AdminUnit r, UserInRole m WHERE m.roleId = r.id AND m.userId = :user"
                + " AND r.active = TRUE ORDER BY r.code", String.class)
        .setParameter("user", userId)
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
