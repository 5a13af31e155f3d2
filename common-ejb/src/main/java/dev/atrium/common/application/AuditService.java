package dev.atrium.common.application;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.AuditRecord;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.security.Operations;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;

/**
 * The audit log. Sign-in events are written in a transaction of their own (a failed sign-in has no
 * other); changes made by administrators are written in the transaction of the change, so the log
 * holds exactly what was committed.
 */
@Stateless
public class AuditService {

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  /** Records an event now, whatever happens to the caller's transaction. */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordNow(AuditRecord record) {
    em.persist(record);
  }

  /** Records an event as part of the caller's transaction. */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(AuditRecord record) {
    em.persist(record);
  }

  /** Newest first, optionally of one event type and/or about one target name. */
  @RolesAllowed(Operations.CAN_VIEW_SYS_OPERATION_AUDIT)
  public PageDto<AuditEntryDto> search(String eventType, String targetName, int skip, int top) {
    if (eventType != null) {
      try {
        AuditEvent.valueOf(eventType.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new AtriumException(ErrorCode.VALIDATION_FAILED, "Unknown event type.",
            List.of(new FieldError("eventType", "must be one of " + List.of(AuditEvent.values()))));
      }
    }
    Paging.check(skip, top);
    String where = " WHERE (:type IS NULL OR a.eventType = :type) AND (:target IS NULL OR a.targetName = :target)";
    TypedQuery<AuditRecord> q = em.createQuery("SELECT a FROM AuditRecord a" + where
        + " ORDER BY a.createdOn DESC, a.id", AuditRecord.class);
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM AuditRecord a" + where, Long.class);
    String type = eventType == null ? null : eventType.toUpperCase(Locale.ROOT);
    for (TypedQuery<?> query : List.of(q, count)) {
      query.setParameter("type", type).setParameter("target", targetName);
    }
    List<AuditEntryDto> items = q.setFirstResult(skip).setMaxResults(top).getResultStream()
        .map(a -> new AuditEntryDto(a.getId(), Mapping.utc(a.getCreatedOn()), a.getEventType(),
            a.isSuccess(), a.getActorId(), a.getActorName(), a.getTargetId(), a.getTargetName(),
            a.getClientAddress(), a.getDetails()))
        .toList();
    return new PageDto<>(items, count.getSingleResult(), skip, top);
  }
}
