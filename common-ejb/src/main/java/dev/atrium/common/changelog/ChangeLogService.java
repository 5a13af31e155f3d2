package dev.atrium.common.changelog;

import dev.atrium.common.application.ObjectRuntime;
import dev.atrium.common.application.PageDto;
import dev.atrium.common.application.Paging;
import dev.atrium.common.changelog.ChangeLogDtos.ChangeDto;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.query.Expr;
import dev.atrium.common.query.Filter;
import dev.atrium.common.query.Select;
import dev.atrium.common.security.Operations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The change log of objects with change tracking, for holders of {@code CanManageChangeLog}:
 * newest first, of one object and optionally one record. It shows every value as it was written,
 * whatever column permissions the reader is under: it is an administrator's record.
 */
@Stateless
@RolesAllowed(Operations.CAN_MANAGE_CHANGE_LOG)
public class ChangeLogService {

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  @Inject
  ObjectRuntime runtime;

  /**
   * The object's changes (of one record if {@code recordId} is given), newest first. An object
   * deleted since keeps its log, asked for by the name it had; an unknown name has none.
   */
  public PageDto<ChangeDto> search(String object, UUID recordId, int skip, int top) {
    Paging.check(skip, top);
    if (object == null || object.isBlank()) {
      throw new AtriumException(ErrorCode.VALIDATION_FAILED, "Name the object whose changes to list.",
          List.of(new FieldError("object", "is required")));
    }
    String name = runtime.model().object(object).map(EntityModel::name).orElse(object);
    String where = " WHERE c.objectName = :object" + (recordId == null ? "" : " AND c.recordId = :record");
    TypedQuery<ChangeLogEntry> page = em.createQuery("SELECT c FROM ChangeLogEntry c" + where
        + " ORDER BY c.createdOn DESC, c.id", ChangeLogEntry.class);
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM ChangeLogEntry c" + where, Long.class);
    for (TypedQuery<?> q : List.of(page, count)) {
      q.setParameter("object", name);
      if (recordId != null) {
        q.setParameter("record", recordId);
      }
    }
    List<ChangeLogEntry> entries = page.setFirstResult(skip).setMaxResults(top).getResultList();
    Map<UUID, String> names = contactNames(entries.stream().map(ChangeLogEntry::getContactId).filter(Objects::nonNull).distinct().toList());
    List<ChangeDto> items = new ArrayList<>();
    for (ChangeLogEntry e : entries) {
      items.add(new ChangeDto(e.getId(), e.getCreatedOn().toInstant(ZoneOffset.UTC), e.getObjectName(), e.getRecordId(),
          e.getChangeType().wire(), e.getColumnName(), e.getOldValue(), e.getNewValue(), e.getContactId(),
          e.getContactId() == null ? null : names.get(e.getContactId())));
    }
    return new PageDto<>(items, count.getSingleResult(), skip, top);
  }

  /** The names of the contacts who made the changes, in one read as the server reads (not under the reader's rights). */
  private Map<UUID, String> contactNames(List<UUID> contacts) {
    if (contacts.isEmpty()) {
      return Map.of();
    }
    Select names = new Select("Contact", List.of(Select.Column.path("Id"), Select.Column.path("Name")),
        new Filter.In(Expr.Path.of("Id"), contacts.stream().<Expr>map(Expr.Value::new).toList(), false), List.of(), 0,
        contacts.size(), false);
    Map<UUID, String> byId = new HashMap<>();
    runtime.store().select(em, names).forEach(c -> byId.put((UUID) c.get("Id"), (String) c.get("Name")));
    return byId;
  }
}
