package dev.atrium.common.application;

import dev.atrium.common.data.RecordOperation;
import dev.atrium.common.data.RecordRight;
import dev.atrium.common.data.RecordStore;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.metadata.ObjectModel;
import dev.atrium.common.permissions.AccessPolicy;
import dev.atrium.common.permissions.ObjectOperation;
import dev.atrium.common.permissions.RecordRightsDtos;
import dev.atrium.common.permissions.RecordRightsUpkeep;
import dev.atrium.common.permissions.RecordRightsDtos.RecordRightDto;
import dev.atrium.common.permissions.RecordRightsDtos.RecordRightsDto;
import dev.atrium.common.permissions.RecordRightsDtos.ShareDto;
import dev.atrium.common.query.Filter;
import dev.atrium.common.query.Select;
import dev.atrium.common.security.Products;
import dev.atrium.common.security.RequiresProduct;
import dev.atrium.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The records of every business object, for OData and DataService: the transaction and security
 * boundary over {@link dev.atrium.common.data.RecordStore}. Each call is one transaction, or joins
 * the caller's (an OData change set, a DataService batch), which then commits or fails as one.
 * Object permissions apply here: each call checks the operation on its object, and queries reach
 * other objects (lookups, back-references) only where the caller may read them.
 */
@Stateless
@RolesAllowed(Roles.ALL_EMPLOYEES)
@RequiresProduct({Products.SALES, Products.SERVICE, Products.MARKETING})
public class RecordService {

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  @Inject
  ObjectRuntime runtime;

  @EJB
  RecordRightsUpkeep recordRights;

  @Inject
  Caller caller;

  @Inject
  AccessPolicy access;

  @Inject
  AdminUnitRepository units;

  @Inject
  Validation validation;

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ObjectModel model() {
    return runtime.model();
  }

  /** Whether the caller may do {@code operation} with the records of {@code object} (object permissions). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean allows(String object, ObjectOperation operation) {
    return access.allows(object(object), operation);
  }

  public List<Map<String, Object>> select(Select select) {
    access.check(object(select.root()), ObjectOperation.READ);
    return store().select(em, select);
  }

  public long count(String object, Filter filter) {
    access.check(object(object), ObjectOperation.READ);
    return store().count(em, object, filter);
  }

  public Optional<Map<String, Object>> get(String object, UUID id) {
    access.check(object(object), ObjectOperation.READ);
    return store().get(em, object, id);
  }

  /** A binary column's content and its record's tag; empty if there is no such record. */
  public Optional<RecordStore.Media> media(String object, UUID id, String column) {
    access.check(object(object), ObjectOperation.READ);
    return store().media(em, object, id, column);
  }

  /**
   * A new record; under record permissions it gets its default rights: its author and its owner
   * every right with the right to delegate, their management roles every right, and what the
   * object's rules give by the author's role.
   */
  public UUID insert(String object, Map<String, Object> values) {
    EntityModel model = object(object);
    access.check(model, ObjectOperation.CREATE);
    return store().insert(em, object, values, caller.who().contactId());
  }

  /** False if there is no such record; 412 if {@code expectedTag} no longer matches. */
  public boolean update(String object, UUID id, Map<String, Object> values, String expectedTag) {
    EntityModel model = object(object);
    access.check(model, ObjectOperation.EDIT);
    return store().update(em, object, id, values, caller.who().contactId(), expectedTag);
  }

  public boolean delete(String object, UUID id, String expectedTag) {
    access.check(object(object), ObjectOperation.DELETE);
    return store().delete(em, object, id, expectedTag, caller.who().contactId());
  }

  // ---- sharing (record permissions) ------------------------------------------------------------

  /** The rights on a record the caller may read; 404 otherwise, 409 for an object without record permissions. */
  public RecordRightsDto rights(String object, UUID id) {
    EntityModel model = object(object);
    access.check(model, ObjectOperation.READ);
    List<RecordRight> rights = store().rightsOf(em, model.name(), id).orElseThrow(() -> AtriumException.notFound(model.name(), id));
    Map<UUID, String> names = units.names(rights.stream().map(RecordRight::grantee).toList());
    return new RecordRightsDto(model.name(), id, rights.stream().map(r -> new RecordRightDto(r.grantee(), names.get(r.grantee()),
        RecordRightsDtos.wire(r.operation()), RecordRightsDtos.wireLevel(r.level()), RecordRightsDtos.wireSource(r.source())))
        .toList());
  }

  /**
   * Shares an operation on the record with a user or role, by a caller who holds it with the right
   * to delegate (see {@link RecordStore#share}); answers the record's rights. 400
   * {@code UNKNOWN_REFERENCE} for a grantee that is no user or role.
   */
  public RecordRightsDto share(String object, UUID id, ShareDto share) {
    validation.check(share);
    EntityModel model = object(object);
    access.check(model, ObjectOperation.READ);
    if (units.find(share.granteeId()).isEmpty()) {
      throw new AtriumException(ErrorCode.UNKNOWN_REFERENCE, "The grantee is no user or role.",
          List.of(new FieldError("GranteeId", "is no user or role")));
    }
    if (!store().share(em, model.name(), id, share.granteeId(), RecordRightsDtos.operation(share.operation()),
        RecordRightsDtos.level(share.level()))) {
      throw AtriumException.notFound(model.name(), id);
    }
    return rights(object, id);
  }

  /** Takes back an operation shared with a user or role; 404 when there was none to take back. */
  public void unshare(String object, UUID id, UUID grantee, String operation) {
    EntityModel model = object(object);
    access.check(model, ObjectOperation.READ);
    RecordOperation op = Optional.ofNullable(operation).filter(o -> o.matches(RecordRightsDtos.OPERATIONS))
        .map(RecordRightsDtos::operation).orElseThrow(() -> new AtriumException(ErrorCode.VALIDATION_FAILED,
            ErrorCode.VALIDATION_FAILED.defaultMessage(), List.of(new FieldError("operation", "must be Read, Edit or Delete"))));
    if (!store().unshare(em, model.name(), id, grantee, op)) {
      throw new AtriumException(ErrorCode.NOT_FOUND, "No " + operation + " right of " + model.name() + " " + id
          + " was shared with " + grantee + ".");
    }
  }

  /** Changes every record of {@code object} that matches {@code filter}; returns how many. */
  public int updateWhere(String object, Filter filter, Map<String, Object> values) {
    EntityModel model = object(object);
    access.check(model, ObjectOperation.READ); // the filter reads
    access.check(model, ObjectOperation.EDIT);
    int changed = store().updateWhere(em, object, filter, values, caller.who().contactId());
    if (changed > 0 && model.recordRightsKept() && RecordStore.setsOwner(model, values)) {
      recordRights.update(model.name(), false); // the whole table's, at once or by the background job
    }
    return changed;
  }

  /** Deletes every record of {@code object} that matches {@code filter}; returns how many. */
  public int deleteWhere(String object, Filter filter) {
    EntityModel model = object(object);
    access.check(model, ObjectOperation.READ);
    access.check(model, ObjectOperation.DELETE);
    return store().deleteWhere(em, object, filter, caller.who().contactId());
  }

  /** The record layer as the caller may use it: the objects and columns their rights reach. */
  private RecordStore store() {
    return runtime.store().as(access.forCaller());
  }

  /** The object by name; 400 {@code UNKNOWN_COLUMN} as the query layer answers for an unknown one. */
  private EntityModel object(String name) {
    return runtime.model().object(name)
        .orElseThrow(() -> new AtriumException(ErrorCode.UNKNOWN_COLUMN, "No object named " + name + "."));
  }
}
