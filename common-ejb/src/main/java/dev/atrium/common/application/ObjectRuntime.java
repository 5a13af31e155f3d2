package dev.atrium.common.application;

import dev.atrium.common.data.EntityTypes;
import dev.atrium.common.data.RecordStore;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ObjectColumn;
import dev.atrium.common.domain.ObjectDefinition;
import dev.atrium.common.infrastructure.AtriumConfig;
import dev.atrium.common.infrastructure.ClusterEvents;
import dev.atrium.common.infrastructure.CoherentValue;
import dev.atrium.common.infrastructure.ObjectSchemaRepository;
import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.metadata.ObjectModel;
import dev.atrium.common.query.Values;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Duration;
import java.util.List;
import org.eclipse.persistence.jpa.JpaEntityManagerFactory;
import org.eclipse.persistence.jpa.dynamic.JPADynamicHelper;
import org.jboss.logging.Logger;

/**
 * This node's business objects: the metadata as an {@link ObjectModel} and the entity types built
 * from it. The designer announces every change (topic {@code objects}); each node then reads the
 * metadata again and, if it moved, builds new types, without a restart. The metadata is also
 * re-read at least every {@link #MAX_AGE} in case an announcement was lost.
 */
@ApplicationScoped
public class ObjectRuntime {

  static final String TOPIC = "objects";
  static final Duration MAX_AGE = Duration.ofSeconds(60);
  private static final Logger LOG = Logger.getLogger(ObjectRuntime.class);

  @PersistenceUnit(unitName = "atrium")
  EntityManagerFactory emf;

  @Inject
  ObjectSchemaRepository repository;

  @Inject
  ClusterEvents events;

  @Inject
  AtriumConfig config;

  private CoherentValue<ObjectModel> model;
  private volatile RecordStore current;

  @PostConstruct
  void listen() {
    model = new CoherentValue<>(() -> of(repository.all()), MAX_AGE);
    events.subscribe(TOPIC, payload -> model.invalidate());
  }

  /** The records of the objects as the metadata describes them now. */
  public RecordStore store() {
    ObjectModel now = model.get();
    RecordStore s = current;
    return s != null && s.types().model().fingerprint().equals(now.fingerprint()) ? s : rebuild(now);
  }

  /** The tag of the metadata as this node knows it now ({@link ObjectModel#tag()}); builds no types. */
  public String tag() {
    return model.get().tag();
  }

  public ObjectModel model() {
    return store().types().model();
  }

  /** Tells every node (this one first) that the metadata of {@code object} changed. */
  public void announce(String object) {
    events.publish(TOPIC, object);
  }

  /**
   * Builds the types of the metadata as it is now. It is read again here, under the lock: the
   * model a caller saw may be older than the one the previous rebuild used. Types of earlier models
   * stay registered (EclipseLink cannot remove them safely while other requests run); each
   * metadata change costs one set of descriptors until the next restart.
   */
  private synchronized RecordStore rebuild(ObjectModel seen) {
    if (current != null && current.types().model().fingerprint().equals(seen.fingerprint())) {
      return current;
    }
    ObjectModel now = of(repository.all());
    if (current != null && current.types().model().fingerprint().equals(now.fingerprint())) {
      return current;
    }
    JPADynamicHelper helper = new JPADynamicHelper(emf.unwrap(JpaEntityManagerFactory.class));
    current = new RecordStore(EntityTypes.register(now, helper), config.queryLimits());
    LOG.infof("ATRIUM-0610 Entity types built for %d objects", now.objects().size());
    return current;
  }

  /** The data layer's view of the metadata rows. */
  static ObjectModel of(List<ObjectDefinition> definitions) {
    return new ObjectModel(definitions.stream().map(d -> new EntityModel(d.name(), d.schema().getCaption(),
        d.schema().getPrimaryDisplayColumn(), d.schema().getVersion(), d.schema().isSystem(), d.schema().getOptions(),
        d.schema().getRecordRightsState(), d.columns().stream().map(c -> field(d.name(), c)).toList())).toList());
  }

  /** A recorded column; its default value as a value of its type (the designer checked it). */
  static EntityField field(String object, ObjectColumn c) {
    EntityField field = EntityField.of(c.getName(), c.getCaption(), ObjectMetadataStore.planOf(c));
    if (c.getDefaultValue() == null) {
      return field;
    }
    try {
      return field.withDefault(Values.coerce(c.getDefaultValue(), field));
    } catch (AtriumException notAValue) { // written around the designer: served without the default
      LOG.warnf("ATRIUM-0611 The default value of %s.%s is not a %s value; it is ignored", object, c.getName(),
          field.type().apiName());
      return field;
    }
  }
}
