package dev.atrium.webapp.dataservice;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.metadata.ColumnType;
import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.metadata.ObjectModel;
import dev.atrium.common.query.Expr;
import dev.atrium.common.query.Filter;
import dev.atrium.common.query.Filter.Comparison;
import dev.atrium.common.query.Select;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates DataService JSON (SelectQuery, InsertQuery, UpdateQuery, DeleteQuery) into the query
 * model, with the enumerations of the wire contract (ExpressionType, FilterType, ComparisonType,
 * MacrosType, AggregationType, ...). Names are only looked up in the metadata, never passed on.
 */
final class Queries {

  /**
   * A column of a select: its alias, the expression, the DataValueType it is reported with and,
   * for a lookup, the object it refers to (null otherwise).
   */
  record Column(String alias, Expr expr, int dataValueType, String referenceSchemaName, int orderDirection,
      int orderPosition) {}

  /** Who asks, for the macros "current user" and "current user's contact". */
  record Who(UUID userId, UUID contactId) {}

  private static final Pattern BACK_REFERENCE = Pattern.compile("^\\[(\\w+):(\\w+)(?::(\\w+))?\\](?:\\.(.+))?$");
  private static final int FUNCTION_MACROS = 1;
  private static final int FUNCTION_AGGREGATION = 2;
  private static final int FUNCTION_DATE_PART = 3;
  private static final int FUNCTION_LENGTH = 4;

  private final ObjectModel model;
  private final Who who;

  Queries(ObjectModel model, Who who) {
    this.model = model;
    this.who = who;
  }

  EntityModel root(JsonObject query) {
    String name = Wire.string(query, "RootSchemaName");
    if (name == null) {
      throw Wire.invalid("RootSchemaName is required.");
    }
    return model.object(name).orElseThrow(() -> new AtriumException(ErrorCode.UNKNOWN_COLUMN, "No object named " + name + "."));
  }

  // ---- SelectQuery ---------------------------------------------------------------------------

  List<Column> columns(JsonObject query, EntityModel root) {
    List<Column> columns = new ArrayList<>();
    if (Wire.bool(query, "AllColumns", false)) {
      for (EntityField f : root.fields()) {
        if (f.type() != ColumnType.BINARY) {
          columns.add(new Column(f.name(), new Expr.Path(List.of(f.name())), f.type().dataValueType(), referenceOf(f), 0, -1));
        }
      }
    }
    JsonObject items = Wire.object(Wire.object(query, "Columns"), "Items");
    if (items != null) {
      for (Map.Entry<String, JsonValue> e : items.entrySet()) {
        JsonObject column = e.getValue().asJsonObject();
        JsonObject expression = Wire.object(column, "Expression");
        Expr expr = expression(expression, root);
        columns.removeIf(c -> c.alias().equalsIgnoreCase(e.getKey()));
        columns.add(new Column(e.getKey(), expr, dataValueType(expr, root), reference(expr, root),
            Wire.integer(column, "OrderDirection", 0), Wire.integer(column, "OrderPosition", -1)));
      }
    }
    if (columns.isEmpty()) {
      throw Wire.invalid("The query selects no columns: give Columns.Items or AllColumns.");
    }
    return columns;
  }

  Select select(JsonObject query, EntityModel root, List<Column> columns, int maxRows) {
    List<Column> ordered = columns.stream().filter(c -> c.orderDirection() == 1 || c.orderDirection() == 2)
        .sorted(Comparator.comparingInt(Column::orderPosition)).toList();
    List<Select.Order> order = ordered.stream().map(c -> new Select.Order(c.expr(), c.orderDirection() == 2)).toList();
    int rowCount = Wire.integer(query, "RowCount", -1);
    int offset = Wire.bool(query, "IsPageable", false) || Wire.get(query, "RowsOffset") != null
        ? Math.max(0, Wire.integer(query, "RowsOffset", 0)) : 0;
    int top = rowCount <= 0 ? maxRows : rowCount; // -1 (and 0) ask for everything, up to the row limit
    return new Select(root.name(), columns.stream().map(c -> new Select.Column(c.alias(), c.expr(), false)).toList(),
        filters(Wire.object(query, "Filters"), root), order, offset, top, Wire.bool(query, "IsDistinct", false));
  }

  // ---- expressions ---------------------------------------------------------------------------

  Expr expression(JsonObject e, EntityModel scope) {
    if (e == null) {
      throw Wire.invalid("An expression is missing.");
    }
    int type = Wire.integer(e, "ExpressionType", 0);
    return switch (type) {
      case 0 -> column(Wire.string(e, "ColumnPath"), scope);
      case 1 -> function(e, scope);
      case 2 -> new Expr.Value(parameter(e));
      case 4 -> arithmetic(e, scope);
      default -> throw Wire.invalid("ExpressionType " + type + " is not supported.");
    };
  }

  private Expr column(String path, EntityModel scope) {
    if (path == null || path.isBlank()) {
      throw Wire.invalid("ColumnPath is required.");
    }
    if (path.startsWith("[")) {
      throw Wire.invalid("A back-reference such as " + path + " is used in an aggregation or an exists filter.");
    }
    return Expr.Path.of(path);
  }

  private Expr function(JsonObject e, EntityModel scope) {
    int function = Wire.integer(e, "FunctionType", 0);
    switch (function) {
      case FUNCTION_MACROS -> {
        return macroColumn(Wire.integer(e, "MacrosType", 0), scope);
      }
      case FUNCTION_AGGREGATION -> {
        Expr.AggregateFunction fn = aggregate(Wire.integer(e, "AggregationType", 0));
        JsonObject argument = Wire.object(e, "FunctionArgument");
        String path = argument == null ? null : Wire.string(argument, "ColumnPath");
        if (path == null) {
          throw Wire.invalid("An aggregation needs a FunctionArgument with a ColumnPath.");
        }
        Matcher m = backReference(path);
        if (m != null) {
          EntityModel target = model.object(m.group(1))
              .orElseThrow(() -> new AtriumException(ErrorCode.UNKNOWN_COLUMN, "No object named " + m.group(1) + "."));
          Filter where = filters(Wire.object(e, "SubFilters"), target);
          return new Expr.Aggregate(fn, target.name(), m.group(2), m.group(4) == null ? null : Expr.Path.of(m.group(4)), where);
        }
        return new Expr.Aggregate(fn, null, null, Expr.Path.of(path), null);
      }
      case FUNCTION_DATE_PART -> {
        Expr.Function part = switch (Wire.integer(e, "DatePartType", 0)) {
          case 1 -> Expr.Function.DAY;
          case 3 -> Expr.Function.MONTH;
          case 4 -> Expr.Function.YEAR;
          case 6 -> Expr.Function.HOUR;
          default -> throw Wire.invalid("This DatePartType is not supported.");
        };
        return new Expr.Call(part, List.of(expression(Wire.object(e, "FunctionArgument"), scope)));
      }
      case FUNCTION_LENGTH -> {
        return new Expr.Call(Expr.Function.LENGTH, List.of(expression(Wire.object(e, "FunctionArgument"), scope)));
      }
      default -> throw Wire.invalid("FunctionType " + function + " is not supported.");
    }
  }

  /**
   * {@code [Object:Lookup].Column} or {@code [Object:Lookup:Id].Column}: the records of Object
   * whose Lookup refers to the current record. A third part other than Id is refused.
   */
  private static Matcher backReference(String path) {
    Matcher m = BACK_REFERENCE.matcher(path);
    if (!m.matches()) {
      return null;
    }
    if (m.group(3) != null && !m.group(3).equalsIgnoreCase("Id")) {
      throw Wire.invalid("A back-reference joins on the record's Id: [" + m.group(1) + ":" + m.group(2) + "].");
    }
    return m;
  }

  private static Expr.AggregateFunction aggregate(int type) {
    return switch (type) {
      case 1 -> Expr.AggregateFunction.COUNT;
      case 2 -> Expr.AggregateFunction.SUM;
      case 3 -> Expr.AggregateFunction.AVG;
      case 4 -> Expr.AggregateFunction.MIN;
      case 5 -> Expr.AggregateFunction.MAX;
      default -> throw Wire.invalid("AggregationType " + type + " is not supported.");
    };
  }

  /** A macro that stands for a column: the primary column (34) or the primary display column (35). */
  private Expr macroColumn(int macro, EntityModel scope) {
    return switch (macro) {
      case 34 -> new Expr.Path(List.of("Id"));
      case 35 -> new Expr.Path(List.of(scope.displayField()
          .orElseThrow(() -> Wire.invalid(scope.name() + " has no primary display column.")).name()));
      default -> new Expr.Value(macroValue(macro));
    };
  }

  /** A macro that stands for a value: the current user (1), their contact (2). */
  private Object macroValue(int macro) {
    return switch (macro) {
      case 1 -> who.userId();
      case 2 -> who.contactId();
      default -> throw Wire.invalid("MacrosType " + macro + " is not supported here.");
    };
  }

  /** The day a date macro stands for (yesterday 3, today 4, tomorrow 5), in UTC; null if it is no such macro. */
  private static LocalDate day(JsonObject e) {
    if (e == null || Wire.integer(e, "ExpressionType", 0) != 1 || Wire.integer(e, "FunctionType", 0) != FUNCTION_MACROS) {
      return null;
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return switch (Wire.integer(e, "MacrosType", 0)) {
      case 3 -> today.minusDays(1);
      case 4 -> today;
      case 5 -> today.plusDays(1);
      default -> null;
    };
  }

  private Expr arithmetic(JsonObject e, EntityModel scope) {
    Expr.ArithmeticOp op = switch (Wire.integer(e, "ArithmeticOperation", -1)) {
      case 0 -> Expr.ArithmeticOp.ADD;
      case 1 -> Expr.ArithmeticOp.SUBTRACT;
      case 2 -> Expr.ArithmeticOp.MULTIPLY;
      case 3 -> Expr.ArithmeticOp.DIVIDE;
      default -> throw Wire.invalid("ArithmeticOperation must be 0 to 3.");
    };
    return new Expr.Arithmetic(op, expression(Wire.object(e, "LeftArithmeticOperand"), scope),
        expression(Wire.object(e, "RightArithmeticOperand"), scope));
  }

  /** The value of {@code {"ExpressionType":2,"Parameter":{"DataValueType":n,"Value":v}}}. */
  static Object parameter(JsonObject e) {
    JsonObject parameter = Wire.object(e, "Parameter");
    if (parameter == null) {
      throw Wire.invalid("A parameter expression needs a Parameter.");
    }
    return Wire.scalar(Wire.get(parameter, "Value"));
  }

  // ---- filters -------------------------------------------------------------------------------

  /** The filter tree, or null when there is none (or every part is disabled). */
  Filter filters(JsonObject f, EntityModel scope) {
    if (f == null || !Wire.bool(f, "IsEnabled", true)) {
      return null;
    }
    int type = Wire.integer(f, "FilterType", 6);
    Filter filter = switch (type) {
      case 0, 6 -> group(f, scope);
      case 1 -> compare(f, scope);
      case 2 -> {
        boolean not = Wire.integer(f, "ComparisonType", 1) == 2;
        yield new Filter.IsNull(expression(Wire.object(f, "LeftExpression"), scope), not);
      }
      case 3 -> new Filter.Between(expression(Wire.object(f, "LeftExpression"), scope),
          expression(Wire.object(f, "RightLessExpression"), scope), expression(Wire.object(f, "RightGreaterExpression"), scope));
      case 4 -> in(f, scope);
      case 5 -> exists(f, scope);
      default -> throw Wire.invalid("FilterType " + type + " is not supported.");
    };
    return filter != null && Wire.bool(f, "IsNot", false) ? new Filter.Not(filter) : filter;
  }

  private Filter group(JsonObject f, EntityModel scope) {
    JsonObject items = Wire.object(f, "Items");
    List<Filter> parts = new ArrayList<>();
    if (items != null) {
      for (JsonValue item : items.values()) {
        Filter part = filters(item.asJsonObject(), scope);
        if (part != null) {
          parts.add(part);
        }
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    return new Filter.Group(Wire.integer(f, "LogicalOperation", 0) == 0, parts);
  }

  private Filter compare(JsonObject f, EntityModel scope) {
    int comparison = Wire.integer(f, "ComparisonType", 3);
    Expr left = expression(Wire.object(f, "LeftExpression"), scope);
    JsonObject rightJson = Wire.object(f, "RightExpression");
    LocalDate day = day(rightJson);
    if (day != null) {
      return dayComparison(left, comparison, day);
    }
    Expr right = expression(rightJson, scope);
    return switch (comparison) {
      case 1 -> new Filter.IsNull(left, false);
      case 2 -> new Filter.IsNull(left, true);
      case 3 -> new Filter.Compare(left, Comparison.EQUAL, right);
      case 4 -> new Filter.Compare(left, Comparison.NOT_EQUAL, right);
      case 5 -> new Filter.Compare(left, Comparison.LESS, right);
      case 6 -> new Filter.Compare(left, Comparison.LESS_OR_EQUAL, right);
      case 7 -> new Filter.Compare(left, Comparison.GREATER, right);
      case 8 -> new Filter.Compare(left, Comparison.GREATER_OR_EQUAL, right);
      case 9 -> new Filter.Compare(left, Comparison.STARTS_WITH, right);
      case 10 -> new Filter.Compare(left, Comparison.NOT_STARTS_WITH, right);
      case 11 -> new Filter.Compare(left, Comparison.CONTAINS, right);
      case 12 -> new Filter.Compare(left, Comparison.NOT_CONTAINS, right);
      case 13 -> new Filter.Compare(left, Comparison.ENDS_WITH, right);
      case 14 -> new Filter.Compare(left, Comparison.NOT_ENDS_WITH, right);
      default -> throw Wire.invalid("ComparisonType " + comparison + " is not supported in a compare filter.");
    };
  }

  /** A comparison with a whole day: equal means within it, less means before it, and so on. */
  private static Filter dayComparison(Expr left, int comparison, LocalDate day) {
    Expr start = new Expr.Value(day.atStartOfDay());
    Expr end = new Expr.Value(day.plusDays(1).atStartOfDay());
    Filter within = new Filter.Group(true, List.of(new Filter.Compare(left, Comparison.GREATER_OR_EQUAL, start),
        new Filter.Compare(left, Comparison.LESS, end)));
    return switch (comparison) {
      case 3 -> within;
      case 4 -> new Filter.Not(within);
      case 5 -> new Filter.Compare(left, Comparison.LESS, start);
      case 6 -> new Filter.Compare(left, Comparison.LESS, end);
      case 7 -> new Filter.Compare(left, Comparison.GREATER_OR_EQUAL, end);
      case 8 -> new Filter.Compare(left, Comparison.GREATER_OR_EQUAL, start);
      default -> throw Wire.invalid("ComparisonType " + comparison + " cannot compare with a day.");
    };
  }

  private Filter in(JsonObject f, EntityModel scope) {
    Expr left = expression(Wire.object(f, "LeftExpression"), scope);
    JsonArray rights = Wire.array(f, "RightExpressions");
    List<Expr> values = new ArrayList<>();
    if (rights != null) {
      for (JsonValue v : rights) {
        values.add(expression(v.asJsonObject(), scope));
      }
    }
    return new Filter.In(left, values, Wire.integer(f, "ComparisonType", 3) == 4);
  }

  /** {@code [Contact:Account].Id} exists (15) or not (16), with SubFilters over the contacts. */
  private Filter exists(JsonObject f, EntityModel scope) {
    JsonObject left = Wire.object(f, "LeftExpression");
    String path = left == null ? null : Wire.string(left, "ColumnPath");
    Matcher m = path == null ? null : backReference(path);
    if (m == null) {
      throw Wire.invalid("An exists filter names a back-reference such as [Contact:Account].Id.");
    }
    EntityModel target = model.object(m.group(1))
        .orElseThrow(() -> new AtriumException(ErrorCode.UNKNOWN_COLUMN, "No object named " + m.group(1) + "."));
    return new Filter.Exists(target.name(), m.group(2), filters(Wire.object(f, "SubFilters"), target),
        Wire.integer(f, "ComparisonType", 15) == 16);
  }

  // ---- writes --------------------------------------------------------------------------------

  /** {@code ColumnValues.Items.<column>} of an insert or update, as column name to value. */
  Map<String, Object> columnValues(JsonObject query) {
    JsonObject items = Wire.object(Wire.object(query, "ColumnValues"), "Items");
    if (items == null || items.isEmpty()) {
      throw Wire.invalid("ColumnValues.Items must name at least one column.");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : items.entrySet()) {
      JsonObject expression = e.getValue().asJsonObject();
      int type = Wire.integer(expression, "ExpressionType", 2);
      if (type == 1 && Wire.integer(expression, "FunctionType", 0) == FUNCTION_MACROS) {
        values.put(e.getKey(), macroValue(Wire.integer(expression, "MacrosType", 0)));
      } else if (type == 2) {
        values.put(e.getKey(), parameter(expression));
      } else {
        throw Wire.invalid("Column values are parameters (ExpressionType 2).");
      }
    }
    return values;
  }

  // ---- types ---------------------------------------------------------------------------------

  /** The DataValueType a column's values are reported with. */
  private int dataValueType(Expr expr, EntityModel root) {
    if (expr instanceof Expr.Path path) {
      return field(path, root).type().dataValueType();
    }
    if (expr instanceof Expr.Aggregate a) {
      if (a.function() == Expr.AggregateFunction.COUNT) {
        return ColumnType.INTEGER.dataValueType();
      }
      if (a.function() == Expr.AggregateFunction.AVG) {
        return ColumnType.DECIMAL.dataValueType();
      }
      EntityModel scope = a.object() == null ? root : model.object(a.object()).orElse(root);
      return a.column() == null ? ColumnType.GUID.dataValueType() : field(a.column(), scope).type().dataValueType();
    }
    if (expr instanceof Expr.Call c) {
      return c.function() == Expr.Function.TOLOWER || c.function() == Expr.Function.TOUPPER
          ? ColumnType.TEXT.dataValueType() : ColumnType.INTEGER.dataValueType();
    }
    if (expr instanceof Expr.Value v) {
      return v.value() instanceof UUID ? ColumnType.GUID.dataValueType()
          : v.value() instanceof LocalDateTime ? ColumnType.DATE_TIME.dataValueType() : ColumnType.TEXT.dataValueType();
    }
    return ColumnType.DECIMAL.dataValueType();
  }

  /** The object a column's values refer to when it is a path ending on a lookup; null otherwise. */
  private String reference(Expr expr, EntityModel root) {
    return expr instanceof Expr.Path path ? referenceOf(field(path, root)) : null;
  }

  private String referenceOf(EntityField f) {
    return f.isLookup() ? model.object(f.reference()).map(EntityModel::name).orElse(f.reference()) : null;
  }

  /** The column a path ends on; unknown names are 400 UNKNOWN_COLUMN. */
  private EntityField field(Expr.Path path, EntityModel root) {
    EntityModel object = root;
    EntityField field = null;
    for (String segment : path.segments()) {
      EntityModel owner = object;
      field = owner.field(segment).orElseThrow(() -> new AtriumException(ErrorCode.UNKNOWN_COLUMN,
          owner.name() + " has no column " + path + "."));
      if (field.isLookup()) {
        object = model.object(field.reference()).orElse(object);
      }
    }
    return field;
  }
}
