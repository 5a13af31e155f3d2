package dev.atrium.common.data;

import dev.atrium.common.changelog.ChangeLogEntry;
import dev.atrium.common.changelog.ChangeType;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.infrastructure.GuidConverter;
import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.metadata.RecordRightsTable;
import dev.atrium.common.query.Expr;
import dev.atrium.common.query.Filter;
import dev.atrium.common.query.LookupValue;
import dev.atrium.common.query.QueryCompiler;
import dev.atrium.common.query.QueryLimits;
import dev.atrium.common.query.Select;
import dev.atrium.common.query.Values;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.persistence.dynamic.DynamicEntity;
import org.eclipse.persistence.dynamic.DynamicType;
import org.eclipse.persistence.expressions.Expression;
import org.eclipse.persistence.expressions.ExpressionBuilder;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.queries.ReadAllQuery;
import org.eclipse.persistence.queries.ReportQuery;
import org.eclipse.persistence.queries.ReportQueryResult;

/**
 * Reads and writes the records of business objects through their entity types, for every API:
 * reads are compiled by {@link QueryCompiler}; writes check every value against the metadata
 * (unknown and read-only columns, types, lengths, required columns, that lookups refer to
 * existing records) and report every problem at once before anything is written.
 */
public final class RecordStore {

  private final EntityTypes types;
  private final QueryLimits limits;
  private final RecordAccess access;

  public RecordStore(EntityTypes types, QueryLimits limits) {
    this(types, limits, RecordAccess.ALL);
  }

  private RecordStore(EntityTypes types, QueryLimits limits, RecordAccess access) {
    this.types = types;
    this.limits = limits;
    this.access = access;
  }

  /**
   * The same store for a caller who may reach only what {@code access} allows: its queries refuse
   * to follow lookups or back-references into objects they may not read and leave out their
   * display values and the columns they may not read (see {@link QueryCompiler}); its writes refuse
   * to set a column they may not change ({@link #guarded}).
   */
  public RecordStore as(RecordAccess access) {
    return new RecordStore(types, limits, access);
  }

  public EntityTypes types() {
    return types;
  }

  /** The rows of a select, each a map from column alias to value ({@link LookupValue} for lookups). */
  public List<Map<String, Object>> select(EntityManager em, Select select) {
    return select(em, select, RecordOperation.READ);
  }

  /** The rows of a select among the records the caller may read and do {@code operation} with. */
  private List<Map<String, Object>> select(EntityManager em, Select select, RecordOperation operation) {
    QueryCompiler.Compiled compiled = new QueryCompiler(types, limits, access).select(select, operation);
    if (select.top() == 0) {
      return List.of(); // checked, and nothing to read (EclipseLink takes 0 rows for "no limit")
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object result : execute(em, compiled.query())) {
      ReportQueryResult r = (ReportQueryResult) result;
      Map<String, Object> row = new LinkedHashMap<>();
      for (QueryCompiler.Output out : compiled.outputs()) {
        Object value = r.get(out.item());
        if (out.field() != null && out.field().isLookup()) {
          value = value == null ? null : new LookupValue((UUID) value, out.displayItem() == null ? null : r.get(out.displayItem()));
        }
        row.put(out.alias(), value);
      }
      rows.add(row);
    }
    return rows;
  }

  public long count(EntityManager em, String root, Filter filter) {
    List<?> result = execute(em, new QueryCompiler(types, limits, access).count(root, filter));
    Object value = ((ReportQueryResult) result.get(0)).get("count");
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** One record with every column (lookups as GUIDs, binary columns left out), if it exists. */
  public Optional<Map<String, Object>> get(EntityManager em, String object, UUID id) {
    EntityModel model = object(object);
    List<Select.Column> columns = model.fields().stream().filter(f -> f.javaType() != byte[].class)
        .map(f -> new Select.Column(EntityTypes.attribute(f), new Expr.Path(List.of(f.name())), true)).toList();
    Filter byId = new Filter.Compare(new Expr.Path(List.of("Id")), Filter.Comparison.EQUAL, new Expr.Value(id));
    List<Map<String, Object>> rows = select(em, new Select(model.name(), columns, byId, List.of(), 0, 1, false));
    return rows.stream().findFirst();
  }

  /** A binary column's content (null when it has none) and the entity tag of its record. */
  public record Media(byte[] content, String tag) {}

  /**
   * The content of a binary column of one record, read on its own (records are otherwise read
   * without their binary columns); empty if there is no such record.
   */
  public Optional<Media> media(EntityManager em, String object, UUID id, String column) {
    EntityModel model = object(object);
    EntityField field = binaryColumn(model, column);
    if (!access.readsColumn(model, field)) {
      throw new AtriumException(ErrorCode.ACCESS_DENIED, "You may not read column " + field.name() + " of " + model.name() + ".");
    }
    Filter byId = new Filter.Compare(new Expr.Path(List.of("Id")), Filter.Comparison.EQUAL, new Expr.Value(id));
    List<Select.Column> columns = List.of(new Select.Column("content", new Expr.Path(List.of(field.name())), true),
        new Select.Column("ModifiedOn", new Expr.Path(List.of("ModifiedOn")), true));
    return select(em, new Select(model.name(), columns, byId, List.of(), 0, 1, false)).stream().findFirst()
        .map(row -> new Media((byte[]) row.get("content"), tag(row.get("ModifiedOn"))));
  }

  /** The binary column {@code column} of {@code model}; UNKNOWN_COLUMN if it has none by that name. */
  private static EntityField binaryColumn(EntityModel model, String column) {
    return model.field(column).filter(f -> f.javaType() == byte[].class).orElseThrow(() -> new AtriumException(
        ErrorCode.UNKNOWN_COLUMN, model.name() + " has no binary column " + column + "."));
  }

  /**
   * Creates a record; returns its id. {@code Id} may be given, the other system columns not. A
   * column the values leave out gets its default; the owner column, when the object has one, the
   * creator's contact.
   */
  public UUID insert(EntityManager em, String object, Map<String, Object> values, UUID byContactId) {
    EntityModel model = object(object);
    Map<EntityField, Object> checked = check(em, model, withDefaults(model, guarded(model, values, null, true)), true);
    // The owner is the creator's contact, known to exist: not looked up like a client's value.
    model.ownerField().filter(owner -> !checked.containsKey(owner) && byContactId != null)
        .ifPresent(owner -> checked.put(owner, byContactId));
    UUID id = (UUID) checked.getOrDefault(model.field("Id").orElseThrow(), null);
    if (id == null) {
      id = UUID.randomUUID();
    } else if (em.find(types.type(model.name()).getJavaClass(), id) != null) {
      throw new AtriumException(ErrorCode.CONFLICT, model.name() + " " + id + " already exists.");
    }
    DynamicEntity entity = types.type(model.name()).newDynamicEntity();
    LocalDateTime now = now();
    entity.set("Id", id).set("CreatedOn", now).set("CreatedById", byContactId)
        .set("ModifiedOn", now).set("ModifiedById", byContactId);
    UUID recordId = id;
    checked.forEach((field, value) -> {
      if (!field.system()) {
        entity.set(EntityTypes.attribute(field), value);
        if (value != null) {
          logChange(em, model, recordId, ChangeType.INSERT, field, null, value, byContactId);
        }
      }
    });
    em.persist(entity);
    flush(em, ErrorCode.CONFLICT);
    if (model.recordRightsKept()) {
      defaultRights(em, model, id, true);
    }
    return id;
  }

  /**
   * Changes the given columns of a record. With {@code expectedTag} (an ETag from {@link #tag}),
   * the record is locked while the tag is compared, and the change is refused with 412 if the
   * record changed since. Returns false if there is no such record.
   */
  public boolean update(EntityManager em, String object, UUID id, Map<String, Object> values, UUID byContactId,
      String expectedTag) {
    EntityModel model = object(object);
    if (!mayDo(em, model, id, RecordOperation.EDIT)) {
      return false;
    }
    DynamicEntity entity = find(em, model, id, expectedTag);
    if (entity == null) {
      return false;
    }
    apply(em, model, entity, check(em, model, guarded(model, values, entity, false), false), byContactId);
    flush(em, ErrorCode.CONFLICT);
    if (model.recordRightsKept() && setsOwner(model, values)) {
      defaultRights(em, model, id, false); // the new owner's rights replace the old owner's
    }
    return true;
  }

  private DynamicEntity find(EntityManager em, EntityModel model, UUID id, String expectedTag) {
    Class<?> type = types.type(model.name()).getJavaClass();
    boolean conditional = expectedTag != null && !expectedTag.equals("*");
    DynamicEntity entity = (DynamicEntity) (conditional ? em.find(type, id, LockModeType.PESSIMISTIC_WRITE) : em.find(type, id));
    if (entity != null && conditional && !expectedTag.equals(tag(entity.get("ModifiedOn")))) {
      throw new AtriumException(ErrorCode.PRECONDITION_FAILED);
    }
    return entity;
  }

  /** Sets the checked values; under change tracking each one that differs from before goes to the change log. */
  private static void apply(EntityManager em, EntityModel model, DynamicEntity entity, Map<EntityField, Object> checked,
      UUID byContactId) {
    boolean tracked = model.options().trackChanges();
    checked.forEach((field, value) -> {
      String attribute = EntityTypes.attribute(field);
      if (tracked && !sameValue(entity.get(attribute), value)) {
        logChange(em, model, (UUID) entity.get("Id"), ChangeType.UPDATE, field, entity.get(attribute), value, byContactId);
      }
      entity.set(attribute, value);
    });
    entity.set("ModifiedOn", now()).set("ModifiedById", byContactId);
  }

  private static boolean sameValue(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(a, b);
  }

  /** Removes a record; under change tracking its deletion, with its display value, goes to the change log. */
  private static void remove(EntityManager em, EntityModel model, DynamicEntity entity, UUID byContactId) {
    logChange(em, model, (UUID) entity.get("Id"), ChangeType.DELETE, null,
        model.displayField().map(f -> entity.get(EntityTypes.attribute(f))).orElse(null), null, byContactId);
    em.remove(entity);
  }

  /**
   * One row of the change log ({@code SysChangeLog}), in the change's own transaction, for an
   * object with change tracking ({@code IsTrackChanges}); nothing for the others.
   */
  private static void logChange(EntityManager em, EntityModel model, UUID recordId, ChangeType type, EntityField field,
      Object before, Object after, UUID byContactId) {
    if (model.options().trackChanges()) {
      em.persist(new ChangeLogEntry(now(), model.name(), recordId, type, field == null ? null : field.name(), before, after,
          byContactId));
    }
  }

  /** Deletes a record; false if there is none. A record others refer to is 409 {@code RECORD_IN_USE}. */
  public boolean delete(EntityManager em, String object, UUID id, String expectedTag, UUID byContactId) {
    EntityModel model = object(object);
    if (!mayDo(em, model, id, RecordOperation.DELETE)) {
      return false;
    }
    DynamicEntity entity = find(em, model, id, expectedTag);
    if (entity == null) {
      return false;
    }
    remove(em, model, entity, byContactId);
    flush(em, ErrorCode.RECORD_IN_USE);
    return true;
  }

  /**
   * Changes the given columns of every record that matches {@code filter}; returns how many. The
   * values are checked once. More matching records than the row limit are refused, not cut.
   */
  public int updateWhere(EntityManager em, String object, Filter filter, Map<String, Object> values, UUID byContactId) {
    EntityModel model = object(object);
    Map<EntityField, Object> checked = check(em, model, guarded(model, values, null, false), false);
    int changed = 0;
    for (UUID id : idsWhere(em, model, filter, RecordOperation.EDIT)) {
      DynamicEntity entity = find(em, model, id, null);
      if (entity != null) {
        apply(em, model, entity, checked, byContactId);
        changed++;
      }
    }
    flush(em, ErrorCode.CONFLICT);
    return changed;
  }

  /** Deletes every record that matches {@code filter}; returns how many (at most the row limit). */
  public int deleteWhere(EntityManager em, String object, Filter filter, UUID byContactId) {
    EntityModel model = object(object);
    int deleted = 0;
    for (UUID id : idsWhere(em, model, filter, RecordOperation.DELETE)) {
      DynamicEntity entity = find(em, model, id, null);
      if (entity != null) {
        remove(em, model, entity, byContactId);
        deleted++;
      }
    }
    flush(em, ErrorCode.RECORD_IN_USE);
    return deleted;
  }

  /**
   * Under record permissions, whether the caller may do {@code operation} with the record: false
   * when they may not read it (it is not there for them: 404), 403 when they may read but not do it.
   */
  private boolean mayDo(EntityManager em, EntityModel model, UUID id, RecordOperation operation) {
    if (access.recordGrantees(model, RecordOperation.READ).isEmpty() && access.recordGrantees(model, operation).isEmpty()) {
      return true;
    }
    Filter byId = new Filter.Compare(new Expr.Path(List.of("Id")), Filter.Comparison.EQUAL, new Expr.Value(id));
    Select one = new Select(model.name(), List.of(new Select.Column("Id", new Expr.Path(List.of("Id")), true)), byId,
        List.of(), 0, 1, false);
    if (select(em, one).isEmpty()) {
      return false;
    }
    if (select(em, one, operation).isEmpty()) {
      throw new AtriumException(ErrorCode.ACCESS_DENIED, "You may not " + (operation == RecordOperation.EDIT ? "change" : "delete")
          + " this record of " + model.name() + ".");
    }
    return true;
  }

  private List<UUID> idsWhere(EntityManager em, EntityModel model, Filter filter, RecordOperation operation) {
    if (filter == null) {
      throw new AtriumException(ErrorCode.QUERY_INVALID, "Changing or deleting records needs a filter.");
    }
    long matching = count(em, model.name(), filter);
    if (matching > limits.maxRows()) {
      throw new AtriumException(ErrorCode.QUERY_LIMIT_EXCEEDED, matching + " records match; at most " + limits.maxRows()
          + " can be changed or deleted at once. Narrow the filter.");
    }
    Select ids = new Select(model.name(), List.of(new Select.Column("Id", new Expr.Path(List.of("Id")), true)),
        filter, List.of(), 0, limits.maxRows(), false);
    return select(em, ids, operation).stream().map(r -> (UUID) r.get("Id")).toList();
  }

  // ---- record permissions -------------------------------------------------------------------

  /** The record's rights, for the caller who may read it; empty if they may not (or there is no such record). */
  public Optional<List<RecordRight>> rightsOf(EntityManager em, String object, UUID recordId) {
    EntityModel model = object(object);
    DynamicType type = rightsTypeOf(model);
    return readable(em, model, recordId)
        ? Optional.of(rights(em, type, recordId, null).stream().map(RecordStore::right).toList()) : Optional.empty();
  }

  /**
   * Shares the operation on the record with the grantee (a right from {@code SOURCE_SHARED}), or
   * raises the level of a right shared before; a right the grantee holds already at that level or
   * higher stays as it is. The caller must hold the operation on the record with the right to
   * delegate (403 otherwise; 404 for a record they may not read), and only with that right may
   * they pass it on. False if there is no such record.
   */
  public boolean share(EntityManager em, String object, UUID recordId, UUID grantee, RecordOperation operation, int level) {
    EntityModel model = object(object);
    DynamicType type = rightsTypeOf(model);
    Optional<List<DynamicEntity>> rows = delegated(em, model, type, recordId, operation);
    if (rows.isEmpty()) {
      return false;
    }
    Optional<DynamicEntity> held = find(rows.get(), grantee, operation, null);
    if (held.isEmpty()) {
      DynamicEntity right = type.newDynamicEntity();
      right.set("RecordId", recordId).set("SysAdminUnitId", grantee).set("Operation", operation.code())
          .set("RightLevel", level).set("Source", RecordRightsTable.SOURCE_SHARED);
      em.persist(right);
    } else if ((Integer) held.get().get("RightLevel") < level) {
      held.get().set("RightLevel", level);
    }
    em.flush();
    return true;
  }

  /**
   * Takes back an operation shared with the grantee (only shared rights: an author's or owner's
   * go with the record or its owner). The caller must hold the operation with the right to
   * delegate. False if there is no such record or no such shared right.
   */
  public boolean unshare(EntityManager em, String object, UUID recordId, UUID grantee, RecordOperation operation) {
    EntityModel model = object(object);
    Optional<DynamicEntity> shared = delegated(em, model, rightsTypeOf(model), recordId, operation)
        .flatMap(rows -> find(rows, grantee, operation, RecordRightsTable.SOURCE_SHARED));
    shared.ifPresent(em::remove);
    em.flush();
    return shared.isPresent();
  }

  /** Whether the record exists and the caller may read it. */
  private boolean readable(EntityManager em, EntityModel model, UUID recordId) {
    return mayDo(em, model, recordId, RecordOperation.READ) && em.find(types.type(model.name()).getJavaClass(), recordId) != null;
  }

  /**
   * The record's rights rows, read once, when the caller may pass the operation on; empty for a
   * record they may not read, 403 without the right to delegate.
   */
  private Optional<List<DynamicEntity>> delegated(EntityManager em, EntityModel model, DynamicType type, UUID recordId,
      RecordOperation operation) {
    if (!readable(em, model, recordId)) {
      return Optional.empty();
    }
    List<DynamicEntity> rows = rights(em, type, recordId, null);
    Optional<List<UUID>> units = access.recordGrantees(model, operation);
    boolean delegates = units.isEmpty() || rows.stream().anyMatch(r -> units.get().contains(r.get("SysAdminUnitId"))
        && operation.code() == (Integer) r.get("Operation") && (Integer) r.get("RightLevel") >= RecordRightsTable.DELEGATE);
    if (!delegates) {
      throw new AtriumException(ErrorCode.ACCESS_DENIED, "You may not pass on the right to " + operation.name().toLowerCase(Locale.ROOT)
          + " this record of " + model.name() + ".");
    }
    return Optional.of(rows);
  }

  /** The grantee's row for the operation among the record's rows (from {@code source}, or any). */
  private static Optional<DynamicEntity> find(List<DynamicEntity> rows, UUID grantee, RecordOperation operation, Integer source) {
    return rows.stream().filter(r -> grantee.equals(r.get("SysAdminUnitId")) && operation.code() == (Integer) r.get("Operation")
        && (source == null || source.equals(r.get("Source")))).findFirst();
  }

  /** The object's rights type; 409 {@code CONFLICT} for an object without record permissions. */
  private DynamicType rightsTypeOf(EntityModel model) {
    return types.rightsType(model.name()).orElseThrow(() -> new AtriumException(ErrorCode.CONFLICT,
        model.name() + " has no record permissions: its records are not shared one by one."));
  }

  private static RecordRight right(DynamicEntity row) {
    return new RecordRight((UUID) row.get("SysAdminUnitId"), RecordOperation.ofCode((Integer) row.get("Operation")),
        (Integer) row.get("RightLevel"), (Integer) row.get("Source"));
  }

  /** The record's rights rows (from {@code source}, or all), as managed entities. */
  @SuppressWarnings("unchecked")
  private static List<DynamicEntity> rights(EntityManager em, DynamicType type, UUID recordId, Integer source) {
    ExpressionBuilder b = new ExpressionBuilder();
    Expression criteria = b.get("RecordId").equal(recordId);
    if (source != null) {
      criteria = criteria.and(b.get("Source").equal(source));
    }
    ReadAllQuery query = new ReadAllQuery(type.getJavaClass(), b);
    query.setSelectionCriteria(criteria);
    return (List<DynamicEntity>) em.unwrap(JpaEntityManager.class).getActiveSession().executeQuery(query);
  }

  /**
   * Brings the default rights of an object's records up to date in SQL ({@link RecordRightsSql}),
   * as every insert and every change of the owner does for its record:
   * the author's, the owner's (with an owner column, {@code ownerColumn} its database name), their
   * management roles' and the rules'; rows whose reason is gone removed first. For one record
   * ({@code recordId}), or for every record of the table when it is null; {@code fresh} for a
   * record just created. Not a caller's write: the record layer's own bookkeeping. Returns the
   * rows written.
   */
  public static int defaultRights(EntityManager em, String object, String ownerColumn, UUID recordId, boolean fresh) {
    int rows = 0;
    List<String> statements = fresh ? List.of(RecordRightsSql.created(object, object, ownerColumn))
        : RecordRightsSql.recompute(object, object, ownerColumn, recordId != null);
    for (String sql : statements) {
      Query statement = em.createNativeQuery(sql);
      if (recordId != null) {
        statement.setParameter(1, GuidConverter.bindable(recordId, em.unwrap(JpaEntityManager.class).getActiveSession()));
      }
      rows += statement.executeUpdate();
    }
    return rows;
  }

  private static void defaultRights(EntityManager em, EntityModel model, UUID recordId, boolean fresh) {
    defaultRights(em, model.table(), model.ownerField().map(EntityField::columnName).orElse(null), recordId, fresh);
  }

  /** Whether the values name the object's owner column. */
  public static boolean setsOwner(EntityModel model, Map<String, Object> values) {
    return model.ownerField().map(owner -> values.keySet().stream().map(model::field)
        .anyMatch(f -> f.filter(owner::equals).isPresent())).orElse(false);
  }

  /** The entity tag of a record's state: its modification time, to the microsecond. */
  public static String tag(Object modifiedOn) {
    LocalDateTime t = (LocalDateTime) modifiedOn;
    long micros = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1_000;
    return "W/\"" + micros + "\"";
  }

  /** The values with the default of each column they leave out (checked like the client's). */
  private static Map<String, Object> withDefaults(EntityModel model, Map<String, Object> values) {
    Set<EntityField> given = values.keySet().stream().map(model::field).flatMap(Optional::stream)
        .collect(Collectors.toSet());
    Map<String, Object> all = new LinkedHashMap<>(values);
    for (EntityField f : model.fields()) {
      if (!f.system() && f.defaultValue() != null && !given.contains(f)) {
        all.put(f.name(), f.defaultValue());
      }
    }
    return all;
  }

  /**
   * The caller's values less those that change nothing in a column they may not change; 403
   * {@code ACCESS_DENIED} naming every other such column (no mass assignment). What changes
   * nothing: an empty value for a column they may not read (a client that cannot see a column
   * sends it empty when it replaces a record) or for a new record's column (it gets its default),
   * and, on a record that exists ({@code current}), the value a column they may read already has.
   * Whether a value is dropped never depends on stored data the caller may not read.
   */
  private Map<String, Object> guarded(EntityModel model, Map<String, Object> values, DynamicEntity current,
      boolean insert) {
    Map<String, Object> kept = new LinkedHashMap<>(values);
    List<FieldError> refused = new ArrayList<>();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Optional<EntityField> field = model.field(e.getKey());
      if (field.isEmpty() || field.get().system() || access.changesColumn(model, field.get(), insert)) {
        continue; // unknown and system columns are reported by check()
      }
      EntityField f = field.get();
      boolean reads = access.readsColumn(model, f);
      Object stored = current == null ? null : current.get(EntityTypes.attribute(f));
      boolean unchanged = e.getValue() == null
          ? !reads || insert || current != null && stored == null
          : reads && current != null && same(f, e.getValue(), stored);
      if (unchanged) {
        kept.remove(e.getKey());
      } else {
        refused.add(new FieldError(f.name(), "may not be changed by you"));
      }
    }
    if (!refused.isEmpty()) {
      throw new AtriumException(ErrorCode.ACCESS_DENIED, "You may not change "
          + refused.stream().map(FieldError::field).collect(Collectors.joining(", ")) + " of " + model.name() + ".", refused);
    }
    return kept;
  }

  private static boolean same(EntityField field, Object given, Object stored) {
    Object value;
    try {
      value = Values.coerce(given, field);
    } catch (AtriumException invalid) {
      return false;
    }
    if (value instanceof BigDecimal a && stored instanceof BigDecimal b) {
      return a.compareTo(b) == 0;
    }
    if (value instanceof byte[] a && stored instanceof byte[] b) {
      return Arrays.equals(a, b);
    }
    return value != null && value.equals(stored);
  }

  /** The validated values by column; every problem is reported at once. */
  private Map<EntityField, Object> check(EntityManager em, EntityModel model, Map<String, Object> values,
      boolean creating) {
    List<FieldError> errors = new ArrayList<>();
    Map<EntityField, Object> checked = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Optional<EntityField> field = model.field(e.getKey());
      if (field.isEmpty()) {
        throw new AtriumException(ErrorCode.UNKNOWN_COLUMN, model.name() + " has no column " + e.getKey() + ".",
            List.of(new FieldError(e.getKey(), "does not exist")));
      }
      EntityField f = field.get();
      if (f.system() && !(creating && f.name().equals("Id"))) {
        errors.add(new FieldError(f.name(), "is set by the system"));
        continue;
      }
      try {
        Object value = Values.coerce(e.getValue(), f);
        if (value == null && f.required()) {
          errors.add(new FieldError(f.name(), "is required"));
        } else if (checked.put(f, value) != null) {
          errors.add(new FieldError(f.name(), "is given twice"));
        }
      } catch (AtriumException invalid) {
        errors.addAll(invalid.fieldErrors());
      }
    }
    if (creating) {
      for (EntityField f : model.fields()) {
        if (f.required() && !f.system() && !checked.containsKey(f) && errors.stream().noneMatch(x -> x.field().equals(f.name()))) {
          errors.add(new FieldError(f.name(), "is required"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new AtriumException(ErrorCode.VALIDATION_FAILED, ErrorCode.VALIDATION_FAILED.defaultMessage(), errors);
    }
    List<FieldError> missing = new ArrayList<>();
    checked.forEach((f, value) -> {
      if (f.isLookup() && value != null && em.find(types.type(f.reference()).getJavaClass(), value) == null) {
        missing.add(new FieldError(EntityTypes.attribute(f), "refers to a record that does not exist"));
      }
    });
    if (!missing.isEmpty()) {
      throw new AtriumException(ErrorCode.UNKNOWN_REFERENCE, ErrorCode.UNKNOWN_REFERENCE.defaultMessage(), missing);
    }
    return checked;
  }

  private EntityModel object(String name) {
    return types.model().object(name)
        .orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND, "No object named " + name + "."));
  }

  private static List<?> execute(EntityManager em, ReportQuery query) {
    return (List<?>) em.unwrap(JpaEntityManager.class).getActiveSession().executeQuery(query);
  }

  /** Whether a cause of {@code e} is an SQL error of the SQLSTATE class {@code stateClass} (23: integrity, 22: data). */
  private static boolean hasSqlState(Throwable e, String stateClass) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(stateClass)) {
        return true;
      }
    }
    return false;
  }

  private static void flush(EntityManager em, ErrorCode onIntegrityViolation) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (hasSqlState(e, "23")) {
        throw new AtriumException(onIntegrityViolation);
      }
      if (hasSqlState(e, "22")) { // data exception: a value the column cannot hold
        throw new AtriumException(ErrorCode.VALIDATION_FAILED, "A value does not fit its column.");
      }
      throw e;
    }
  }

  private static LocalDateTime now() {
    return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
