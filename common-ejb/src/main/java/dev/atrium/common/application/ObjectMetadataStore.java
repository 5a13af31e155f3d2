package dev.atrium.common.application;

import dev.atrium.common.application.ObjectDtos.ColumnDto;
import dev.atrium.common.application.ObjectDtos.ObjectDto;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.AuditRecord;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.ObjectColumn;
import dev.atrium.common.domain.ObjectDefinition;
import dev.atrium.common.domain.ObjectSchema;
import dev.atrium.common.infrastructure.ObjectSchemaRepository;
import dev.atrium.common.metadata.ColumnPlan;
import dev.atrium.common.metadata.ColumnType;
import dev.atrium.common.metadata.ObjectOptions;
import dev.atrium.common.permissions.ColumnRightsRepository;
import dev.atrium.common.permissions.RecordRightsUpkeep;
import dev.atrium.common.security.Operations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The object designer's metadata writes, each in a transaction of its own with its audit record:
 * the designer runs the DDL (which commits by itself) and records the result here.
 */
@Stateless
@RolesAllowed(Operations.CAN_MANAGE_ADMINISTRATION)
public class ObjectMetadataStore {

  /** A column to record: its designer name, caption, default (canonical text) and how the database holds it. */
  record NewColumn(String name, String caption, ColumnPlan plan, String defaultValue) {}

  @Inject
  ObjectSchemaRepository repository;

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  @EJB
  AuditService audit;

  @EJB
  RecordRightsUpkeep recordRights;

  @Inject
  ColumnRightsRepository columnRights;

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<ObjectDto> list() {
    return repository.all().stream().map(ObjectMetadataStore::toDto).toList();
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public ObjectDto get(String name) {
    return toDto(load(name));
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ObjectDto create(String name, String caption, String primaryDisplayColumn, ObjectOptions options,
      List<NewColumn> columns, UUID byContactId, AuditRecord change) {
    ObjectSchema schema = new ObjectSchema(name, caption, byContactId, Mapping.nowUtc());
    schema.setPrimaryDisplayColumn(primaryDisplayColumn);
    schema.setOptions(options);
    repository.persist(schema);
    repository.flush(); // the columns' rows refer to it
    List<ObjectColumn> added = add(schema.getId(), 0, columns);
    audit.record(change);
    return toDto(new ObjectDefinition(schema, added));
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ObjectDto addColumns(String name, List<NewColumn> columns, UUID byContactId, AuditRecord change) {
    ObjectDefinition object = load(name);
    List<ObjectColumn> all = new ArrayList<>(object.columns());
    all.addAll(add(object.schema().getId(), all.stream().mapToInt(ObjectColumn::getPosition).max().orElse(0), columns));
    object.schema().touch(byContactId, Mapping.nowUtc());
    audit.record(change);
    return toDto(new ObjectDefinition(object.schema(), all));
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ObjectDto dropColumn(String name, String column, UUID byContactId, AuditRecord change) {
    ObjectDefinition object = load(name);
    List<ObjectColumn> kept = new ArrayList<>(object.columns());
    object.column(column).ifPresent(c -> {
      repository.remove(c);
      kept.remove(c);
    });
    if (column.equalsIgnoreCase(object.schema().getPrimaryDisplayColumn())) {
      object.schema().setPrimaryDisplayColumn(null);
    }
    ObjectOptions options = object.schema().getOptions();
    if (column.equalsIgnoreCase(options.ownerColumn())) {
      options = options.withOwnerColumn(null);
    }
    if (column.equalsIgnoreCase(options.boardColumn())) {
      options = options.withBoardColumn(null); // the board goes with its column
    }
    object.schema().setOptions(options);
    object.schema().touch(byContactId, Mapping.nowUtc());
    audit.record(change);
    return toDto(new ObjectDefinition(object.schema(), kept));
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ObjectDto changeColumn(String name, String column, String caption, ColumnPlan after, String defaultValue,
      UUID byContactId, AuditRecord change) {
    ObjectDefinition object = load(name);
    ObjectColumn c = object.column(column).orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND,
        "Object " + name + " has no column " + column + "."));
    c.change(caption, after.type().apiName(), after.required(), after.unique(), after.indexed());
    c.setDefaultValue(defaultValue);
    repository.merge(c);
    object.schema().touch(byContactId, Mapping.nowUtc());
    repository.merge(object.schema());
    audit.record(change);
    return toDto(object);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ObjectDto changeObject(String name, String caption, String primaryDisplayColumn, ObjectOptions options,
      UUID byContactId, AuditRecord change) {
    ObjectDefinition object = load(name);
    ObjectOptions before = object.schema().getOptions();
    object.schema().setCaption(caption);
    object.schema().setPrimaryDisplayColumn(primaryDisplayColumn);
    object.schema().setOptions(options);
    if (options.administeredByRecords() && (!before.administeredByRecords()
        || !Objects.equals(before.ownerColumn(), options.ownerColumn()))) {
      // records that exist get their default rights, in the same transaction or, for a large table, from the job
      repository.flush();
      recordRights.update(object.name(), !before.administeredByRecords());
    }
    object.schema().touch(byContactId, Mapping.nowUtc());
    repository.merge(object.schema());
    audit.record(change);
    return toDto(object);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void deleteObject(String name, AuditRecord change) {
    ObjectDefinition object = load(name);
    columnRights.deleteOfObject(object.schema().getId());
    object.columns().forEach(repository::remove);
    repository.remove(object.schema());
    audit.record(change);
  }

  /** How the database holds a recorded column. */
  public static ColumnPlan planOf(ObjectColumn c) {
    ColumnType type = ColumnType.byApiName(c.getDataType())
        .orElseThrow(() -> new IllegalStateException("Unknown column type in the metadata: " + c.getDataType()));
    return new ColumnPlan(type.columnName(c.getName()), type, c.isRequired(), c.isUnique(), c.isIndexed(), c.getReferenceSchemaName());
  }

  private ObjectDefinition load(String name) {
    return repository.find(name).orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND, "No object named " + name + "."));
  }

  /** Records the columns after the last position; returns them. */
  private List<ObjectColumn> add(UUID schemaId, int lastPosition, List<NewColumn> columns) {
    int position = lastPosition;
    List<ObjectColumn> added = new ArrayList<>();
    for (NewColumn c : columns) {
      ColumnPlan p = c.plan();
      ObjectColumn column = new ObjectColumn(schemaId, c.name(), c.caption(), p.type().apiName(), p.required(),
          p.unique(), p.indexed(), p.referencedTable(), ++position);
      column.setDefaultValue(c.defaultValue());
      repository.persist(column);
      added.add(column);
    }
    return added;
  }

  static ObjectDto toDto(ObjectDefinition object) {
    ObjectSchema s = object.schema();
    List<ColumnDto> columns = object.columns().stream().map(c -> {
      ColumnPlan p = planOf(c);
      return new ColumnDto(c.getName(), c.getCaption(), p.type().apiName(), p.column(), p.type().dataValueType(),
          p.required(), p.unique(), p.indexed(), p.referencedTable(), c.getPosition(), c.getDefaultValue());
    }).toList();
    ObjectOptions o = s.getOptions();
    return new ObjectDto(s.getName(), s.getCaption(), s.getPrimaryDisplayColumn(), s.isSystem(), s.getVersion(),
        Mapping.utc(s.getModifiedOn()), o.ownerColumn(), o.administeredByOperations(), o.administeredByRecords(),
        o.administeredByColumns(), o.trackChanges(), o.section(), o.boardColumn(), columns);
  }
}
