package dev.atrium.common.application;

import dev.atrium.common.application.AdminDtos.GrantDto;
import dev.atrium.common.application.AdminDtos.GranteeDto;
import dev.atrium.common.application.AdminDtos.OperationDto;
import dev.atrium.common.domain.AdminUnit;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.Operation;
import dev.atrium.common.domain.OperationGrant;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import dev.atrium.common.security.Operations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Grants and revokes system operations for users and roles. A user's own grant (allow or deny)
 * decides over their roles'; otherwise any of their roles allowing it grants it. System
 * administrators cannot lose the operations that administer this, so no one is locked out.
 */
@Stateless
@RolesAllowed(Operations.CAN_MANAGE_ADMINISTRATION)
public class OperationAdminService {

  static final Set<String> KEPT_BY_ADMINISTRATORS = Set.of(Operations.CAN_MANAGE_ADMINISTRATION,
      Operations.CAN_MANAGE_USERS);

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  @Inject
  AdminUnitRepository users;

  @Inject
  Validation validation;

  @Inject
  Caller caller;

  @Inject
  Event<IdentityChanged> changed;

  @EJB
  AuditService audit;

  public List<OperationDto> list() {
    Map<UUID, String> names = users.roles().stream().collect(Collectors.toMap(AdminUnit::getId, AdminUnit::getName));
    List<OperationGrant> grants = em.createQuery("SELECT g FROM OperationGrant g", OperationGrant.class).getResultList();
    return em.createQuery("SELECT o FROM Operation o ORDER BY o.code", Operation.class).getResultStream()
        .map(o -> new OperationDto(o.getCode(), o.getName(), grants.stream()
            .filter(g -> g.getOperationId().equals(o.getId()))
            .map(g -> new GranteeDto(g.getAdminUnitId(),
                names.computeIfAbsent(g.getAdminUnitId(), id -> users.find(id).map(AdminUnit::getName).orElse(null)),
                g.canExecute()))
            .toList()))
        .toList();
  }

  public void grant(String code, UUID adminUnitId, GrantDto dto) {
    validation.check(dto);
    Operation op = load(code);
    AdminUnit grantee = users.find(adminUnitId)
        .orElseThrow(() -> new AtriumException(ErrorCode.UNKNOWN_REFERENCE, "User or role " + adminUnitId + " does not exist."));
    protectAdministrators(op, adminUnitId, dto.canExecute());
    OperationGrant g = find(op, adminUnitId).orElse(null);
    if (g == null) {
      em.persist(new OperationGrant(op.getId(), adminUnitId, dto.canExecute()));
    } else {
      g.setCanExecute(dto.canExecute());
    }
    changed.fire(IdentityChanged.everyone());
    audit.record(caller.audit(AuditEvent.OPERATION_GRANTED, adminUnitId, grantee.auditName(),
        code + (dto.canExecute() ? " allowed" : " denied")));
  }

  public void revoke(String code, UUID adminUnitId) {
    Operation op = load(code);
    protectAdministrators(op, adminUnitId, false);
    OperationGrant g = find(op, adminUnitId)
        .orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND, "No grant of " + code + " to " + adminUnitId + "."));
    em.remove(g);
    changed.fire(IdentityChanged.everyone());
    audit.record(caller.audit(AuditEvent.OPERATION_REVOKED, adminUnitId,
        users.find(adminUnitId).map(AdminUnit::auditName).orElse(null), code));
  }

  private void protectAdministrators(Operation op, UUID adminUnitId, boolean canExecute) {
    if (!canExecute && KEPT_BY_ADMINISTRATORS.contains(op.getCode())
        && adminUnitId.toString().equals(RoleIds.SYSTEM_ADMINISTRATORS)) {
      throw new AtriumException(ErrorCode.CONFLICT, "System administrators keep " + op.getCode() + ".");
    }
  }

  private Operation load(String code) {
    return em.createQuery("SELECT o FROM Operation o WHERE o.code = :c", Operation.class).setParameter("c", code)
        .getResultStream().findFirst().orElseThrow(() -> AtriumException.notFound("Operation", code));
  }

  private java.util.Optional<OperationGrant> find(Operation op, UUID adminUnitId) {
    return em.createQuery("SELECT g FROM OperationGrant g WHERE g.operationId = :o AND g.adminUnitId = :u",
        OperationGrant.class).setParameter("o", op.getId()).setParameter("u", adminUnitId).getResultStream().findFirst();
  }
}
