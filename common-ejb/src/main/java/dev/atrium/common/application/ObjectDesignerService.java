package dev.atrium.common.application;

import dev.atrium.common.application.ObjectDtos.ColumnChangeDto;
import dev.atrium.common.application.ObjectDtos.DdlDto;
import dev.atrium.common.application.ObjectDtos.NewColumnDto;
import dev.atrium.common.application.ObjectDtos.NewColumnsDto;
import dev.atrium.common.application.ObjectDtos.NewObjectDto;
import dev.atrium.common.application.ObjectDtos.ObjectChangeDto;
import dev.atrium.common.application.ObjectDtos.ObjectDto;
import dev.atrium.common.application.ObjectDtos.UsageDto;
import dev.atrium.common.application.ObjectMetadataStore.NewColumn;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.domain.ObjectColumn;
import dev.atrium.common.domain.ObjectDefinition;
import dev.atrium.common.infrastructure.ObjectSchemaRepository;
import dev.atrium.common.infrastructure.Outages;
import dev.atrium.common.metadata.ColumnPlan;
import dev.atrium.common.metadata.ColumnType;
import dev.atrium.common.metadata.Dbms;
import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.Identifiers;
import dev.atrium.common.metadata.ObjectOptions;
import dev.atrium.common.metadata.RecordRightsTable;
import dev.atrium.common.metadata.SchemaDdl;
import dev.atrium.common.metadata.TypeChange;
import dev.atrium.common.permissions.RightsChanged;
import dev.atrium.common.query.Expr;
import dev.atrium.common.query.Filter;
import dev.atrium.common.query.Values;
import dev.atrium.common.security.Operations;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import liquibase.change.Change;
import org.jboss.logging.Logger;

/**
 * The object designer: creates business objects and changes their columns. Each change is
 * checked completely first (names, types, references), then its DDL is applied to the live
 * database as a recorded Liquibase change set, then the metadata is written. Runs outside a JTA
 * transaction, since DDL commits by itself on most databases.
 */
@Stateless
@RolesAllowed(Operations.CAN_MANAGE_ADMINISTRATION)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ObjectDesignerService {

  private static final Logger LOG = Logger.getLogger(ObjectDesignerService.class);
  /** A lookup {@code Name} is stored as {@code NameId}, so its name has two characters less. */
  static final int LOOKUP_NAME_LENGTH = Identifiers.MAX_LENGTH - 2;

  @Resource(lookup = "java:jboss/datasources/AtriumDS")
  DataSource dataSource;

  @EJB
  ObjectMetadataStore store;

  @EJB
  RecordService records;

  /** Counts what a drop or a narrowing touches: every record, whatever record rights say. */
  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  @Inject
  ObjectSchemaRepository repository;

  @Inject
  Validation validation;

  @Inject
  Caller caller;

  @Inject
  ObjectRuntime runtime;

  /** Dropping a column or an object drops its permissions (the rows go with it): every node forgets them. */
  @Inject
  Event<RightsChanged> rightsChanged;

  public List<ObjectDto> list() {
    return store.list();
  }

  public ObjectDto get(String name) {
    return store.get(name);
  }

  public ObjectDto create(NewObjectDto dto) {
    validation.check(dto);
    List<FieldError> errors = new ArrayList<>();
    Identifiers.problem(dto.name(), Identifiers.MAX_LENGTH).ifPresent(p -> errors.add(new FieldError("Name", p)));
    if (errors.isEmpty()) {
      if (repository.find(dto.name()).isPresent() || tableNames().contains(dto.name().toUpperCase(Locale.ROOT))) {
        throw new AtriumException(ErrorCode.CONFLICT, "An object or table named " + dto.name() + " exists already.");
      }
    }
    List<NewColumn> columns = columns(dto.columns(), new ArrayList<>(), dto.name(), errors);
    Map<String, ColumnPlan> plansByName = new LinkedHashMap<>();
    columns.forEach(c -> plansByName.put(c.name(), c.plan()));
    String display = dto.primaryDisplayColumn() == null ? defaultDisplayColumn(columns)
        : displayColumn(dto.primaryDisplayColumn(), plansByName, errors);
    ObjectOptions options = options(ObjectOptions.NONE, dto.ownerColumn(), dto.administeredByOperations(),
        dto.administeredByRecords(), dto.administeredByColumns(), dto.trackChanges(), dto.section(), dto.boardColumn(),
        plansByName, errors);
    Validation.fail(errors);
    String name = dto.name();
    List<ColumnPlan> plans = columns.stream().map(NewColumn::plan).toList();
    List<Change> ddl = new ArrayList<>(SchemaDdl.createObject(name, plans));
    if (options.administeredByRecords()) {
      ddl.addAll(SchemaDdl.createRecordRights(name));
    }
    applyDdl(name, "create " + name, ddl);
    return announced(store.create(name, captionOr(dto.caption(), name),
        display, options, columns,
        caller.who().contactId(),
        caller.audit(AuditEvent.OBJECT_CHANGED, null, name, "created with " + columns.size() + " columns")));
  }

  public ObjectDto addColumns(String name, NewColumnsDto dto) {
    validation.check(dto);
    ObjectDefinition object = editable(name);
    List<FieldError> errors = new ArrayList<>();
    List<String> taken = new ArrayList<>(object.columns().stream().map(c -> ObjectMetadataStore.planOf(c).column()).toList());
    taken.addAll(object.columns().stream().map(ObjectColumn::getName).toList());
    List<NewColumn> columns = columns(dto.columns(), taken, object.name(), errors);
    Validation.fail(errors);
    applyDdl(object.name(), "add columns to " + object.name(),
        SchemaDdl.addColumns(object.name(), columns.stream().map(NewColumn::plan).toList()));
    return announced(store.addColumns(object.name(), columns, caller.who().contactId(), caller.audit(AuditEvent.OBJECT_CHANGED,
        null, object.name(), "columns added: " + String.join(", ", columns.stream().map(NewColumn::name).toList()))));
  }

  /** Drops a column and its data: only with {@code confirm}, since the data cannot come back. */
  public ObjectDto dropColumn(String name, String column, boolean confirm) {
    ObjectDefinition object = editable(name);
    ObjectColumn c = object.column(column)
        .orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND, "Object " + object.name() + " has no column " + column + "."));
    if (!confirm) {
      throw new AtriumException(ErrorCode.CONFIRMATION_REQUIRED, "Dropping " + object.name() + "." + c.getName()
          + " deletes its values in " + records(valuesIn(object.name(), c.getName())) + ". Repeat the request with"
          + " confirm=true to go ahead.");
    }
    applyDdl(object.name(), "drop " + object.name() + "." + c.getName(),
        SchemaDdl.dropColumn(object.name(), ObjectMetadataStore.planOf(c)));
    ObjectDto changed = store.dropColumn(object.name(), c.getName(), caller.who().contactId(),
        caller.audit(AuditEvent.OBJECT_CHANGED, null, object.name(), "column dropped: " + c.getName()));
    rightsChanged.fire(new RightsChanged(object.name()));
    return announced(changed);
  }

  /**
   * Changes a column's caption, type, "required" rule, unique constraint or index. A type change
   * that may cut or round values (Text to ShortText, Money to Integer, DateTime to Date) needs
   * {@code confirm}; changes without a sensible conversion are refused.
   */
  public ObjectDto changeColumn(String name, String column, ColumnChangeDto dto, boolean confirm) {
    validation.check(dto);
    ObjectDefinition object = editable(name);
    ObjectColumn c = object.column(column)
        .orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND, "Object " + object.name() + " has no column " + column + "."));
    ColumnPlan before = ObjectMetadataStore.planOf(c);
    List<FieldError> errors = new ArrayList<>();
    ColumnType type = dto.type() == null ? before.type() : ColumnType.byApiName(dto.type()).orElse(null);
    if (type == null) {
      errors.add(new FieldError("Type", "must be one of " + String.join(", ",
          Arrays.stream(ColumnType.values()).map(ColumnType::apiName).toList())));
      Validation.fail(errors);
    }
    TypeChange change = TypeChange.of(before.type(), type);
    if (change == TypeChange.NOT_POSSIBLE) {
      errors.add(new FieldError("Type", "a " + before.type().apiName() + " column cannot become " + type.apiName()));
    }
    boolean unique = dto.unique() == null ? before.unique() : dto.unique();
    boolean indexed = dto.indexed() == null ? before.indexed() : dto.indexed();
    if ((unique || indexed) && !type.indexable()) {
      errors.add(new FieldError(unique ? "Unique" : "Indexed", type.apiName() + " values cannot be indexed"));
    }
    if (c.getName().equalsIgnoreCase(object.schema().getPrimaryDisplayColumn())
        && !(type.dataValueType() == 1 && type.indexable())) {
      errors.add(new FieldError("Type", "the primary display column stays a text column"));
    }
    Validation.fail(errors);
    if (change == TypeChange.NARROWING && !confirm) {
      throw new AtriumException(ErrorCode.CONFIRMATION_REQUIRED, "Changing " + object.name() + "." + c.getName() + " from "
          + before.type().apiName() + " to " + type.apiName() + " may cut or round its values in "
          + records(valuesIn(object.name(), c.getName())) + ". Repeat the request with confirm=true to go ahead.");
    }
    if (change == TypeChange.NARROWING) {
      refuseValuesThatWouldNotFit(object.name(), c.getName(), type);
    }
    ColumnPlan after = new ColumnPlan(before.column(), type, dto.required() == null ? before.required() : dto.required(),
        unique, indexed && !unique, before.referencedTable());
    // A new default, or the current one, which must still be a value of the (new) type.
    String defaultValue = defaultText(dto.defaultValue() == null ? c.getDefaultValue() : dto.defaultValue(), c.getName(),
        after, "DefaultValue", errors);
    Validation.fail(errors);
    List<Change> ddl = SchemaDdl.changeColumn(object.name(), before, after);
    if (!ddl.isEmpty()) {
      applyDdl(object.name(), "change " + object.name() + "." + c.getName(), ddl);
    }
    String caption = dto.caption() == null || dto.caption().isBlank() ? c.getCaption() : dto.caption().strip();
    return announced(store.changeColumn(object.name(), c.getName(), caption, after, defaultValue, caller.who().contactId(),
        caller.audit(AuditEvent.OBJECT_CHANGED, null, object.name(), "column changed: " + c.getName() + " "
            + before.type().apiName() + " -> " + type.apiName())));
  }

  /**
   * Changes an object's caption, primary display column, owner column or permission and
   * change-tracking flags: metadata only, no DDL.
   */
  public ObjectDto changeObject(String name, ObjectChangeDto dto) {
    validation.check(dto);
    ObjectDefinition object = editable(name);
    List<FieldError> errors = new ArrayList<>();
    Map<String, ColumnPlan> columns = new LinkedHashMap<>();
    object.columns().forEach(c -> columns.put(c.getName(), ObjectMetadataStore.planOf(c)));
    String display = dto.primaryDisplayColumn() == null ? object.schema().getPrimaryDisplayColumn()
        : displayColumn(dto.primaryDisplayColumn(), columns, errors);
    ObjectOptions options = options(object.schema().getOptions(), dto.ownerColumn(), dto.administeredByOperations(),
        dto.administeredByRecords(), dto.administeredByColumns(), dto.trackChanges(), dto.section(), dto.boardColumn(),
        columns, errors);
    Validation.fail(errors);
    if (options.administeredByRecords() && !tableNames().contains(RecordRightsTable.of(object.name()).toUpperCase(Locale.ROOT))) {
      applyDdl(object.name(), "add record permissions to " + object.name(), SchemaDdl.createRecordRights(object.name()));
    }
    return announced(store.changeObject(object.name(), captionOr(dto.caption(), object.schema().getCaption()), display,
        options, caller.who().contactId(), caller.audit(AuditEvent.OBJECT_CHANGED, null, object.name(),
            "object changed: owner " + options.ownerColumn() + ", permissions by operations/records/columns "
                + options.administeredByOperations() + "/" + options.administeredByRecords() + "/"
                + options.administeredByColumns() + ", change tracking " + options.trackChanges() + ", section "
                + options.section() + ", board " + options.boardColumn())));
  }

  /**
   * The options after a change: what is left out stays as it was; an empty owner column, section
   * caption or board column removes it; the owner column is one of the object's lookups to
   * Contact, the board column one of its lookups.
   */
  private static ObjectOptions options(ObjectOptions before, String ownerColumn, Boolean byOperations,
      Boolean byRecords, Boolean byColumns, Boolean trackChanges, String section, String boardColumn,
      Map<String, ColumnPlan> columns, List<FieldError> errors) {
    String owner = lookup(before.ownerColumn(), ownerColumn, columns, "Contact"::equals, "OwnerColumn",
        "must name one of the object's lookups to Contact", errors);
    String board = lookup(before.boardColumn(), boardColumn, columns, table -> table != null, "BoardColumn",
        "must name one of the object's lookups", errors);
    return new ObjectOptions(owner, or(byOperations, before.administeredByOperations()),
        or(byRecords, before.administeredByRecords()), or(byColumns, before.administeredByColumns()),
        or(trackChanges, before.trackChanges()), section == null ? before.section() : section.isBlank() ? null : section.strip(),
        board);
  }

  /**
   * A lookup an option names after a change: as it was when the change leaves it out, none when
   * it is blank, else the object's column of that name (any case) whose referenced table passes
   * {@code target}; anything else is a field error.
   */
  private static String lookup(String before, String given, Map<String, ColumnPlan> columns,
      java.util.function.Predicate<String> target, String field, String problem, List<FieldError> errors) {
    if (given == null) {
      return before;
    }
    if (given.isBlank()) {
      return null;
    }
    String found = columns.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(given.strip()) && target.test(e.getValue().referencedTable()))
        .map(Map.Entry::getKey).findFirst().orElse(null);
    if (found == null) {
      errors.add(new FieldError(field, problem));
    }
    return found;
  }

  private static boolean or(Boolean given, boolean current) {
    return given == null ? current : given;
  }

  /**
   * A default value checked against its column and written in the invariant format; null when
   * blank (no default). A lookup's default must be an existing record.
   */
  private String defaultText(String raw, String column, ColumnPlan plan, String at, List<FieldError> errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (plan.type() == ColumnType.BINARY) {
      errors.add(new FieldError(at, "a Binary column has no default"));
      return null;
    }
    Object value;
    try {
      value = Values.coerce(raw.strip(), EntityField.of(column, column, plan));
    } catch (AtriumException notAValue) {
      errors.add(new FieldError(at, "is not a valid " + plan.type().apiName() + " value"));
      return null;
    }
    if (plan.isLookup() && (records.model().object(plan.referencedTable()).isEmpty()
        || records.count(plan.referencedTable(), new Filter.Compare(new Expr.Path(List.of("Id")),
            Filter.Comparison.EQUAL, new Expr.Value(value))) == 0)) {
      errors.add(new FieldError(at, "refers to a record of " + plan.referencedTable() + " that does not exist"));
      return null;
    }
    return value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
  }

  /**
   * Deletes an object with its table and records: only with {@code confirm}, and only when no
   * other object's lookup refers to it.
   */
  public void deleteObject(String name, boolean confirm) {
    ObjectDefinition object = editable(name);
    List<String> referrers = repository.all().stream().filter(o -> !o.name().equalsIgnoreCase(object.name()))
        .flatMap(o -> o.columns().stream().filter(c -> object.name().equalsIgnoreCase(c.getReferenceSchemaName()))
            .map(c -> o.name() + "." + c.getName())).toList();
    if (!referrers.isEmpty()) {
      throw new AtriumException(ErrorCode.CONFLICT, "Lookups refer to " + object.name() + ": " + String.join(", ", referrers)
          + ". Drop those columns first.");
    }
    if (!confirm) {
      throw new AtriumException(ErrorCode.CONFIRMATION_REQUIRED, "Deleting " + object.name()
          + " deletes its table and its " + records(recordsOf(object.name())) + ". Repeat the request with confirm=true"
          + " to go ahead.");
    }
    List<Change> ddl = new ArrayList<>();
    if (tableNames().contains(RecordRightsTable.of(object.name()).toUpperCase(Locale.ROOT))) {
      ddl.addAll(SchemaDdl.dropRecordRights(object.name()));
    }
    ddl.addAll(SchemaDdl.dropObject(object.name()));
    applyDdl(object.name(), "delete " + object.name(), ddl);
    store.deleteObject(object.name(), caller.audit(AuditEvent.OBJECT_CHANGED, null, object.name(), "deleted"));
    rightsChanged.fire(new RightsChanged(object.name()));
    runtime.announce(object.name());
  }

  /**
   * Narrowing may round values (confirmed by the caller) but never cuts them: text longer than the
   * new type and numbers beyond its range are refused, the same on every DBMS (PostgreSQL would
   * cut text silently, SQL Server and Oracle refuse).
   */
  private void refuseValuesThatWouldNotFit(String object, String column, ColumnType type) {
    Expr.Path path = new Expr.Path(List.of(column));
    Filter tooBig;
    String what;
    if (type.maxLength() > 0) {
      tooBig = new Filter.Compare(new Expr.Call(Expr.Function.LENGTH, List.of(path)), Filter.Comparison.GREATER,
          new Expr.Value(type.maxLength()));
      what = "longer than " + type.maxLength() + " characters";
    } else if (type == ColumnType.INTEGER || type == ColumnType.DECIMAL || type == ColumnType.MONEY) {
      BigDecimal limit = type == ColumnType.INTEGER ? BigDecimal.valueOf(Integer.MAX_VALUE)
          : BigDecimal.TEN.pow(type == ColumnType.DECIMAL ? 10 : 16).subtract(BigDecimal.ONE);
      tooBig = new Filter.Group(false, List.of(new Filter.Compare(path, Filter.Comparison.GREATER, new Expr.Value(limit)),
          new Filter.Compare(path, Filter.Comparison.LESS, new Expr.Value(limit.negate()))));
      what = "beyond what " + type.apiName() + " holds";
    } else {
      return; // DateTime to Date: the time of day goes, as confirmed
    }
    long records = runtime.store().count(em, object, tooBig);
    if (records > 0) {
      throw new AtriumException(ErrorCode.CONFLICT, records + " records of " + object + " have a " + column + " " + what
          + ". Change those values first; nothing was changed.");
    }
  }

  /**
   * What dropping the object or one of its columns would delete: how many records it has and, for
   * a column, how many of them hold a value in it. Counted over every record, whatever the
   * caller's record rights, since a drop deletes them all.
   */
  public UsageDto usage(String name, String column) {
    ObjectDefinition object = load(name);
    if (column == null) {
      return new UsageDto(recordsOf(object.name()), null);
    }
    ObjectColumn c = object.column(column)
        .orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND, "Object " + object.name() + " has no column " + column + "."));
    return new UsageDto(recordsOf(object.name()), valuesIn(object.name(), c.getName()));
  }

  private long recordsOf(String object) {
    return runtime.store().count(em, object, null);
  }

  private long valuesIn(String object, String column) {
    return runtime.store().count(em, object, new Filter.IsNull(new Expr.Path(List.of(column)), true));
  }

  private static String records(long count) {
    return count == 1 ? "1 record" : count + " records";
  }

  /** Every node (this one before the caller gets the answer) builds its entity types anew. */
  private ObjectDto announced(ObjectDto changed) {
    runtime.announce(changed.name());
    return changed;
  }

  /** The DDL that creates the object's table as it is now, on {@code dbms} (rendered offline). */
  public DdlDto ddl(String name, String dbms) {
    Dbms target = Dbms.byCode(dbms).orElseThrow(() -> new AtriumException(ErrorCode.VALIDATION_FAILED,
        ErrorCode.VALIDATION_FAILED.defaultMessage(),
        List.of(new FieldError("dbms", "must be one of postgresql, mssql, oracle, h2"))));
    ObjectDefinition object = load(name);
    List<ColumnPlan> plans = object.columns().stream().map(ObjectMetadataStore::planOf).toList();
    return new DdlDto(target.code(), SchemaDdl.preview(SchemaDdl.createObject(object.name(), plans), target));
  }

  /** Checks new columns against each other and the names already taken; collects what is wrong. */
  private List<NewColumn> columns(List<NewColumnDto> dtos, List<String> taken, String objectName, List<FieldError> errors) {
    Set<String> names = new HashSet<>();
    taken.forEach(t -> names.add(t.toUpperCase(Locale.ROOT)));
    List<NewColumn> columns = new ArrayList<>();
    for (int i = 0; i < dtos.size(); i++) {
      NewColumnDto d = dtos.get(i);
      String at = "Columns[" + i + "].";
      if (d == null) {
        errors.add(new FieldError("Columns[" + i + "]", "is required"));
        continue;
      }
      ColumnType type = ColumnType.byApiName(d.type()).orElse(null);
      if (type == null) {
        errors.add(new FieldError(at + "Type", "must be one of " + String.join(", ",
            Arrays.stream(ColumnType.values()).map(ColumnType::apiName).toList())));
        continue;
      }
      boolean lookup = type == ColumnType.LOOKUP;
      var problem = Identifiers.problem(d.name(), lookup ? LOOKUP_NAME_LENGTH : Identifiers.MAX_LENGTH);
      if (problem.isPresent()) {
        errors.add(new FieldError(at + "Name", problem.get()));
        continue;
      }
      String column = type.columnName(d.name());
      if (Identifiers.isSystemColumn(d.name()) || Identifiers.isSystemColumn(column)) {
        errors.add(new FieldError(at + "Name", "is a column every object has already"));
        continue;
      }
      if (!names.add(d.name().toUpperCase(Locale.ROOT)) || (lookup && !names.add(column.toUpperCase(Locale.ROOT)))) {
        errors.add(new FieldError(at + "Name", "is used twice"));
        continue;
      }
      String reference = null;
      if (lookup) {
        if (d.reference() == null || d.reference().isBlank()) {
          errors.add(new FieldError(at + "Reference", "a lookup names the object it refers to"));
          continue;
        }
        if (d.reference().equalsIgnoreCase(objectName)) {
          reference = objectName;
        } else {
          var target = repository.find(d.reference());
          if (target.isEmpty()) {
            errors.add(new FieldError(at + "Reference", "no object is named " + d.reference()));
            continue;
          }
          reference = target.get().name();
        }
      } else if (d.reference() != null) {
        errors.add(new FieldError(at + "Reference", "only a lookup refers to an object"));
        continue;
      }
      boolean unique = Boolean.TRUE.equals(d.unique());
      boolean indexed = Boolean.TRUE.equals(d.indexed());
      if ((unique || indexed) && !type.indexable()) {
        errors.add(new FieldError(at + (unique ? "Unique" : "Indexed"), type.apiName() + " values cannot be indexed"));
        continue;
      }
      ColumnPlan plan = new ColumnPlan(column, type, Boolean.TRUE.equals(d.required()), unique, indexed && !unique,
          reference);
      columns.add(new NewColumn(d.name(), captionOr(d.caption(), d.name()), plan,
          defaultText(d.defaultValue(), d.name(), plan, at + "DefaultValue", errors)));
    }
    return columns;
  }

  private void applyDdl(String object, String what, List<Change> changes) {
    String id = "object-" + object + "-" + UUID.randomUUID();
    try (Connection c = dataSource.getConnection()) {
      SchemaDdl.apply(c, id, "atrium-designer:" + caller.who().name(), changes, getClass().getClassLoader());
      LOG.infof("ATRIUM-0600 Object designer: %s (change set %s)", what, id);
    } catch (Exception e) {
      if (Outages.databaseUnavailable(e)) {
        throw new AtriumException(ErrorCode.SERVICE_UNAVAILABLE);
      }
      LOG.errorf("ATRIUM-0601 Object designer: the database refused to %s: %s", what, rootMessage(e));
      throw new AtriumException(ErrorCode.SCHEMA_CHANGE_FAILED);
    }
  }

  private ObjectDefinition load(String name) {
    return repository.find(name)
        .orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND, "No object named " + name + "."));
  }

  private ObjectDefinition editable(String name) {
    ObjectDefinition object = load(name);
    if (object.schema().isSystem()) {
      throw new AtriumException(ErrorCode.CONFLICT, "Object " + object.name() + " is shipped with Atrium and cannot be changed here.");
    }
    return object;
  }

  private Set<String> tableNames() {
    try {
      return ObjectSchemaRepository.tableNames(dataSource);
    } catch (SQLException e) {
      throw new AtriumException(ErrorCode.SERVICE_UNAVAILABLE);
    }
  }

  private static boolean isText(ColumnPlan plan) {
    return plan.type().dataValueType() == 1 && plan.type().indexable();
  }

  private static String defaultDisplayColumn(List<NewColumn> columns) {
    return columns.stream().filter(c -> c.name().equalsIgnoreCase("Name") && isText(c.plan())).map(NewColumn::name)
        .findFirst().orElse(null);
  }

  /** The text column {@code requested} names, as the object spells it; null and an error if there is none. */
  private static String displayColumn(String requested, Map<String, ColumnPlan> columns, List<FieldError> errors) {
    String display = columns.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(requested) && isText(e.getValue()))
        .map(Map.Entry::getKey).findFirst().orElse(null);
    if (display == null) {
      errors.add(new FieldError("PrimaryDisplayColumn", "must name one of the object's text columns"));
    }
    return display;
  }

  private static String captionOr(String caption, String name) {
    return caption == null || caption.isBlank() ? name : caption.strip();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
