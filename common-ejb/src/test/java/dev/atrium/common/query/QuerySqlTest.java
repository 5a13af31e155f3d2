package dev.atrium.common.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.common.data.EntityTypes;
import dev.atrium.common.data.RecordAccess;
import dev.atrium.common.data.TestAccess;
import dev.atrium.common.metadata.ColumnType;
import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.metadata.ObjectModel;
import dev.atrium.common.metadata.ObjectOptions;
import dev.atrium.common.query.Expr.Path;
import dev.atrium.common.query.Expr.Value;
import dev.atrium.common.query.Filter.Comparison;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.eclipse.persistence.dynamic.DynamicHelper;
import org.eclipse.persistence.platform.database.DatabasePlatform;
import org.eclipse.persistence.sessions.DatabaseRecord;
import org.eclipse.persistence.internal.sessions.DatabaseSessionImpl;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.platform.database.H2Platform;
import org.eclipse.persistence.platform.database.Oracle19Platform;
import org.eclipse.persistence.platform.database.PostgreSQL10Platform;
import org.eclipse.persistence.platform.database.SQLServerPlatform;
import org.eclipse.persistence.queries.ReportQuery;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Project;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL the query layer compiles to on each supported database, printed by EclipseLink's
 * platforms without a connection. MS SQL Server and Oracle cannot run here: their SQL is checked
 * as text, not executed (PostgreSQL and H2 run the same queries in RecordStoreTest and the ITs).
 */
class QuerySqlTest {

  /** The caller and a role of theirs, for record permissions. */
  private static final List<UUID> CALLER_UNITS = List.of(UUID.randomUUID(), UUID.randomUUID());

  /** The result columns of the last query compiled. */
  private static List<QueryCompiler.Output> outputs;

  static List<DatabasePlatform> platforms() {
    return List.of(new PostgreSQL10Platform(), new SQLServerPlatform(), new Oracle19Platform(), new H2Platform());
  }

  private static EntityField field(String name, ColumnType type, String reference) {
    return new EntityField(name, type.columnName(name), name, type, false, false, reference, false);
  }

  /** The statement {@code select} compiles to on {@code platform}, with {@code ?} for every value. */
  private static String sql(DatabasePlatform platform, Select select) {
    return sql(platform, select, RecordAccess.ALL);
  }

  /** A caller who may read the objects and columns the predicates accept (and change what they read). */
  private static RecordAccess reading(Predicate<EntityModel> objects, BiPredicate<EntityModel, EntityField> columns) {
    return TestAccess.of(objects, columns, CALLER_UNITS);
  }

  private static String sql(DatabasePlatform platform, Select select, RecordAccess access) {
    return compile(platform, select, access).getSQLString();
  }

  /** The compiled query, prepared on {@code platform}; its outputs are those of {@link QueryCompiler#select}. */
  private static ReportQuery compile(DatabasePlatform platform, Select select, RecordAccess access) {
    DatabaseSessionImpl session = (DatabaseSessionImpl) new Project(new DatabaseLogin(platform)).createDatabaseSession();
    session.setLogLevel(SessionLog.OFF);
    ObjectModel model = new ObjectModel(List.of(
        new EntityModel("Account", "Account", "Name", 1, false, List.of(field("Name", ColumnType.TEXT, null))),
        new EntityModel("Contact", "Contact", "Name", 1, false, List.of(field("Name", ColumnType.TEXT, null),
            field("Account", ColumnType.LOOKUP, "Account"), field("Age", ColumnType.INTEGER, null))),
        new EntityModel("Case", "Case", "Number", 1, true, List.of(field("Number", ColumnType.SHORT_TEXT, null),
            field("Account", ColumnType.LOOKUP, "Account"), field("Deal", ColumnType.LOOKUP, "UsrDeal"))),
        new EntityModel("UsrDeal", "Deal", "Name", 1, false, new ObjectOptions(null, false, true, false, false, null, null),
            List.of(field("Name", ColumnType.TEXT, null), field("Account", ColumnType.LOOKUP, "Account")))));
    EntityTypes types = EntityTypes.register(model, new DynamicHelper(session));
    session.initializeDescriptors();
    QueryCompiler.Compiled compiled = new QueryCompiler(types, QueryLimits.DEFAULTS, access).select(select);
    outputs = compiled.outputs();
    ReportQuery query = compiled.query();
    query.prepareCall(session, new DatabaseRecord());
    return query;
  }

  private static Select sample() {
    Filter filter = new Filter.Group(true, List.of(
        new Filter.Compare(Path.of("Account.Name"), Comparison.STARTS_WITH, new Value("North")),
        new Filter.Compare(Path.of("AccountId"), Comparison.NOT_EQUAL, new Value(UUID.randomUUID())),
        new Filter.Compare(Path.of("Age"), Comparison.GREATER, new Value(30))));
    return new Select("Account", List.of(Select.Column.path("Name"),
        new Select.Column("Year", new Expr.Call(Expr.Function.YEAR, List.of(Path.of("CreatedOn"))), false)),
        new Filter.Group(false, List.of(new Filter.Exists("Contact", "Account", filter, false),
            new Filter.Exists("Contact", "Account", null, true))),
        List.of(new Select.Order(Path.of("Name"), true)), 100, 50, false);
  }

  private static Select lookups() {
    return new Select("Contact", List.of(Select.Column.path("Name"), Select.Column.path("Account")),
        new Filter.Compare(Path.of("Account.Name"), Comparison.CONTAINS, new Value("50%")), List.of(), 0, 10, false);
  }

  @ParameterizedTest
  @MethodSource("platforms")
  void aPagedFilteredSelectIsOneStatementWithBoundValuesAndBareIdentifiers(DatabasePlatform platform) {
    String sql = sql(platform, sample());
    String upper = sql.toUpperCase(Locale.ROOT);
    assertTrue(upper.contains("EXISTS (SELECT") && upper.contains("NOT EXISTS (SELECT"), sql);
    assertTrue(upper.contains("LIKE ? ESCAPE"), sql);
    assertFalse(sql.contains("North") || sql.contains("30"), "values are bound, never printed: " + sql);
    assertEquals(-1, sql.indexOf('"'), "identifiers are not quoted: " + sql);
    String name = platform.getClass().getSimpleName();
    if (name.startsWith("SQLServer")) {
      // EclipseLink 4.0's SQL Server platform pages through JDBC (maxRows, then skipping rows),
      // not in the statement: correct, but deep pages read the rows they skip (docs/integration.md).
      assertFalse(upper.contains("LIMIT") || upper.contains("OFFSET"), sql);
      assertTrue(upper.contains("DATEPART(YEAR") || upper.contains("DATEPART(YYYY"), "SQL Server has no EXTRACT: " + sql);
    } else if (name.startsWith("Oracle")) {
      assertTrue(upper.contains("ROWNUM") || upper.contains("FETCH"), sql);
      assertTrue(upper.contains("EXTRACT(YEAR FROM"), sql);
    } else {
      assertTrue(upper.contains("LIMIT") && upper.contains("OFFSET"), sql);
      assertTrue(upper.contains("EXTRACT(YEAR FROM"), sql);
    }
  }

  @ParameterizedTest
  @MethodSource("platforms")
  void aTableNamedByAReservedWordIsQuotedAndOnlyThatOne(DatabasePlatform platform) {
    String sql = sql(platform, new Select("Case", List.of(Select.Column.path("Number"), Select.Column.path("Account")),
        new Filter.Compare(Path.of("Account.Name"), Comparison.EQUAL, new Value("x")), List.of(), 0, 10, false));
    String quoted = platform.getStartDelimiter() + "Case" + platform.getEndDelimiter();
    assertTrue(sql.contains("FROM " + quoted + " t0") || sql.contains("FROM {oj " + quoted + " t0"), sql);
    assertFalse(sql.contains(platform.getStartDelimiter() + "Account"), sql);
    // NUMBER is reserved on Oracle only: quoted there (as the DDL does), bare elsewhere
    boolean oracle = platform.getClass().getSimpleName().startsWith("Oracle");
    assertEquals(oracle, sql.contains("t0.\"Number\""), sql);
    assertTrue(oracle || sql.contains("t0.Number"), sql);
  }

  @ParameterizedTest
  @MethodSource("platforms")
  void lookupsAreOuterJoinsAndTheirDisplayValueComesAlong(DatabasePlatform platform) {
    String sql = sql(platform, lookups());
    String upper = sql.toUpperCase(Locale.ROOT);
    assertTrue(upper.contains("LEFT OUTER JOIN ACCOUNT"), sql);
    assertTrue(upper.contains("SELECT T0.NAME") && upper.contains("T1.NAME") && upper.contains("T0.ACCOUNTID"), sql);
  }

  @ParameterizedTest
  @MethodSource("platforms")
  void aQueryReachesNoObjectTheCallerMayNotRead(DatabasePlatform platform) {
    Predicate<EntityModel> noAccounts = o -> !o.name().equals("Account");
    String sql = sql(platform, new Select("Contact", List.of(Select.Column.path("Name"), Select.Column.path("Account")),
        null, List.of(), 0, 10, false), reading(noAccounts, (o, f) -> true));
    assertFalse(sql.toUpperCase(Locale.ROOT).contains("JOIN"), "the lookup's id, not its display value: " + sql);
    for (Select probing : List.of(lookups(), sample(),
        new Select("Contact", List.of(Select.Column.path("Account.Name")), null, List.of(), 0, 10, false))) {
      dev.atrium.common.domain.AtriumException refused = org.junit.jupiter.api.Assertions.assertThrows(
          dev.atrium.common.domain.AtriumException.class, () -> sql(platform, probing, reading(noAccounts.and(
              o -> probing.root().equals("Account") ? !o.name().equals("Contact") : true), (o, f) -> true)));
      assertEquals(dev.atrium.common.domain.ErrorCode.ACCESS_DENIED, refused.code());
    }
  }

  @ParameterizedTest
  @MethodSource("platforms")
  void aColumnTheCallerMayNotReadIsAbsentFromResultsAndRefusedElsewhere(DatabasePlatform platform) {
    // the caller may not read a contact's Age nor an account's Name
    RecordAccess access = reading(o -> true, (o, f) -> !(o.name().equals("Contact") && f.name().equals("Age"))
        && !(o.name().equals("Account") && f.name().equals("Name")));
    String sql = sql(platform, new Select("Contact", List.of(Select.Column.path("Name"), Select.Column.path("Age"),
        Select.Column.path("Account"), Select.Column.path("Account.Name")), null, List.of(), 0, 10, false), access);
    assertEquals(List.of("Name", "Account"), outputs.stream().map(QueryCompiler.Output::alias).toList(),
        "Age and the account's name are left out");
    assertFalse(sql.toUpperCase(Locale.ROOT).contains("AGE"), sql);
    assertFalse(sql.toUpperCase(Locale.ROOT).contains("JOIN"), "no display value from a column it may not read: " + sql);
    assertEquals(null, outputs.get(1).displayItem());
    Path age = Path.of("Age");
    for (Select probing : List.of(
        new Select("Contact", List.of(Select.Column.path("Name")), new Filter.Compare(age, Comparison.GREATER, new Value(30)),
            List.of(), 0, 10, false),
        new Select("Contact", List.of(Select.Column.path("Name")), null, List.of(new Select.Order(age, true)), 0, 10, false),
        new Select("Contact", List.of(Select.Column.path("Name")), new Filter.Compare(Path.of("Account.Name"),
            Comparison.STARTS_WITH, new Value("N")), List.of(), 0, 10, false),
        new Select("Contact", List.of(new Select.Column("Oldest", new Expr.Aggregate(Expr.AggregateFunction.MAX, null, null,
            age, null), false)), null, List.of(), 0, 10, false))) {
      dev.atrium.common.domain.AtriumException refused = org.junit.jupiter.api.Assertions.assertThrows(
          dev.atrium.common.domain.AtriumException.class, () -> sql(platform, probing, access), probing.toString());
      assertEquals(dev.atrium.common.domain.ErrorCode.ACCESS_DENIED, refused.code());
    }
  }

  @ParameterizedTest
  @MethodSource("platforms")
  void recordPermissionsAreASemiJoinOnTheRightsTable(DatabasePlatform platform) {
    RecordAccess access = reading(o -> true, (o, f) -> true);
    String sql = sql(platform, new Select("UsrDeal", List.of(Select.Column.path("Name")), new Filter.Compare(
        Path.of("Name"), Comparison.STARTS_WITH, new Value("N")), List.of(), 0, 50, false), access).toUpperCase(Locale.ROOT);
    assertTrue(sql.contains("EXISTS (SELECT"), sql);
    assertTrue(sql.contains("FROM SYSUSRDEALRIGHT"), "the object's rights table: " + sql);
    assertTrue(sql.contains("RECORDID") && sql.contains("SYSADMINUNITID IN (") && sql.contains("OPERATION"), sql);
    String open = sql(platform, new Select("Account", List.of(Select.Column.path("Name")), null, List.of(), 0, 50, false), access);
    assertFalse(open.toUpperCase(Locale.ROOT).contains("RIGHT"), "an object without record permissions: " + open);
    String others = sql(platform, new Select("Account", List.of(Select.Column.path("Name")), new Filter.Exists("UsrDeal",
        "Account", null, false), List.of(), 0, 50, false), access).toUpperCase(Locale.ROOT);
    assertTrue(others.contains("FROM SYSUSRDEALRIGHT"), "a subquery over it counts only readable records: " + others);
    assertTrue(sql(platform, new Select("UsrDeal", List.of(Select.Column.path("Name")), null, List.of(), 0, 50, false),
        RecordAccess.ALL).toUpperCase(Locale.ROOT).indexOf("RIGHT") < 0, "the server's own reads are not narrowed");
    String display = sql(platform, new Select("Case", List.of(Select.Column.path("Number"), Select.Column.path("Deal")), null,
        List.of(), 0, 50, false), access).toUpperCase(Locale.ROOT);
    assertTrue(display.matches("(?s).*CASE WHEN EXISTS \\(SELECT.*SYSUSRDEALRIGHT.*THEN .*NAME.*"),
        "a lookup's display value only from a record the caller may read: " + display);
  }
}
