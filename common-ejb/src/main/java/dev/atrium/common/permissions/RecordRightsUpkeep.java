package dev.atrium.common.permissions;

import dev.atrium.common.application.ObjectMetadataStore;
import dev.atrium.common.data.RecordStore;
import dev.atrium.common.domain.ObjectDefinition;
import dev.atrium.common.domain.ObjectSchema;
import dev.atrium.common.infrastructure.AtriumConfig;
import dev.atrium.common.infrastructure.ObjectSchemaRepository;
import dev.atrium.common.metadata.Identifiers;
import dev.atrium.common.metadata.RecordRightsState;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps the default record rights of whole objects up to date: when record permissions are
 * switched on, the owner column or the rules change, or an administrator asks. A table of at most
 * {@code atrium.records.rights-inline-limit} records is brought up to date at once, in the
 * caller's transaction; a larger one is marked ({@link RecordRightsState}) and left to the
 * background job {@code record-rights-upkeep}, which works each marked object off in a
 * transaction of its own, in SQL, with the object's metadata row locked (a rule change that comes
 * meanwhile waits for it, then marks the object again).
 */
@Stateless
public class RecordRightsUpkeep {

  private static final Logger LOG = Logger.getLogger(RecordRightsUpkeep.class);

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  @Inject
  ObjectSchemaRepository objects;

  @Inject
  AtriumConfig config;

  @Inject
  Event<RecordRightsStateChanged> changed;

  @EJB
  RecordRightsUpkeep self;

  /**
   * Brings the rights of the object's records up to date now or, for a large table, marks them for
   * the job: {@code first} when its records have none yet (record permissions just switched on),
   * which keeps them open until the job has run. Returns the state the object is left in.
   */
  public RecordRightsState update(String name, boolean first) {
    ObjectDefinition object = objects.find(name).orElseThrow(() -> new IllegalArgumentException("No object " + name));
    ObjectSchema schema = object.schema();
    RecordRightsState before = schema.getRecordRightsState();
    long records = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + Identifiers.sqlName(object.name()))
        .getSingleResult()).longValue();
    RecordRightsState after;
    if (records <= config.recordRightsInlineLimit()) {
      RecordStore.defaultRights(em, object.name(), ownerColumn(object), null, false);
      after = RecordRightsState.CURRENT;
    } else {
      after = first || before == RecordRightsState.FIRST_PENDING ? RecordRightsState.FIRST_PENDING : RecordRightsState.UPDATE_PENDING;
    }
    schema.setRecordRightsState(after);
    if (after != before) {
      changed.fire(new RecordRightsStateChanged(object.name(), after));
    }
    return after;
  }

  /** The objects whose rights wait, by name. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<String> pending() {
    return em.createQuery("SELECT s.name FROM ObjectSchema s WHERE s.recordRightsState <> 0 ORDER BY s.name", String.class)
        .getResultList();
  }

  /**
   * Works off every object whose rights wait, each in its own transaction; returns the names of
   * those brought up to date. One that fails stays marked for the next run.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<String> catchUp() {
    return pending().stream().filter(name -> {
      try {
        return self.bringUpToDate(name);
      } catch (RuntimeException e) {
        LOG.errorf(e, "ATRIUM-0620 The record rights of %s could not be brought up to date; the next run tries again", name);
        return false;
      }
    }).toList();
  }

  /** One object's rights, with its metadata row locked; false if they were current by then. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean bringUpToDate(String name) {
    Optional<ObjectDefinition> found = objects.find(name);
    if (found.isEmpty()) {
      return false;
    }
    ObjectSchema schema = em.find(ObjectSchema.class, found.get().schema().getId(), LockModeType.PESSIMISTIC_WRITE);
    if (schema == null || schema.getRecordRightsState() == RecordRightsState.CURRENT) {
      return false;
    }
    long started = System.nanoTime();
    int rows = schema.getOptions().administeredByRecords()
        ? RecordStore.defaultRights(em, name, ownerColumn(found.get()), null, false) : 0;
    schema.setRecordRightsState(RecordRightsState.CURRENT);
    changed.fire(new RecordRightsStateChanged(name, RecordRightsState.CURRENT));
    LOG.infof("ATRIUM-0621 Record rights of %s brought up to date: %d rows written in %d ms", name, rows,
        (System.nanoTime() - started) / 1_000_000);
    return true;
  }

  /** The database column of the object's owner lookup, or null. */
  public static String ownerColumn(ObjectDefinition object) {
    String owner = object.schema().getOptions().ownerColumn();
    return owner == null ? null : object.column(owner).map(c -> ObjectMetadataStore.planOf(c).column()).orElse(null);
  }
}
