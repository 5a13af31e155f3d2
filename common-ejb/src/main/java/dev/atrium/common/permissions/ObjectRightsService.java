package dev.atrium.common.permissions;

import dev.atrium.common.application.AuditService;
import dev.atrium.common.application.Caller;
import dev.atrium.common.application.Validation;
import dev.atrium.common.domain.AdminUnit;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.domain.ObjectDefinition;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import dev.atrium.common.infrastructure.ObjectSchemaRepository;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Object permissions for administrators ({@code CanManageAdministration}): read an object's
 * entries and replace them in one go. A change reaches every node of a farm once it commits.
 */
@Stateless
@RolesAllowed(Operations.CAN_MANAGE_ADMINISTRATION)
public class ObjectRightsService {

  @Inject
  ObjectSchemaRepository objects;

  @Inject
  ObjectRightsRepository rights;

  @Inject
  AdminUnitRepository units;

  @Inject
  Validation validation;

  @Inject
  Caller caller;

  @Inject
  Event<ObjectRightsChanged> changed;

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
    List<FieldError> errors = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    List<ObjectRight> entries = new ArrayList<>();
    for (int i = 0; i < change.entries().size(); i++) {
      ObjectRightDto e = change.entries().get(i);
      String field = "Entries[" + i + "].GranteeId";
      if (!seen.add(e.granteeId())) {
        errors.add(new FieldError(field, "names a user or role already named before"));
      } else if (units.find(e.granteeId()).isEmpty()) {
        errors.add(new FieldError(field, "is no user or role"));
      }
      entries.add(new ObjectRight(e.granteeId(), e.read(), e.create(), e.edit(), e.delete()));
    }
    if (errors.stream().anyMatch(f -> f.message().startsWith("is no"))) {
      throw new AtriumException(ErrorCode.UNKNOWN_REFERENCE, "A grantee is no user or role.", errors);
    }
    Validation.fail(errors);
    rights.replace(object.schema().getId(), entries);
    changed.fire(new ObjectRightsChanged(object.schema().getName()));
    audit.record(caller.audit(AuditEvent.OBJECT_CHANGED, null, object.schema().getName(),
        "object permissions replaced: " + entries.size() + " entries"));
    return dto(object, entries);
  }

  private ObjectRightsDto dto(ObjectDefinition object, List<ObjectRight> entries) {
    return new ObjectRightsDto(object.schema().getName(), object.schema().getOptions().administeredByOperations(),
        entries.stream().map(r -> new ObjectRightDto(r.grantee(),
            units.find(r.grantee()).map(AdminUnit::getName).orElse(null), r.read(), r.create(), r.edit(), r.delete()))
            .toList());
  }

  private ObjectDefinition object(String name) {
    return Optional.ofNullable(name).flatMap(objects::find)
        .orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND, "There is no object " + name + "."));
  }
}
