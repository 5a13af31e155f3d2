package dev.atrium.common.application;

import dev.atrium.common.data.RecordStore;
import dev.atrium.common.metadata.ObjectModel;
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

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ObjectModel model() {
    return runtime.model();
  }

  public List<Map<String, Object>> select(Select select) {
    return runtime.store().select(em, select);
  }

  public long count(String object, Filter filter) {
    return runtime.store().count(em, object, filter);
  }

  public Optional<Map<String, Object>> get(String object, UUID id) {
    return runtime.store().get(em, object, id);
  }

  /** A binary column's content and its record's tag; empty if there is no such record. */
  public Optional<RecordStore.Media> media(String object, UUID id, String column) {
    return runtime.store().media(em, object, id, column);
  }

  public UUID insert(String object, Map<String, Object> values) {
    return runtime.store().insert(em, object, values, caller.who().contactId());
  }

  /** False if there is no such record; 412 if {@code expectedTag} no longer matches. */
  public boolean update(String object, UUID id, Map<String, Object> values, String expectedTag) {
    return runtime.store().update(em, object, id, values, caller.who().contactId(), expectedTag);
  }

  public boolean delete(String object, UUID id, String expectedTag) {
    return runtime.store().delete(em, object, id, expectedTag);
  }

  /** Changes every record of {@code object} that matches {@code filter}; returns how many. */
  public int updateWhere(String object, Filter filter, Map<String, Object> values) {
    return runtime.store().updateWhere(em, object, filter, values, caller.who().contactId());
  }

  /** Deletes every record of {@code object} that matches {@code filter}; returns how many. */
  public int deleteWhere(String object, Filter filter) {
    return runtime.store().deleteWhere(em, object, filter);
  }
}
