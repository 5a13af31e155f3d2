package dev.atrium.common.permissions;

import dev.atrium.common.data.RecordAccess;
import dev.atrium.common.data.RecordOperation;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.security.CallerIdentity;
import dev.atrium.common.security.ClientContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the caller may do with an object's records and columns.
 * <ul>
 * <li>Object permissions: an object whose records are not administered by operations is open to
 * every employee (external users never reach the record layer). One that is: the first of its
 * entries naming the caller or one of their roles (nearest first) decides each operation; none
 * refuses it.
 * <li>Column permissions: in an object administered by columns, a column with entries gives what
 * the first entry naming the caller or one of their roles says (deny, read, or read and edit),
 * nothing when none does; a column without entries is open.
 * <li>Record permissions: in an object administered by records, a record is read, changed or
 * deleted by those its rights name for that (the caller or one of their roles).
 * </ul>
 * Holders of an operation's "everything" operation ({@code CanSelectEverything} for reading,
 * {@code CanInsertEverything} for adding, ...) pass both regardless.
 */
@ApplicationScoped
public class AccessPolicy {

  @Inject
  RightsCache cache;

  @Inject
  ClientContext client;

  @Inject
  SecurityContext security;

  public boolean allows(EntityModel object, ObjectOperation operation) {
    return allowed(object, EnumSet.of(operation)).contains(operation);
  }

  /** Which of the operations the caller may do with the object's records, the caller's units looked up once. */
  public Set<ObjectOperation> allowed(EntityModel object, Set<ObjectOperation> operations) {
    Set<ObjectOperation> allowed = EnumSet.noneOf(ObjectOperation.class);
    List<UUID> units = null;
    for (ObjectOperation operation : operations) {
      if (!object.options().administeredByOperations() || security.isCallerInRole(operation.everything())) {
        allowed.add(operation);
        continue;
      }
      if (units == null) {
        units = units();
      }
      if (cache.objects().allows(object.name(), units, operation)) {
        allowed.add(operation);
      }
    }
    return allowed;
  }

  /** 403 {@code ACCESS_DENIED} unless the caller may. */
  public void check(EntityModel object, ObjectOperation operation) {
    if (!allows(object, operation)) {
      throw new AtriumException(ErrorCode.ACCESS_DENIED,
          "You may not " + operation.verb() + " records of " + object.name() + ".");
    }
  }

  /**
   * What the record layer lets the caller reach, for one call: the caller's units and their
   * "everything" operations are looked up once, and only for objects whose rights are in force.
   */
  public RecordAccess forCaller() {
    return new RecordAccess() {
      private List<UUID> units;

      @Override
      public boolean readsObject(EntityModel object) {
        return allows(object, ObjectOperation.READ);
      }

      @Override
      public boolean readsColumn(EntityModel object, EntityField field) {
        return column(object, field, ObjectOperation.READ).reads();
      }

      @Override
      public boolean changesColumn(EntityModel object, EntityField field, boolean insert) {
        return column(object, field, insert ? ObjectOperation.CREATE : ObjectOperation.EDIT).edits();
      }

      @Override
      public Optional<List<UUID>> recordGrantees(EntityModel object, RecordOperation operation) {
        ObjectOperation bypass = switch (operation) {
          case READ -> ObjectOperation.READ;
          case EDIT -> ObjectOperation.EDIT;
          case DELETE -> ObjectOperation.DELETE;
        };
        if (!object.recordRightsInForce() || security.isCallerInRole(bypass.everything())) {
          return Optional.empty();
        }
        if (units == null) {
          units = units();
        }
        return Optional.of(units);
      }

      private ColumnAccess column(EntityModel object, EntityField field, ObjectOperation operation) {
        if (!object.options().administeredByColumns() || security.isCallerInRole(operation.everything())) {
          return ColumnAccess.EDIT;
        }
        if (units == null) {
          units = units();
        }
        return cache.columns().access(object.name(), field.name(), units);
      }
    };
  }

  /** The caller and their roles, nearest first; none for a call without a signed-in caller. */
  private List<UUID> units() {
    CallerIdentity who = client.identity();
    if (who == null) {
      return List.of();
    }
    List<UUID> units = new ArrayList<>(who.roles().size() + 1);
    units.add(who.userId());
    units.addAll(who.roles());
    return units;
  }
}
