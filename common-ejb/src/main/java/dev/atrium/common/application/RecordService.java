package dev.atrium.common.application;

import dev.atrium.common.data.RecordStore;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.metadata.ObjectModel;
import dev.atrium.common.permissions.AccessPolicy;
import dev.atrium.common.permissions.ObjectOperation;
import dev.atrium.common.query.Filter;
import dev.atrium.common.query.Select;
import dev.atrium.common.security.Products;
import dev.atrium.common.security.RequiresProduct;
import dev.atrium.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
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

  @Inject
  Caller caller;

  @Inject
  AccessPolicy access;

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

  public UUID insert(String object, Map<String, Object> values) {
    access.check(object(object), ObjectOperation.CREATE);
    return store().insert(em, object, values, caller.who().contactId());
  }

  /** False if there is no such record; 412 if {@code expectedTag} no longer matches. */
  public boolean update(String object, UUID id, Map<String, Object> values, String expectedTag) {
    access.check(object(object), ObjectOperation.EDIT);
    return store().update(em, object, id, values, caller.who().contactId(), expectedTag);
  }

  public boolean delete(String object, UUID id, String expectedTag) {
    access.check(object(object), ObjectOperation.DELETE);
    return store().delete(em, object, id, expectedTag);
  }

  /** Changes every record of {@code object} that matches {@code filter}; returns how many. */
  public int updateWhere(String object, Filter filter, Map<String, Object> values) {
    EntityModel model = object(object);
    access.check(model, ObjectOperation.READ); // the filter reads
    access.check(model, ObjectOperation.EDIT);
    return store().updateWhere(em, object, filter, values, caller.who().contactId());
  }

  /** Deletes every record of {@code object} that matches {@code filter}; returns how many. */
  public int deleteWhere(String object, Filter filter) {
    EntityModel model = object(object);
    access.check(model, ObjectOperation.READ);
    access.check(model, ObjectOperation.DELETE);
    return store().deleteWhere(em, object, filter);
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
