package dev.atrium.webapp.odata;

import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.metadata.ObjectModel;
import dev.atrium.common.query.Expr;
import dev.atrium.common.query.Filter;
import dev.atrium.common.query.Filter.Comparison;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceLambdaAll;
import org.apache.olingo.server.api.uri.UriResourceLambdaAny;
import org.apache.olingo.server.api.uri.UriResourceLambdaVariable;
import org.apache.olingo.server.api.uri.UriResourceNavigation;
import org.apache.olingo.server.api.uri.UriResourceProperty;
import org.apache.olingo.server.api.uri.queryoption.AliasQueryOption;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;

/**
 * Turns an expression Olingo parsed from {@code $filter} or {@code $orderby} into the query model
 * ({@link Expr} and {@link Filter}); members become column paths, literals bound values, lambdas
 * ({@code any}, {@code all}) over collection navigation properties exists-subqueries.
 */
final class FilterTranslator implements ExpressionVisitor<Object> {

  /**
   * Beyond this magnitude a number is beyond every column (SQL Server and Oracle hold 38 digits):
   * it compares like INF, and is refused anywhere else.
   */
  private static final BigDecimal BEYOND_COLUMNS = BigDecimal.TEN.pow(38);
  /** Decimal places a number literal may have: what the three databases bind without rounding. */
  private static final int MAX_SCALE = 38;

  /**
   * {@code INF}, {@code -INF} or {@code NaN} (or a number beyond every column): no column holds
   * one, so a comparison with it is decided without the database and nothing else may use it.
   */
  private record NonFinite(double value) {}

  private final ObjectModel model;
  private final EntityModel object;
  /** Inside a lambda, its variable; paths through any other variable are refused. */
  private final String variable;
  /** The request's parameter aliases ({@code @p=...}) by name, as Olingo parsed their values. */
  private final Map<String, AliasQueryOption> aliases;
  /** The aliases being resolved, outermost first: an alias that names itself, at any depth, is refused. */
  private final Set<String> resolving;

  private FilterTranslator(ObjectModel model, EntityModel object, String variable, Map<String, AliasQueryOption> aliases,
      Set<String> resolving) {
    this.model = model;
    this.object = object;
    this.variable = variable;
    this.aliases = aliases;
    this.resolving = resolving;
  }

  static Filter filter(ObjectModel model, EntityModel object, Expression expression, List<AliasQueryOption> aliases)
      throws ODataApplicationException {
    return asFilter(translate(model, object, expression, aliases));
  }

  /**
   * A {@code $orderby} key, or null for a constant ({@code $orderby=8905}, {@code 'x'},
   * {@code 1 add 2}): sorting by a constant orders nothing, so it is ignored and never reaches SQL.
   */
  static Expr orderKey(ObjectModel model, EntityModel object, Expression expression, List<AliasQueryOption> aliases)
      throws ODataApplicationException {
    Object key = translate(model, object, expression, aliases);
    if (key instanceof Filter) {
      throw notSupported("Sorting by a condition");
    }
    return key instanceof NonFinite || constant(asExpr(key)) ? null : asExpr(key);
  }

  private static boolean constant(Expr e) {
    if (e instanceof Expr.Arithmetic a) {
      return constant(a.left()) && constant(a.right());
    }
    if (e instanceof Expr.Call c) {
      return c.args().stream().allMatch(FilterTranslator::constant);
    }
    return e instanceof Expr.Value;
  }

  private static Object translate(ObjectModel model, EntityModel object, Expression expression,
      List<AliasQueryOption> aliases) throws ODataApplicationException {
    Map<String, AliasQueryOption> byName = new HashMap<>();
    for (AliasQueryOption alias : aliases == null ? List.<AliasQueryOption>of() : aliases) {
      byName.put(alias.getName(), alias);
    }
    try {
      return expression.accept(new FilterTranslator(model, object, null, byName, new HashSet<>()));
    } catch (ExpressionVisitException e) {
      throw badRequest("The expression cannot be used: " + e.getMessage());
    }
  }

  @Override
  public Object visitBinaryOperator(BinaryOperatorKind op, Object left, Object right) throws ODataApplicationException {
    return switch (op) {
      case AND -> new Filter.Group(true, List.of(asFilter(left), asFilter(right)));
      case OR -> new Filter.Group(false, List.of(asFilter(left), asFilter(right)));
      case EQ -> compare(left, right, Comparison.EQUAL, Comparison.EQUAL);
      case NE -> compare(left, right, Comparison.NOT_EQUAL, Comparison.NOT_EQUAL);
      case LT -> compare(left, right, Comparison.LESS, Comparison.GREATER);
      case LE -> compare(left, right, Comparison.LESS_OR_EQUAL, Comparison.GREATER_OR_EQUAL);
      case GT -> compare(left, right, Comparison.GREATER, Comparison.LESS);
      case GE -> compare(left, right, Comparison.GREATER_OR_EQUAL, Comparison.LESS_OR_EQUAL);
      case ADD -> new Expr.Arithmetic(Expr.ArithmeticOp.ADD, asExpr(left), asExpr(right));
      case SUB -> new Expr.Arithmetic(Expr.ArithmeticOp.SUBTRACT, asExpr(left), asExpr(right));
      case MUL -> new Expr.Arithmetic(Expr.ArithmeticOp.MULTIPLY, asExpr(left), asExpr(right));
      case DIV -> new Expr.Arithmetic(Expr.ArithmeticOp.DIVIDE, asExpr(left), asExpr(right));
      case MOD -> new Expr.Arithmetic(Expr.ArithmeticOp.MODULO, asExpr(left), asExpr(right));
      default -> throw notSupported("The operator " + op.name().toLowerCase(Locale.ROOT));
    };
  }

  @Override
  public Object visitBinaryOperator(BinaryOperatorKind op, Object left, List<Object> right) throws ODataApplicationException {
    if (op != BinaryOperatorKind.IN) {
      throw notSupported("The operator " + op.name().toLowerCase(Locale.ROOT));
    }
    List<Expr> values = new ArrayList<>();
    for (Object r : right) {
      values.add(asExpr(r));
    }
    return new Filter.In(asExpr(left), values, false);
  }

  /** A comparison with the column on the left, as the query model wants it. */
  private static Filter compare(Object left, Object right, Comparison op, Comparison mirrored) throws ODataApplicationException {
    if (right instanceof NonFinite n) {
      return compareNonFinite(asExpr(left), op, n.value());
    }
    if (left instanceof NonFinite n) {
      return compareNonFinite(asExpr(right), mirrored, n.value());
    }
    Expr l = asExpr(left);
    Expr r = asExpr(right);
    if (l instanceof Expr.Value && !(r instanceof Expr.Value)) {
      return new Filter.Compare(r, mirrored, l);
    }
    return new Filter.Compare(l, op, r);
  }

  /**
   * {@code value op INF} (or {@code -INF}, {@code NaN}) for a finite or null value: true where the
   * value is present and the order says so, never otherwise (a comparison with null is false, as
   * in every other comparison of the query layer; NaN equals nothing).
   */
  private static Filter compareNonFinite(Expr value, Comparison op, double bound) throws ODataApplicationException {
    boolean holds = switch (op) {
      case NOT_EQUAL -> true;
      case LESS, LESS_OR_EQUAL -> bound == Double.POSITIVE_INFINITY;
      case GREATER, GREATER_OR_EQUAL -> bound == Double.NEGATIVE_INFINITY;
      case EQUAL -> false;
      default -> throw badRequest("INF and NaN can only be compared with eq, ne, lt, le, gt or ge.");
    };
    return holds ? new Filter.Compare(value, Comparison.NOT_EQUAL, new Expr.Value(null)) : new Filter.Constant(false);
  }

  @Override
  public Object visitUnaryOperator(UnaryOperatorKind op, Object operand) throws ODataApplicationException {
    if (op == UnaryOperatorKind.NOT) {
      return new Filter.Not(asFilter(operand));
    }
    return new Expr.Arithmetic(Expr.ArithmeticOp.MULTIPLY, asExpr(operand), new Expr.Value(-1));
  }

  @Override
  public Object visitMethodCall(MethodKind method, List<Object> args) throws ODataApplicationException {
    return switch (method) {
      case CONTAINS -> new Filter.Compare(asExpr(args.get(0)), Comparison.CONTAINS, asExpr(args.get(1)));
      case STARTSWITH -> new Filter.Compare(asExpr(args.get(0)), Comparison.STARTS_WITH, asExpr(args.get(1)));
      case ENDSWITH -> new Filter.Compare(asExpr(args.get(0)), Comparison.ENDS_WITH, asExpr(args.get(1)));
      case NOW -> new Expr.Value(LocalDateTime.now(ZoneOffset.UTC));
      case TOLOWER -> call(Expr.Function.TOLOWER, args);
      case TOUPPER -> call(Expr.Function.TOUPPER, args);
      case LENGTH -> call(Expr.Function.LENGTH, args);
      case TRIM -> call(Expr.Function.TRIM, args);
      case CONCAT -> call(Expr.Function.CONCAT, args);
      case INDEXOF -> call(Expr.Function.INDEXOF, args);
      case SUBSTRING -> {
        if (args.size() != 2) {
          throw notSupported("substring with a length");
        }
        yield call(Expr.Function.SUBSTRING, args);
      }
      case YEAR -> call(Expr.Function.YEAR, args);
      case MONTH -> call(Expr.Function.MONTH, args);
      case DAY -> call(Expr.Function.DAY, args);
      case HOUR -> call(Expr.Function.HOUR, args);
      case MINUTE -> call(Expr.Function.MINUTE, args);
      case SECOND -> call(Expr.Function.SECOND, args);
      case ROUND -> call(Expr.Function.ROUND, args);
      case FLOOR -> call(Expr.Function.FLOOR, args);
      case CEILING -> call(Expr.Function.CEILING, args);
      default -> throw notSupported("The function " + method);
    };
  }

  private static Expr call(Expr.Function function, List<Object> args) throws ODataApplicationException {
    List<Expr> exprs = new ArrayList<>();
    for (Object a : args) {
      exprs.add(asExpr(a));
    }
    return new Expr.Call(function, exprs);
  }

  @Override
  public Object visitLambdaExpression(String function, String variable, Expression expression) throws ODataApplicationException {
    throw notSupported("A lambda expression outside a collection path");
  }

  @Override
  public Object visitLiteral(Literal literal) throws ODataApplicationException {
    EdmType type = literal.getType();
    if (type == null || "null".equals(literal.getText())) {
      return new Expr.Value(null);
    }
    if (!(type instanceof EdmPrimitiveType primitive)) {
      throw notSupported("A literal of type " + type.getName());
    }
    String name = primitive.getName();
    if (name.equals(EdmPrimitiveTypeKind.Decimal.name()) || name.equals(EdmPrimitiveTypeKind.Double.name())
        || name.equals(EdmPrimitiveTypeKind.Single.name())) {
      return number(literal.getText());
    }
    try {
      String text = primitive.fromUriLiteral(literal.getText());
      return new Expr.Value(primitive.valueOfString(text, true, null, null, null, true, javaClass(primitive)));
    } catch (EdmPrimitiveTypeException e) {
      throw badRequest("The literal " + literal.getText() + " is not valid.");
    }
  }

  /**
   * A number literal of the OData ABNF ({@code decimalValue}, {@code doubleValue}: a fraction, an
   * exponent, {@code INF}, {@code -INF}, {@code NaN}) as the exact value the query binds. Olingo's
   * own conversion applies a property's facets, and a literal has none: it refuses every fraction.
   */
  private static Object number(String text) throws ODataApplicationException {
    switch (text) {
      case "INF" -> {
        return new NonFinite(Double.POSITIVE_INFINITY);
      }
      case "-INF" -> {
        return new NonFinite(Double.NEGATIVE_INFINITY);
      }
      case "NaN" -> {
        return new NonFinite(Double.NaN);
      }
      default -> { }
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw badRequest("The literal " + text + " is not a number.");
    }
    if (value.abs().compareTo(BEYOND_COLUMNS) >= 0) {
      return new NonFinite(value.signum() > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
    }
    BigDecimal plain = value.stripTrailingZeros();
    if (plain.scale() > MAX_SCALE) {
      throw badRequest("The literal " + text + " has more than " + MAX_SCALE + " decimal places.");
    }
    return new Expr.Value(plain.scale() < 0 ? plain.setScale(0) : plain);
  }

  /** The Java class a literal of an EDM type becomes (what the query model's values expect). */
  static Class<?> javaClass(EdmPrimitiveType type) {
    String name = type.getName();
    if (name.equals(EdmPrimitiveTypeKind.DateTimeOffset.name())) {
      return ZonedDateTime.class;
    }
    if (name.equals(EdmPrimitiveTypeKind.Date.name())) {
      return LocalDate.class;
    }
    if (name.equals(EdmPrimitiveTypeKind.TimeOfDay.name())) {
      return LocalTime.class;
    }
    if (name.equals(EdmPrimitiveTypeKind.Guid.name())) {
      return UUID.class;
    }
    if (name.equals(EdmPrimitiveTypeKind.Boolean.name())) {
      return Boolean.class;
    }
    if (name.equals(EdmPrimitiveTypeKind.String.name())) {
      return String.class;
    }
    if (name.equals(EdmPrimitiveTypeKind.Binary.name())) {
      return byte[].class;
    }
    if (name.equals(EdmPrimitiveTypeKind.Decimal.name()) || name.equals(EdmPrimitiveTypeKind.Double.name())
        || name.equals(EdmPrimitiveTypeKind.Single.name())) {
      return BigDecimal.class;
    }
    if (name.equals(EdmPrimitiveTypeKind.Int64.name())) {
      return Long.class;
    }
    return Integer.class;
  }

  @Override
  public Object visitMember(Member member) throws ODataApplicationException {
    List<UriResource> parts = member.getResourcePath().getUriResourceParts();
    List<String> segments = new ArrayList<>();
    EntityModel current = object;
    for (int i = 0; i < parts.size(); i++) {
      UriResource part = parts.get(i);
      if (part instanceof UriResourceLambdaVariable v) {
        if (i > 0 || !v.getVariableName().equals(variable)) {
          throw notSupported("A path through the outer lambda variable " + v.getVariableName());
        }
        continue; // paths inside a lambda start at its variable, i.e. at the lambda's object
      }
      if (part instanceof UriResourceNavigation nav && nav.isCollection()) {
        if (!segments.isEmpty() || i + 1 >= parts.size()) {
          throw notSupported("A collection navigation property outside any/all at the record itself");
        }
        return lambda(current, nav, parts.get(i + 1));
      }
      if (part instanceof UriResourceNavigation nav) {
        segments.add(nav.getProperty().getName());
        current = model.object(nav.getProperty().getType().getName()).orElse(current);
      } else if (part instanceof UriResourceProperty property) {
        if (property.getType().getName().equals(EdmPrimitiveTypeKind.Stream.name())) {
          throw badRequest("The stream property " + property.getProperty().getName()
              + " is media: it cannot be filtered or sorted on.");
        }
        segments.add(property.getProperty().getName());
      } else {
        throw notSupported("The path element " + part.getSegmentValue());
      }
    }
    return new Expr.Path(segments);
  }

  private Filter lambda(EntityModel owner, UriResourceNavigation nav, UriResource lambda) throws ODataApplicationException {
    ObjectModel.BackReference ref = ObjectsEdmProvider.backReference(model, owner.name(), nav.getProperty().getName())
        .orElseThrow(() -> badRequest("Unknown navigation " + nav.getProperty().getName()));
    try {
      if (lambda instanceof UriResourceLambdaAny any) {
        FilterTranslator inner = new FilterTranslator(model, ref.object(), any.getLambdaVariable(), aliases, resolving);
        Filter where = any.getExpression() == null ? null : asFilter(any.getExpression().accept(inner));
        return new Filter.Exists(ref.object().name(), ref.field().name(), where, false);
      }
      if (lambda instanceof UriResourceLambdaAll all) {
        if (all.getExpression() == null) {
          throw badRequest("all() needs a condition.");
        }
        FilterTranslator inner = new FilterTranslator(model, ref.object(), all.getLambdaVariable(), aliases, resolving);
        Filter where = asFilter(all.getExpression().accept(inner));
        return new Filter.Exists(ref.object().name(), ref.field().name(), new Filter.Not(where), true);
      }
    } catch (ExpressionVisitException e) {
      throw badRequest("The expression cannot be used: " + e.getMessage());
    }
    throw notSupported("A collection navigation property outside any/all");
  }

  /**
   * A parameter alias ({@code $filter=Name eq @n&@n='Acme'}) stands for its value, which may be
   * any expression Olingo parsed, another alias included; an alias the request gives no value is
   * null, as OData 4.01 URL Conventions say of parameter aliases.
   */
  @Override
  public Object visitAlias(String alias) throws ODataApplicationException {
    AliasQueryOption option = aliases.get(alias);
    if (option == null) {
      return new Expr.Value(null);
    }
    if (option.getValue() == null) {
      throw badRequest("The value of " + alias + " cannot be used in an expression.");
    }
    if (!resolving.add(alias)) {
      throw badRequest("The alias " + alias + " stands for itself.");
    }
    try {
      return option.getValue().accept(this);
    } catch (ExpressionVisitException e) {
      throw badRequest("The expression cannot be used: " + e.getMessage());
    } finally {
      resolving.remove(alias);
    }
  }

  @Override
  public Object visitTypeLiteral(EdmType type) throws ODataApplicationException {
    throw notSupported("Type literals");
  }

  @Override
  public Object visitLambdaReference(String variable) throws ODataApplicationException {
    throw notSupported("A bare lambda variable");
  }

  @Override
  public Object visitEnum(EdmEnumType type, List<String> values) throws ODataApplicationException {
    throw notSupported("Enumerations");
  }

  private static Filter asFilter(Object o) throws ODataApplicationException {
    if (o instanceof Filter f) {
      return f;
    }
    if (o instanceof Expr.Path p) {
      return new Filter.Compare(p, Comparison.EQUAL, new Expr.Value(true)); // a Boolean column on its own
    }
    if (o instanceof Expr.Value v && v.value() instanceof Boolean b) {
      return new Filter.Constant(b);
    }
    throw badRequest("The expression is not a condition.");
  }

  private static Expr asExpr(Object o) throws ODataApplicationException {
    if (o instanceof Expr e) {
      return e;
    }
    if (o instanceof NonFinite) {
      throw badRequest("INF, NaN and numbers of 38 digits or more can only be compared: no column holds them.");
    }
    throw badRequest("A condition is used where a value is expected.");
  }

  static ODataApplicationException badRequest(String message) {
    return new ODataApplicationException(message, HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT, "QUERY_INVALID");
  }

  /**
   * A valid request for something the service does not do: 501 Not Implemented, which does not
   * blame the client (OData 4.01 Protocol, 9.3.1).
   */
  static ODataApplicationException notSupported(String what) {
    return new ODataApplicationException(what + " is not supported.", HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(),
        Locale.ROOT, ErrorCode.NOT_IMPLEMENTED.name());
  }
}
