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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** Every event type the log records, in the order they are declared. */
  @RolesAllowed(Operations.CAN_VIEW_SYS_OPERATION_AUDIT)
  public List<String> eventTypes() {
    return Arrays.stream(AuditEvent.values()).map(Enum::name).toList();
  }

  /** Newest first, the entries the filter keeps. */
  @RolesAllowed(Operations.CAN_VIEW_SYS_OPERATION_AUDIT)
  public PageDto<AuditEntryDto> search(AuditFilter filter, int skip, int top) {
    List<FieldError> errors = new ArrayList<>();
    String type = filter.eventType() == null ? null : filter.eventType().toUpperCase(Locale.ROOT);
    if (type != null && Arrays.stream(AuditEvent.values()).noneMatch(e -> e.name().equals(type))) {
      errors.add(new FieldError("eventType", "must be one of " + eventTypes()));
    }
    if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
      errors.add(new FieldError("to", "must be after 'from'"));
    }
    if (!errors.isEmpty()) {
      throw new AtriumException(ErrorCode.VALIDATION_FAILED, "The audit filter is not valid.", errors);
    }
    Paging.check(skip, top);
    // Only the conditions given: a parameter compared with IS NULL has no type some databases accept.
    Map<String, Object> parameters = new LinkedHashMap<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    condition(where, parameters, "a.eventType = :type", "type", type);
    condition(where, parameters, "a.targetName = :target", "target", filter.targetName());
    condition(where, parameters, "a.actorName = :actor", "actor", filter.actorName());
    condition(where, parameters, "a.success = :success", "success", filter.success());
    condition(where, parameters, "a.createdOn >= :from", "from", local(filter.from()));
    condition(where, parameters, "a.createdOn < :to", "to", local(filter.to()));
    TypedQuery<AuditRecord> q = em.createQuery("SELECT a FROM AuditRecord a" + where
        + " ORDER BY a.createdOn DESC, a.id", AuditRecord.class);
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM AuditRecord a" + where, Long.class);
    parameters.forEach((name, value) -> {
      q.setParameter(name, value);
      count.setParameter(name, value);
    });
    List<AuditEntryDto> items = q.setFirstResult(skip).setMaxResults(top).getResultStream()
        .map(a -> new AuditEntryDto(a.getId(), Mapping.utc(a.getCreatedOn()), a.getEventType(),
            a.isSuccess(), a.getActorId(), a.getActorName(), a.getTargetId(), a.getTargetName(),
            a.getClientAddress(), a.getDetails()))
        .toList();
    return new PageDto<>(items, count.getSingleResult(), skip, top);
  }

  private static void condition(StringBuilder where, Map<String, Object> parameters, String jpql, String name,
      Object value) {
    if (value != null) {
      where.append(" AND ").append(jpql);
      parameters.put(name, value);
    }
  }

  /** The log keeps UTC wall-clock times. */
  private static LocalDateTime local(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
