package dev.atrium.common.query;

import dev.atrium.common.data.EntityTypes;
import dev.atrium.common.data.RecordAccess;
import dev.atrium.common.data.RecordOperation;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.metadata.ColumnType;
import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.metadata.ObjectModel;
import dev.atrium.common.query.Expr.Aggregate;
import dev.atrium.common.query.Expr.Arithmetic;
import dev.atrium.common.query.Expr.Call;
import dev.atrium.common.query.Expr.Path;
import dev.atrium.common.query.Expr.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.expressions.Expression;
import org.eclipse.persistence.expressions.ExpressionBuilder;
import org.eclipse.persistence.expressions.ExpressionMath;
import org.eclipse.persistence.queries.ReportQuery;

/**
 * Compiles the query model into EclipseLink report queries over the entity types, which print
 * the SQL of the database in use. Every name is resolved against the metadata (an unknown one is
 * 400 {@code UNKNOWN_COLUMN}), every value is bound as a parameter, lookups are followed through
 * outer joins and back-references become correlated subqueries. This is the one place queries
 * of every API pass through, and where object permissions apply to what a query reaches beyond its
 * root and column permissions to every column it names (record permissions will apply here too).
 */
public final class QueryCompiler {

  /** A result column: {@code item} holds the value, {@code displayItem} a lookup's display value. */
  public record Output(String alias, String item, String displayItem, EntityField field) {}

  public record Compiled(ReportQuery query, List<Output> outputs) {}

  /** Where names are resolved: an expression standing for records of {@code object}. */
  private record Scope(Expression base, EntityModel object) {}

  private record Typed(Expression expression, EntityField field) {}

  private final EntityTypes types;
  private final ObjectModel model;
  private final QueryLimits limits;
  private final RecordAccess access;
  /** Terms of the filter being compiled; only filters are counted (columns come from the metadata). */
  private int nodes;
  private boolean counting;

  public QueryCompiler(EntityTypes types, QueryLimits limits) {
    this(types, limits, RecordAccess.ALL);
  }

  /**
   * A compiler for a caller who may read only what {@code access} allows. A path through a
   * lookup into an object they may not read, or a subquery over one, is refused (403
   * {@code ACCESS_DENIED}, so a filter cannot probe what the caller may not read), and a lookup
   * into one comes back as its id without the display value. A column they may not read is left
   * out of the result when it is asked for as one (with every column derived from it through a
   * lookup path) and refused anywhere else: in a filter, an order, an aggregate or a path.
   */
  public QueryCompiler(EntityTypes types, QueryLimits limits, RecordAccess access) {
    this.types = types;
    this.model = types.model();
    this.limits = limits;
    this.access = access;
  }

  public Compiled select(Select select) {
    return select(select, RecordOperation.READ);
  }

  /**
   * The select, over only the records the caller may read and, under record permissions, also do
   * {@code operation} with (the records a change or delete by filter reaches).
   */
  public Compiled select(Select select, RecordOperation operation) {
    if (select.top() < 0 || select.skip() < 0) {
      throw new AtriumException(ErrorCode.QUERY_INVALID, "The page size and offset must not be negative.");
    }
    if (select.top() > limits.maxRows()) {
      throw new AtriumException(ErrorCode.QUERY_LIMIT_EXCEEDED,
          "At most " + limits.maxRows() + " rows can be read at once; " + select.top() + " were asked for.");
    }
    EntityModel root = object(select.root());
    ExpressionBuilder builder = new ExpressionBuilder();
    Scope scope = new Scope(builder, root);
    ReportQuery query = new ReportQuery(types.type(root.name()).getJavaClass(), builder);
    List<Output> outputs = new ArrayList<>();
    int n = 0;
    boolean grouped = select.grouped();
    for (Select.Column column : select.columns()) {
      String item = "c" + n++;
      if (column.expr() instanceof Aggregate a && a.object() == null) {
        query.addAttribute(item, rootAggregate(scope, a));
        outputs.add(new Output(column.alias(), item, null, null));
        continue;
      }
      if (column.expr() instanceof Path path && !readableColumns(root, path)) {
        continue; // a column the caller may not read is absent from the result
      }
      Typed typed = expression(scope, column.expr());
      String display = null;
      if (typed.field() != null && typed.field().isLookup() && !column.lookupAsId()
          && column.expr() instanceof Path path) {
        Optional<Expression> displayExpr = lookupDisplay(scope, path);
        if (displayExpr.isPresent()) {
          display = "c" + n++;
          query.addAttribute(display, displayExpr.get());
          if (grouped) {
            query.addGrouping(displayExpr.get());
          }
        }
      }
      query.addAttribute(item, typed.expression());
      if (grouped) {
        query.addGrouping(typed.expression());
      }
      outputs.add(new Output(column.alias(), item, display, column.lookupAsId() ? null : typed.field()));
    }
    Expression criteria = select.filter() == null ? null : countedFilter(scope, select.filter());
    criteria = and(criteria, recordRights(scope, RecordOperation.READ));
    if (operation != RecordOperation.READ) {
      criteria = and(criteria, recordRights(scope, operation));
    }
    if (criteria != null) {
      query.setSelectionCriteria(criteria);
    }
    for (Select.Order order : select.order()) {
      Expression e = order.expr() instanceof Aggregate a && a.object() == null ? rootAggregate(scope, a)
          : expression(scope, order.expr()).expression();
      query.addOrdering(order.descending() ? e.descending() : e.ascending());
    }
    if (!grouped && !select.distinct()) {
      query.addOrdering(builder.get("Id").ascending()); // stable pages
    }
    if (select.distinct()) {
      query.useDistinct();
    }
    if (select.skip() > 0) {
      query.setFirstResult(select.skip());
    }
    query.setMaxRows(Math.addExact(select.skip(), select.top()));
    query.setShouldBindAllParameters(true);
    query.dontRetrievePrimaryKeys();
    return new Compiled(query, outputs);
  }

  /** How many records of {@code root} match {@code filter}. */
  public ReportQuery count(String root, Filter filter) {
    EntityModel object = object(root);
    ExpressionBuilder builder = new ExpressionBuilder();
    ReportQuery query = new ReportQuery(types.type(object.name()).getJavaClass(), builder);
    query.addCount("count", builder.get("Id"));
    Scope scope = new Scope(builder, object);
    Expression criteria = and(filter == null ? null : countedFilter(scope, filter), recordRights(scope, RecordOperation.READ));
    if (criteria != null) {
      query.setSelectionCriteria(criteria); // a count never counts records the caller may not read
    }
    query.setShouldBindAllParameters(true);
    query.dontRetrievePrimaryKeys();
    return query;
  }

  private Expression countedFilter(Scope scope, Filter filter) {
    nodes = 0;
    counting = true;
    try {
      return filter(scope, filter);
    } finally {
      counting = false;
    }
  }

  private Expression filter(Scope scope, Filter filter) {
    count();
    if (filter instanceof Filter.Compare c) {
      return compare(scope, c);
    }
    if (filter instanceof Filter.IsNull n) {
      Expression e = expression(scope, n.expr()).expression();
      return n.not() ? e.notNull() : e.isNull();
    }
    if (filter instanceof Filter.Between b) {
      Typed e = expression(scope, b.expr());
      return e.expression().between(operand(scope, b.low(), e.field()), operand(scope, b.high(), e.field()));
    }
    if (filter instanceof Filter.In in) {
      return in(scope, in);
    }
    if (filter instanceof Filter.Exists x) {
      ReportQuery sub = backReference(scope, x.object(), x.via(), x.where());
      sub.addAttribute("Id", sub.getExpressionBuilder().get("Id"));
      return x.not() ? scope.base().notExists(sub) : scope.base().exists(sub);
    }
    if (filter instanceof Filter.Group g) {
      Expression result = null;
      for (Filter item : g.items()) {
        Expression e = filter(scope, item);
        result = result == null ? e : g.and() ? result.and(e) : result.or(e);
      }
      return result == null ? constant(scope, true) : result;
    }
    if (filter instanceof Filter.Not not) {
      return filter(scope, not.filter()).not();
    }
    return constant(scope, ((Filter.Constant) filter).value());
  }

  private Expression in(Scope scope, Filter.In in) {
    if (in.values().isEmpty()) {
      return constant(scope, in.not());
    }
    if (in.values().size() > limits.maxInValues()) {
      throw new AtriumException(ErrorCode.QUERY_LIMIT_EXCEEDED,
          "An 'in' list may hold at most " + limits.maxInValues() + " values; this one has " + in.values().size() + ".");
    }
    Typed e = expression(scope, in.expr());
    List<Object> values = new ArrayList<>();
    for (Expr v : in.values()) {
      if (!(v instanceof Value value)) {
        throw new AtriumException(ErrorCode.QUERY_INVALID, "An 'in' list holds values only.");
      }
      values.add(e.field() == null ? value.value() : Values.coerce(value.value(), e.field()));
    }
    Expression result = e.expression().in(values);
    return in.not() ? result.not() : result;
  }

  private Expression compare(Scope scope, Filter.Compare c) {
    Typed left = expression(scope, c.left());
    if (left.field() != null && c.right() instanceof Value v && v.value() instanceof Number n) {
      Expression decided = numberTheColumnCannotHold(scope, left, c.comparison(), new BigDecimal(n.toString()));
      if (decided != null) {
        return decided;
      }
    }
    Object right = operand(scope, c.right(), left.field());
    Expression l = left.expression();
    return switch (c.comparison()) {
      case EQUAL -> l.equal(right);
      case NOT_EQUAL -> right == null ? l.notNull() : l.notEqual(right);
      case LESS -> l.lessThan(right);
      case LESS_OR_EQUAL -> l.lessThanEqual(right);
      case GREATER -> l.greaterThan(right);
      case GREATER_OR_EQUAL -> l.greaterThanEqual(right);
      case STARTS_WITH -> like(l, right, false, true);
      case NOT_STARTS_WITH -> like(l, right, false, true).not();
      case CONTAINS -> like(l, right, true, true);
      case NOT_CONTAINS -> like(l, right, true, true).not();
      case ENDS_WITH -> like(l, right, true, false);
      case NOT_ENDS_WITH -> like(l, right, true, false).not();
    };
  }

  /**
   * A numeric column compared with a number it cannot hold: beyond its range (a filter on money
   * with {@code 1e20}) or, for an Integer, with a fraction ({@code Hours gt 999.5}). The same
   * condition on the values the column can hold, or null when the number fits the column.
   */
  private Expression numberTheColumnCannotHold(Scope scope, Typed left, Filter.Comparison op, BigDecimal number) {
    if (!ORDER.contains(op) || holds(left.field(), number)) {
      return null;
    }
    Expression l = left.expression();
    int beyond = Values.beyond(number, left.field());
    if (beyond != 0) { // every value the column holds is below (1) or above (-1) the number
      boolean holds = op == Filter.Comparison.NOT_EQUAL
          || beyond > 0 && (op == Filter.Comparison.LESS || op == Filter.Comparison.LESS_OR_EQUAL)
          || beyond < 0 && (op == Filter.Comparison.GREATER || op == Filter.Comparison.GREATER_OR_EQUAL);
      return holds ? l.notNull() : constant(scope, false);
    }
    // an Integer against a fraction: n < 999.5 and n <= 999.5 mean n <= 999; n > or >= 999.5 mean n >= 1000
    return switch (op) {
      case EQUAL -> constant(scope, false);
      case NOT_EQUAL -> l.notNull();
      case LESS, LESS_OR_EQUAL -> l.lessThanEqual(number.setScale(0, RoundingMode.FLOOR).intValueExact());
      default -> l.greaterThanEqual(number.setScale(0, RoundingMode.CEILING).intValueExact());
    };
  }

  /** Whether a numeric column can hold the number (any other column: whether it may, as far as this knows). */
  private static boolean holds(EntityField field, BigDecimal number) {
    return Values.beyond(number, field) == 0
        && (field.type() != ColumnType.INTEGER || number.stripTrailingZeros().scale() <= 0);
  }

  /** The comparisons that order numbers (the others match text). */
  private static final java.util.Set<Filter.Comparison> ORDER = java.util.EnumSet.of(Filter.Comparison.EQUAL,
      Filter.Comparison.NOT_EQUAL, Filter.Comparison.LESS, Filter.Comparison.LESS_OR_EQUAL, Filter.Comparison.GREATER,
      Filter.Comparison.GREATER_OR_EQUAL);

  private static Expression like(Expression left, Object right, boolean anyBefore, boolean anyAfter) {
    if (!(right instanceof String text)) {
      throw new AtriumException(ErrorCode.QUERY_INVALID, "Text matching needs a text value.");
    }
    String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return left.like((anyBefore ? "%" : "") + escaped + (anyAfter ? "%" : ""), "\\");
  }

  /** The right side of a comparison: a value (typed like the left column) or an expression. */
  private Object operand(Scope scope, Expr expr, EntityField like) {
    if (expr instanceof Value v) {
      return like == null || v.value() == null ? v.value() : Values.coerce(v.value(), like);
    }
    return expression(scope, expr).expression();
  }

  private Typed expression(Scope scope, Expr expr) {
    count();
    if (expr instanceof Path p) {
      return path(scope, p);
    }
    if (expr instanceof Value v) {
      return new Typed(scope.base().value(v.value()), null);
    }
    if (expr instanceof Arithmetic a) {
      Expression l = expression(scope, a.left()).expression();
      Object r = a.right() instanceof Value v ? v.value() : expression(scope, a.right()).expression();
      return new Typed(switch (a.op()) {
        case ADD -> ExpressionMath.add(l, r);
        case SUBTRACT -> ExpressionMath.subtract(l, r);
        case MULTIPLY -> ExpressionMath.multiply(l, r);
        case DIVIDE -> ExpressionMath.divide(l, r);
        case MODULO -> ExpressionMath.mod(l, r);
      }, null);
    }
    if (expr instanceof Call c) {
      return new Typed(call(scope, c), null);
    }
    Aggregate a = (Aggregate) expr;
    if (a.object() == null) {
      throw new AtriumException(ErrorCode.QUERY_INVALID, "An aggregate of the root object can only be a column.");
    }
    ReportQuery sub = backReference(scope, a.object(), a.via(), a.where());
    Scope inner = new Scope(sub.getExpressionBuilder(), object(a.object()));
    Expression column = a.column() == null ? inner.base().get("Id") : path(inner, a.column()).expression();
    switch (a.function()) {
      case COUNT -> sub.addCount("v", column);
      case SUM -> sub.addSum("v", column);
      case AVG -> sub.addAverage("v", column);
      case MIN -> sub.addMinimum("v", column);
      case MAX -> sub.addMaximum("v", column);
    }
    return new Typed(scope.base().subQuery(sub), null);
  }

  private Expression call(Scope scope, Call c) {
    if (c.args().size() != c.function().arity()) {
      throw new AtriumException(ErrorCode.QUERY_INVALID,
          c.function().name().toLowerCase() + " takes " + c.function().arity() + " argument(s).");
    }
    Expression a = expression(scope, c.args().get(0)).expression();
    Object b = c.args().size() < 2 ? null
        : c.args().get(1) instanceof Value v ? v.value() : expression(scope, c.args().get(1)).expression();
    return switch (c.function()) {
      case TOLOWER -> a.toLowerCase();
      case TOUPPER -> a.toUpperCase();
      case LENGTH -> a.length();
      case TRIM -> a.trim();
      case CONCAT -> a.concat(b);
      case INDEXOF -> ExpressionMath.subtract(a.locate(b), 1);
      case SUBSTRING -> a.substring(b instanceof Number n ? (Object) (n.intValue() + 1) : ExpressionMath.add((Expression) b, 1));
      case YEAR -> a.extract("YEAR");
      case MONTH -> a.extract("MONTH");
      case DAY -> a.extract("DAY");
      case HOUR -> a.extract("HOUR");
      case MINUTE -> a.extract("MINUTE");
      case SECOND -> a.extract("SECOND");
      case ROUND -> ExpressionMath.round(a, 0);
      case FLOOR -> ExpressionMath.floor(a);
      case CEILING -> ExpressionMath.ceil(a);
    };
  }

  private Expression rootAggregate(Scope scope, Aggregate a) {
    Expression e = a.column() == null ? scope.base().get("Id") : path(scope, a.column()).expression();
    return switch (a.function()) {
      case COUNT -> e.count();
      case SUM -> e.sum();
      case AVG -> e.average();
      case MIN -> e.minimum();
      case MAX -> e.maximum();
    };
  }

  /** A subquery over the records of {@code object} whose lookup {@code via} refers to the scope's record. */
  private ReportQuery backReference(Scope scope, String objectName, String via, Filter where) {
    EntityModel target = readable(object(objectName));
    EntityField lookup = target.field(via).filter(EntityField::isLookup)
        .filter(f -> f.reference().equalsIgnoreCase(scope.object().name()))
        .orElseThrow(() -> new AtriumException(ErrorCode.UNKNOWN_COLUMN,
            target.name() + " has no lookup " + via + " to " + scope.object().name() + "."));
    ExpressionBuilder builder = new ExpressionBuilder();
    ReportQuery sub = new ReportQuery(types.type(target.name()).getJavaClass(), builder);
    Expression criteria = builder.get(EntityTypes.attribute(lookup)).equal(scope.base().get("Id"));
    if (where != null) {
      criteria = criteria.and(filter(new Scope(builder, target), where));
    }
    sub.setSelectionCriteria(and(criteria, recordRights(new Scope(builder, target), RecordOperation.READ)));
    return sub;
  }

  private Typed path(Scope scope, Path path) {
    if (path.segments().size() - 1 > limits.maxPathHops()) {
      throw new AtriumException(ErrorCode.QUERY_LIMIT_EXCEEDED,
          "A column path may go through at most " + limits.maxPathHops() + " lookups: " + path + ".");
    }
    Expression current = scope.base();
    EntityModel object = scope.object();
    EntityField field = null;
    Expression readable = null;
    List<String> segments = path.segments();
    for (int i = 0; i < segments.size(); i++) {
      EntityModel owner = object;
      field = owner.field(segments.get(i)).orElseThrow(() -> unknown(owner, path));
      if (!access.readsColumn(owner, field)) {
        throw new AtriumException(ErrorCode.ACCESS_DENIED, "You may not read column " + field.name() + " of " + owner.name() + ".");
      }
      if (i < segments.size() - 1) {
        EntityField lookup = field;
        if (!lookup.isLookup()) {
          throw new AtriumException(ErrorCode.QUERY_INVALID, lookup.name() + " in " + path + " is not a lookup.");
        }
        object = readable(object(lookup.reference()));
        current = current.getAllowingNull(lookup.name());
        readable = and(readable, recordRights(new Scope(current, object), RecordOperation.READ));
      }
    }
    return new Typed(guarded(scope, readable, current.get(EntityTypes.attribute(field))), field);
  }

  /** The display value of the record a lookup path refers to, if that object has a display column. */
  private Optional<Expression> lookupDisplay(Scope scope, Path path) {
    EntityModel target = object(path(scope, path).field().reference());
    Optional<EntityField> display = access.readsObject(target)
        ? target.displayField().filter(f -> access.readsColumn(target, f)) : Optional.empty();
    if (display.isEmpty()) {
      return Optional.empty();
    }
    Expression current = scope.base();
    EntityModel object = scope.object();
    Expression readable = null;
    for (String segment : path.segments()) {
      EntityField f = object.field(segment).orElseThrow();
      current = current.getAllowingNull(f.name());
      object = object(f.reference());
      readable = and(readable, recordRights(new Scope(current, object), RecordOperation.READ));
    }
    return Optional.of(guarded(scope, readable, current.get(EntityTypes.attribute(display.get()))));
  }

  /**
   * Under record permissions, a value reached through lookups is empty unless the caller may read
   * every record on the way: a record they may not read looks empty through a lookup, in results,
   * filters and orders alike.
   */
  private static Expression guarded(Scope scope, Expression readable, Expression value) {
    return readable == null ? value : scope.base().caseConditionStatement(Map.of(readable, value), null);
  }


  /**
   * Under record permissions, "a right for the operation on this record names one of the caller's
   * units": a semi-join on the object's rights table, whose key leads with the record (null when
   * every record is open to the caller for it).
   */
  private Expression recordRights(Scope scope, RecordOperation operation) {
    Optional<List<UUID>> grantees = access.recordGrantees(scope.object(), operation);
    if (grantees.isEmpty()) {
      return null;
    }
    if (grantees.get().isEmpty()) {
      return constant(scope, false);
    }
    Class<?> rights = types.rightsType(scope.object().name()).orElseThrow(() -> new IllegalStateException(
        scope.object().name() + " is administered by records but has no rights type")).getJavaClass();
    ExpressionBuilder r = new ExpressionBuilder();
    ReportQuery sub = new ReportQuery(rights, r);
    sub.addAttribute("RecordId", r.get("RecordId"));
    sub.setSelectionCriteria(r.get("RecordId").equal(scope.base().get("Id"))
        .and(r.get("Operation").equal(operation.code())).and(r.get("SysAdminUnitId").in(grantees.get())));
    return scope.base().exists(sub);
  }

  private static Expression and(Expression a, Expression b) {
    return a == null ? b : b == null ? a : a.and(b);
  }

  private Expression constant(Scope scope, boolean value) {
    Expression one = scope.base().value(1);
    return value ? one.equal(1) : one.equal(0);
  }

  /**
   * Whether the caller may read every column of the path from {@code root} (a lookup on the way
   * included). A name the metadata lacks counts as readable here: resolving it reports it.
   */
  private boolean readableColumns(EntityModel root, Path path) {
    EntityModel object = root;
    for (String segment : path.segments()) {
      Optional<EntityField> field = object == null ? Optional.empty() : object.field(segment);
      if (field.isEmpty()) {
        return true;
      }
      if (!access.readsColumn(object, field.get())) {
        return false;
      }
      object = field.get().isLookup() ? model.object(field.get().reference()).orElse(null) : null;
    }
    return true;
  }

  /** The object, if the caller may read it; else 403. */
  private EntityModel readable(EntityModel object) {
    if (!access.readsObject(object)) {
      throw new AtriumException(ErrorCode.ACCESS_DENIED, "You may not read records of " + object.name() + ".");
    }
    return object;
  }

  private EntityModel object(String name) {
    return model.object(name).orElseThrow(() -> new AtriumException(ErrorCode.UNKNOWN_COLUMN, "No object named " + name + "."));
  }

  private static AtriumException unknown(EntityModel object, Path path) {
    return new AtriumException(ErrorCode.UNKNOWN_COLUMN, object.name() + " has no column " + path + ".");
  }

  private void count() {
    if (counting && ++nodes > limits.maxFilterNodes()) {
      throw new AtriumException(ErrorCode.QUERY_LIMIT_EXCEEDED,
          "The filter has more than " + limits.maxFilterNodes() + " terms.");
    }
  }
}
