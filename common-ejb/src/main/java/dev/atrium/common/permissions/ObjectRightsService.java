package dev.atrium.common.permissions;

import dev.atrium.common.application.AuditService;
import dev.atrium.common.application.Caller;
import dev.atrium.common.application.Validation;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.domain.ObjectColumn;
import dev.atrium.common.domain.ObjectDefinition;
import dev.atrium.common.infrastructure.ObjectSchemaRepository;
import dev.atrium.common.permissions.ObjectRightsDtos.ColumnRightDto;
import dev.atrium.common.permissions.ObjectRightsDtos.ColumnRightsChangeDto;
import dev.atrium.common.permissions.ObjectRightsDtos.ColumnRightsDto;
import dev.atrium.common.permissions.ObjectRightsDtos.DefaultRecordRightDto;
import dev.atrium.common.permissions.ObjectRightsDtos.DefaultRecordRightsChangeDto;
import dev.atrium.common.permissions.ObjectRightsDtos.DefaultRecordRightsDto;
import dev.atrium.common.permissions.ObjectRightsDtos.ObjectRightDto;
import dev.atrium.common.permissions.ObjectRightsDtos.ObjectRightsChangeDto;
import dev.atrium.common.permissions.ObjectRightsDtos.ObjectRightsDto;
import dev.atrium.common.security.Operations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Object and column permissions and default record rights for administrators
 * ({@code CanManageAdministration}; the default record rights also for holders of
 * {@code CanChangeEntitySchemaRecordRight}): read an object's or a column's entries and replace
 * them in one go. A change reaches every node of a farm once it commits.
 */
@Stateless
@RolesAllowed(Operations.CAN_MANAGE_ADMINISTRATION)
public class ObjectRightsService {

  @Inject
  ObjectSchemaRepository objects;

  @Inject
  ObjectRightsRepository rights;

  @Inject
  ColumnRightsRepository columnRights;

  @Inject
  DefaultRecordRightsRepository defaultRights;

  @Inject
  Grantees grantees;

  @EJB
  RecordRightsUpkeep upkeep;

  @Inject
  Validation validation;

  @Inject
  Caller caller;

  @Inject
  Event<RightsChanged> changed;

  @EJB
  AuditService audit;

  public ObjectRightsDto get(String name) {
    ObjectDefinition object = object(name);
    return dto(object, rights.of(object.schema().getId()));
  }

  /**
   * Replaces the object's entries. Every grantee must be an existing user or role, named once;
   * otherwise 400 and nothing changes.
   */
  public ObjectRightsDto replace(String name, ObjectRightsChangeDto change) {
    validation.check(change);
    ObjectDefinition object = object(name);
    grantees.require(change.entries().stream().map(ObjectRightDto::granteeId).toList());
    List<ObjectRight> entries = change.entries().stream()
        .map(e -> new ObjectRight(e.granteeId(), e.read(), e.create(), e.edit(), e.delete())).toList();
    rights.replace(object.schema().getId(), entries);
    changed.fire(new RightsChanged(object.schema().getName()));
    audit.record(caller.audit(AuditEvent.OBJECT_CHANGED, null, object.schema().getName(),
        "object permissions replaced: " + entries.size() + " entries"));
    return dto(object, entries);
  }

  private ObjectRightsDto dto(ObjectDefinition object, List<ObjectRight> entries) {
    Map<UUID, String> names = grantees.names(entries.stream().map(ObjectRight::grantee).toList());
    return new ObjectRightsDto(object.schema().getName(), object.schema().getOptions().administeredByOperations(),
        entries.stream().map(r -> new ObjectRightDto(r.grantee(), names.get(r.grantee()),
            r.read(), r.create(), r.edit(), r.delete())).toList());
  }

  public ColumnRightsDto columnRights(String name, String column) {
    ObjectDefinition object = object(name);
    ObjectColumn c = column(object, column);
    return dto(object, c, columnRights.of(c.getId()));
  }

  /**
   * Replaces a column's entries. Every grantee must be an existing user or role, named once;
   * otherwise 400 and nothing changes. No entries opens the column again.
   */
  public ColumnRightsDto replaceColumnRights(String name, String column, ColumnRightsChangeDto change) {
    validation.check(change);
    ObjectDefinition object = object(name);
    ObjectColumn c = column(object, column);
    grantees.require(change.entries().stream().map(ColumnRightDto::granteeId).toList());
    List<ColumnRight> entries = change.entries().stream()
        .map(e -> new ColumnRight(e.granteeId(), ColumnAccess.ofWire(e.access()).orElseThrow())).toList();
    columnRights.replace(object.schema().getId(), c.getId(), entries);
    changed.fire(new RightsChanged(object.schema().getName()));
    audit.record(caller.audit(AuditEvent.OBJECT_CHANGED, null, object.schema().getName(),
        "column permissions of " + c.getName() + " replaced: " + entries.size() + " entries"));
    return dto(object, c, entries);
  }

  private ColumnRightsDto dto(ObjectDefinition object, ObjectColumn column, List<ColumnRight> entries) {
    Map<UUID, String> names = grantees.names(entries.stream().map(ColumnRight::grantee).toList());
    return new ColumnRightsDto(object.schema().getName(), column.getName(),
        object.schema().getOptions().administeredByColumns(),
        entries.stream().map(r -> new ColumnRightDto(r.grantee(), names.get(r.grantee()), r.access().wire())).toList());
  }

  /** A column of the object that permissions can name: one of its own (system columns have none). */
  private static ObjectColumn column(ObjectDefinition object, String name) {
    return Optional.ofNullable(name).flatMap(object::column).orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND,
        object.name() + " has no column " + name + " of its own."));
  }

  @RolesAllowed({Operations.CAN_MANAGE_ADMINISTRATION, Operations.CAN_CHANGE_ENTITY_SCHEMA_RECORD_RIGHT})
  public DefaultRecordRightsDto defaultRecordRights(String name) {
    ObjectDefinition object = object(name);
    return rulesDto(object, defaultRights.of(object.schema().getId()));
  }

  /**
   * Replaces the object's default-rights rules. Every author and grantee must be an existing user
   * or role, and each rule (author, grantee, operation) given once; otherwise 400 and nothing
   * changes. Under record permissions the rights the rules give are brought up to date over the
   * object's records in the same transaction, in SQL: those of rules gone or changed removed, the
   * new ones added.
   */
  @RolesAllowed({Operations.CAN_MANAGE_ADMINISTRATION, Operations.CAN_CHANGE_ENTITY_SCHEMA_RECORD_RIGHT})
  public DefaultRecordRightsDto replaceDefaultRecordRights(String name, DefaultRecordRightsChangeDto change) {
    validation.check(change);
    ObjectDefinition object = object(name);
    Map<String, UUID> units = new LinkedHashMap<>();
    List<FieldError> repeated = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>(); // author, grantee, operation: one rule each
    List<DefaultRecordRight> rules = new ArrayList<>();
    for (int i = 0; i < change.entries().size(); i++) {
      DefaultRecordRightDto e = change.entries().get(i);
      units.put("Entries[" + i + "].AuthorId", e.authorId());
      units.put("Entries[" + i + "].GranteeId", e.granteeId());
      DefaultRecordRight rule = new DefaultRecordRight(e.authorId(), e.granteeId(), RecordRightsDtos.operation(e.operation()),
          RecordRightsDtos.level(e.level()));
      if (seen.add(List.of(rule.author(), rule.grantee(), rule.operation()))) {
        rules.add(rule);
      } else {
        repeated.add(new FieldError("Entries[" + i + "]", "repeats the rule of an entry before (author, grantee, operation)"));
      }
    }
    grantees.requireKnown(units);
    Validation.fail(repeated);
    defaultRights.replace(object.schema().getId(), rules);
    recompute(object);
    audit.record(caller.audit(AuditEvent.OBJECT_CHANGED, null, object.schema().getName(),
        "default record rights replaced: " + rules.size() + " rules"));
    return rulesDto(object, rules);
  }

  /**
   * Brings the default rights of every record of the object up to date, as after a change of its
   * rules: after records were loaded around Atrium (straight into the database), for instance.
   * At once for a table of up to {@code atrium.records.rights-inline-limit} records, otherwise by
   * the background job ({@code RightsState} then says so). 409 for an object without record
   * permissions.
   */
  @RolesAllowed({Operations.CAN_MANAGE_ADMINISTRATION, Operations.CAN_CHANGE_ENTITY_SCHEMA_RECORD_RIGHT})
  public DefaultRecordRightsDto recomputeDefaultRecordRights(String name) {
    ObjectDefinition object = object(name);
    if (!object.schema().getOptions().administeredByRecords()) {
      throw new AtriumException(ErrorCode.CONFLICT, object.name() + " has no record permissions: it has no record rights to recompute.");
    }
    recompute(object);
    audit.record(caller.audit(AuditEvent.OBJECT_CHANGED, null, object.schema().getName(), "default record rights recomputed"));
    return rulesDto(object, defaultRights.of(object.schema().getId()));
  }

  private void recompute(ObjectDefinition object) {
    if (object.schema().getOptions().administeredByRecords()) {
      upkeep.update(object.name(), false);
    }
  }

  private DefaultRecordRightsDto rulesDto(ObjectDefinition object, List<DefaultRecordRight> rules) {
    Map<UUID, String> names = grantees.names(rules.stream().flatMap(r -> Stream.of(r.author(), r.grantee())).distinct().toList());
    return new DefaultRecordRightsDto(object.schema().getName(), object.schema().getOptions().administeredByRecords(),
        ObjectRightsDtos.wire(object.schema().getRecordRightsState()), rules.stream().map(r -> new DefaultRecordRightDto(r.author(), names.get(r.author()), r.grantee(), names.get(r.grantee()),
            RecordRightsDtos.wire(r.operation()), RecordRightsDtos.wireLevel(r.level()))).toList());
  }

  private ObjectDefinition object(String name) {
    return Optional.ofNullable(name).flatMap(objects::find)
        .orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND, "There is no object " + name + "."));
  }
}
