package dev.atrium.common.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.metadata.ColumnPlan;
import dev.atrium.common.metadata.ColumnType;
import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.metadata.ObjectModel;
import dev.atrium.common.metadata.ObjectOptions;
import dev.atrium.common.metadata.SchemaDdl;
import dev.atrium.common.query.Expr;
import dev.atrium.common.query.Expr.Path;
import dev.atrium.common.query.Expr.Value;
import dev.atrium.common.query.Filter;
import dev.atrium.common.query.Filter.Comparison;
import dev.atrium.common.query.LookupValue;
import dev.atrium.common.query.QueryLimits;
import dev.atrium.common.query.Select;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.persistence.jpa.dynamic.JPADynamicHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query layer and record writes on real EclipseLink over an in-memory H2, with tables made by
 * the object designer's own DDL path and entity types built from the metadata at run time.
 */
class RecordStoreTest {

  private static final String URL = "jdbc:h2:mem:records;DB_CLOSE_DELAY=-1";
  private static final UUID ME = UUID.randomUUID();
  private static Connection keepAlive;
  private static EntityManagerFactory emf;
  private static RecordStore store;
  private static UUID northwind;
  private static UUID contoso;
  private static UUID alice;

  @BeforeAll
  static void setUp() throws Exception {
    keepAlive = DriverManager.getConnection(URL);
    ClassLoader loader = RecordStoreTest.class.getClassLoader();
    SchemaDdl.apply(keepAlive, "account", "test", SchemaDdl.createObject("Account", List.of(
        plan("Name", ColumnType.TEXT, true, null), plan("Revenue", ColumnType.MONEY, false, null))), loader);
    SchemaDdl.apply(keepAlive, "contact", "test", SchemaDdl.createObject("Contact", List.of(
        plan("Name", ColumnType.TEXT, true, null), plan("Account", ColumnType.LOOKUP, false, "Account"),
        plan("Age", ColumnType.INTEGER, false, null), plan("BirthDate", ColumnType.DATE, false, null),
        plan("Active", ColumnType.BOOLEAN, false, null))), loader);
    SchemaDdl.apply(keepAlive, "account-owner", "test",
        SchemaDdl.addColumns("Account", List.of(plan("Owner", ColumnType.LOOKUP, false, "Contact"))), loader);
    SchemaDdl.apply(keepAlive, "task", "test", SchemaDdl.createObject("Task", List.of(
        plan("Name", ColumnType.TEXT, true, null), plan("Priority", ColumnType.INTEGER, true, null),
        plan("Active", ColumnType.BOOLEAN, false, null), plan("Owner", ColumnType.LOOKUP, false, "Contact"))), loader);
    emf = Persistence.createEntityManagerFactory("atrium-records-test",
        Map.of("jakarta.persistence.jdbc.url", URL, "jakarta.persistence.jdbc.driver", "org.h2.Driver"));
    store = new RecordStore(EntityTypes.register(model(false), new JPADynamicHelper(emf)), QueryLimits.DEFAULTS);

    northwind = inTx(em -> store.insert(em, "account", values("Name", "Northwind", "Revenue", "1250000.50"), ME));
    contoso = inTx(em -> store.insert(em, "Account", values("Name", "Contoso 100%_off", "Revenue", 300), ME));
    alice = inTx(em -> store.insert(em, "Contact", values("Name", "Alice", "AccountId", northwind.toString(), "Age", 34,
        "BirthDate", "1990-05-01", "Active", true), ME));
    inTx(em -> store.insert(em, "Contact", values("name", "Bob", "Account", northwind, "Age", 51, "Active", false), ME));
    inTx(em -> store.insert(em, "Contact", values("Name", "Carla", "Account", contoso, "Age", 29), ME));
    inTx(em -> store.insert(em, "Contact", values("Name", "Dmitri"), ME));
    inTx(em -> store.update(em, "Account", northwind, values("Owner", alice), ME, null));
  }

  @AfterAll
  static void tearDown() throws Exception {
    emf.close();
    keepAlive.close();
  }

  @Test
  void pathsThroughLookupsAreOuterJoinsAndLookupsComeWithTheirDisplayValue() {
    List<Map<String, Object>> rows = select(new Select("Contact",
        List.of(Select.Column.path("Name"), Select.Column.path("Account"), Select.Column.path("Account.Owner.Name")),
        null, List.of(new Select.Order(Path.of("Name"), false)), 0, 50, false));
    assertEquals(List.of("Alice", "Bob", "Carla", "Dmitri"), rows.stream().map(r -> r.get("Name")).toList());
    assertEquals(new LookupValue(northwind, "Northwind"), rows.get(0).get("Account"));
    assertEquals("Alice", rows.get(1).get("Account.Owner.Name"));
    assertEquals(null, rows.get(3).get("Account"), "a contact without an account is still listed");
  }

  @Test
  void filtersCompareTypedValuesAndGroupThem() {
    assertEquals(List.of("Bob"), names(new Filter.Compare(Path.of("Age"), Comparison.GREATER, new Value("50"))));
    assertEquals(List.of("Alice", "Bob"), names(new Filter.Compare(Path.of("Account.Name"), Comparison.EQUAL, new Value("Northwind"))));
    assertEquals(List.of("Alice", "Carla"), names(new Filter.Between(Path.of("Age"), new Value(20), new Value(40))));
    assertEquals(List.of("Carla", "Dmitri"), names(new Filter.Group(false, List.of(
        new Filter.IsNull(Path.of("Active"), false), new Filter.Compare(Path.of("Name"), Comparison.EQUAL, new Value("Nobody"))))));
    assertEquals(List.of("Bob", "Carla"), names(new Filter.In(Path.of("Name"), List.of(new Value("Bob"), new Value("Carla")), false)));
    assertEquals(List.of(), names(new Filter.In(Path.of("Name"), List.of(), false)));
    assertEquals(List.of("Alice", "Bob"), names(new Filter.Compare(Path.of("AccountId"), Comparison.EQUAL, new Value(northwind.toString()))));
    assertEquals(List.of("Alice"), names(new Filter.Compare(Path.of("BirthDate"), Comparison.LESS, new Value(LocalDate.of(2000, 1, 1)))));
    assertEquals(List.of("Alice", "Bob", "Carla"), names(new Filter.Not(new Filter.IsNull(Path.of("Account"), false))));
  }

  @Test
  void textMatchingTreatsWildcardsInTheValueAsText() {
    assertEquals(List.of("Carla"), names(new Filter.Compare(Path.of("Account.Name"), Comparison.CONTAINS, new Value("100%_"))));
    assertEquals(List.of(), names(new Filter.Compare(Path.of("Account.Name"), Comparison.CONTAINS, new Value("0_%"))));
    assertEquals(List.of("Alice"), names(new Filter.Compare(Path.of("Name"), Comparison.STARTS_WITH, new Value("Al"))));
    assertEquals(List.of("Bob", "Carla", "Dmitri"), names(new Filter.Compare(Path.of("Name"), Comparison.NOT_STARTS_WITH, new Value("Al"))));
    assertEquals(List.of("Carla"), names(new Filter.Compare(new Expr.Call(Expr.Function.TOLOWER, List.of(Path.of("Name"))),
        Comparison.ENDS_WITH, new Value("rla"))));
  }

  @Test
  void backReferencesFilterAndAggregate() {
    Filter hasYoungContact = new Filter.Exists("Contact", "Account",
        new Filter.Compare(Path.of("Age"), Comparison.LESS, new Value(30)), false);
    List<Map<String, Object>> rows = store.types().model().object("Account").isPresent() ? select(new Select("Account",
        List.of(Select.Column.path("Name"), new Select.Column("Contacts",
            new Expr.Aggregate(Expr.AggregateFunction.COUNT, "Contact", "Account", null, null), false)),
        null, List.of(new Select.Order(Path.of("Name"), false)), 0, 10, false)) : List.of();
    assertEquals("Contoso 100%_off", rows.get(0).get("Name"));
    assertEquals(1L, ((Number) rows.get(0).get("Contacts")).longValue());
    assertEquals(2L, ((Number) rows.get(1).get("Contacts")).longValue());
    assertEquals(List.of("Contoso 100%_off"), select(new Select("Account", List.of(Select.Column.path("Name")), hasYoungContact,
        List.of(), 0, 10, false)).stream().map(r -> r.get("Name")).toList());
  }

  @Test
  void groupedQueriesAggregateTheRootRecords() {
    List<Map<String, Object>> rows = select(new Select("Contact", List.of(Select.Column.path("Account.Name"),
        new Select.Column("Count", new Expr.Aggregate(Expr.AggregateFunction.COUNT, null, null, null, null), false),
        new Select.Column("MaxAge", new Expr.Aggregate(Expr.AggregateFunction.MAX, null, null, Path.of("Age"), null), false)),
        new Filter.Not(new Filter.IsNull(Path.of("Account"), false)), List.of(new Select.Order(Path.of("Account.Name"), false)),
        0, 10, false));
    assertEquals(2, rows.size());
    assertEquals(List.of("Contoso 100%_off", 1L, 29), List.of(rows.get(0).get("Account.Name"),
        ((Number) rows.get(0).get("Count")).longValue(), ((Number) rows.get(0).get("MaxAge")).intValue()));
    assertEquals(List.of("Northwind", 2L, 51), List.of(rows.get(1).get("Account.Name"),
        ((Number) rows.get(1).get("Count")).longValue(), ((Number) rows.get(1).get("MaxAge")).intValue()));
  }

  @Test
  void pagesAreStableAndCounted() {
    List<Object> all = new ArrayList<>();
    for (int skip = 0; skip < 4; skip += 3) {
      select(new Select("Contact", List.of(Select.Column.path("Name")), null,
          List.of(new Select.Order(Path.of("Name"), true)), skip, 3, false)).forEach(r -> all.add(r.get("Name")));
    }
    assertEquals(List.of("Dmitri", "Carla", "Bob", "Alice"), all);
    EntityManager em = emf.createEntityManager();
    assertEquals(4, store.count(em, "Contact", null));
    assertEquals(2, store.count(em, "contact", new Filter.Compare(Path.of("Account.Name"), Comparison.EQUAL, new Value("Northwind"))));
    em.close();
  }

  @Test
  void unknownNamesAndOverLimitQueriesAreRefusedWithStableCodes() {
    assertCode(ErrorCode.UNKNOWN_COLUMN, () -> names(new Filter.Compare(Path.of("Nmae"), Comparison.EQUAL, new Value("x"))));
    assertCode(ErrorCode.UNKNOWN_COLUMN, () -> names(new Filter.Compare(Path.of("Account.Nmae"), Comparison.EQUAL, new Value("x"))));
    assertCode(ErrorCode.QUERY_INVALID, () -> names(new Filter.Compare(Path.of("Name.Length"), Comparison.EQUAL, new Value("x"))));
    assertCode(ErrorCode.UNKNOWN_COLUMN, () -> select(new Select("Nothing", List.of(Select.Column.path("Name")), null, List.of(), 0, 1, false)));
    assertCode(ErrorCode.VALIDATION_FAILED, () -> names(new Filter.Compare(Path.of("Age"), Comparison.EQUAL, new Value("old"))));
    assertCode(ErrorCode.QUERY_LIMIT_EXCEEDED, () -> select(new Select("Contact", List.of(Select.Column.path("Name")), null, List.of(), 0, 20_001, false)));
    List<Filter> many = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      many.add(new Filter.Compare(Path.of("Name"), Comparison.EQUAL, new Value("n" + i)));
    }
    assertCode(ErrorCode.QUERY_LIMIT_EXCEEDED, () -> names(new Filter.Group(false, many)));
    assertCode(ErrorCode.QUERY_LIMIT_EXCEEDED, () -> names(new Filter.Compare(
        Path.of("Account.Owner.Account.Owner.Account.Name"), Comparison.EQUAL, new Value("x"))));
  }

  @Test
  void writesCheckEveryValueFirstAndChangeNothingWhenOneIsWrong() {
    AtriumException e = assertThrows(AtriumException.class, () -> inTx(em -> store.insert(em, "Contact",
        values("Age", "old", "CreatedOn", "2020-01-01", "BirthDate", "someday"), ME)));
    assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
    assertEquals(List.of("Age", "CreatedOn", "BirthDate", "Name"), e.fieldErrors().stream().map(f -> f.field()).toList());
    assertCode(ErrorCode.UNKNOWN_REFERENCE, () -> inTx(em -> store.insert(em, "Contact", values("Name", "Eve", "Account", UUID.randomUUID()), ME)));
    assertCode(ErrorCode.UNKNOWN_COLUMN, () -> inTx(em -> store.insert(em, "Contact", values("Name", "Eve", "Shoe", 42), ME)));
    assertCode(ErrorCode.VALIDATION_FAILED, () -> inTx(em -> store.insert(em, "Contact", values("Name", "x".repeat(251)), ME)));
    assertCode(ErrorCode.CONFLICT, () -> inTx(em -> store.insert(em, "Contact", values("Id", alice, "Name", "Alice again"), ME)));
    assertCode(ErrorCode.RECORD_IN_USE, () -> inTx(em -> store.delete(em, "Account", northwind, null, null)));
    assertEquals(4, names(null).size());
  }

  @Test
  void updatesHonourEntityTags() {
    UUID id = inTx(em -> store.insert(em, "Contact", values("Name", "Tagged"), ME));
    String tag = inTx(em -> RecordStore.tag(store.get(em, "Contact", id).orElseThrow().get("ModifiedOn")));
    assertEquals(Boolean.TRUE, inTx(em -> store.update(em, "Contact", id, values("Age", 40), ME, tag)));
    assertCode(ErrorCode.PRECONDITION_FAILED, () -> inTx(em -> store.update(em, "Contact", id, values("Age", 41), ME, tag)));
    Map<String, Object> now = inTx(em -> store.get(em, "Contact", id).orElseThrow());
    assertEquals(40, now.get("Age"));
    assertNotEquals(tag, RecordStore.tag(now.get("ModifiedOn")));
    assertEquals(ME, now.get("ModifiedById"));
    assertEquals(Boolean.TRUE, inTx(em -> store.delete(em, "Contact", id, RecordStore.tag(now.get("ModifiedOn")), null)));
    assertEquals(Boolean.FALSE, inTx(em -> store.delete(em, "Contact", id, null, null)));
  }

  @Test
  void aNewModelGetsNewTypesWhileTheOldOnesStillWork() throws Exception {
    SchemaDdl.apply(keepAlive, "contact-nick", "test",
        SchemaDdl.addColumns("Contact", List.of(plan("Nickname", ColumnType.SHORT_TEXT, false, null))), getClass().getClassLoader());
    RecordStore next = new RecordStore(EntityTypes.register(model(true), new JPADynamicHelper(emf)), QueryLimits.DEFAULTS);
    inTx(em -> next.update(em, "Contact", alice, values("Nickname", "Ali"), ME, null));
    EntityManager em = emf.createEntityManager();
    assertEquals("Ali", next.get(em, "Contact", alice).orElseThrow().get("Nickname"));
    assertEquals("Alice", store.get(em, "Contact", alice).orElseThrow().get("Name"));
    em.close();
  }

  @Test
  void aNewRecordGetsTheDefaultsOfWhatItLeavesOutAndItsCreatorAsOwner() {
    UUID task = inTx(em -> store.insert(em, "Task", values("Name", "Call back"), alice));
    Map<String, Object> row = inTx(em -> store.get(em, "Task", task)).orElseThrow();
    assertEquals(3, row.get("Priority"), "the column's default");
    assertEquals(true, row.get("Active"));
    assertEquals(alice, row.get("OwnerId"), "owned by the contact of whoever created it");

    UUID given = inTx(em -> store.insert(em, "Task", values("Name", "Urgent", "priority", 1, "Active", null,
        "OwnerId", northwindContact()), alice));
    Map<String, Object> explicit = inTx(em -> store.get(em, "Task", given)).orElseThrow();
    assertEquals(1, explicit.get("Priority"), "a given value wins over the default");
    assertEquals(null, explicit.get("Active"), "so does a given null");
    assertEquals(northwindContact(), explicit.get("OwnerId"));

    UUID system = inTx(em -> store.insert(em, "Task", values("Name", "By a job"), null));
    assertEquals(null, inTx(em -> store.get(em, "Task", system)).orElseThrow().get("OwnerId"), "no creator, no owner");
    inTx(em -> {
      store.update(em, "Task", task, values("Priority", 7), alice, null);
      return null;
    });
    assertEquals(true, inTx(em -> store.get(em, "Task", task)).orElseThrow().get("Active"), "defaults apply to new records only");
  }

  private static UUID northwindContact() {
    return (UUID) select(new Select("Contact", List.of(Select.Column.path("Id")),
        new Filter.Compare(Path.of("Name"), Comparison.EQUAL, new Value("Bob")), List.of(), 0, 1, false)).get(0).get("Id");
  }

  private static ObjectModel model(boolean withNickname) {
    List<EntityField> contact = new ArrayList<>(List.of(field("Name", ColumnType.TEXT, true, null),
        field("Account", ColumnType.LOOKUP, false, "Account"), field("Age", ColumnType.INTEGER, false, null),
        field("BirthDate", ColumnType.DATE, false, null), field("Active", ColumnType.BOOLEAN, false, null)));
    if (withNickname) {
      contact.add(field("Nickname", ColumnType.SHORT_TEXT, false, null));
    }
    return new ObjectModel(List.of(
        new EntityModel("Account", "Account", "Name", 1, false, List.of(field("Name", ColumnType.TEXT, true, null),
            field("Revenue", ColumnType.MONEY, false, null), field("Owner", ColumnType.LOOKUP, false, "Contact"))),
        new EntityModel("Contact", "Contact", "Name", withNickname ? 2 : 1, false, contact),
        new EntityModel("Task", "Task", "Name", 1, false, new ObjectOptions("Owner", false, false, false, false, null, null), List.of(
            field("Name", ColumnType.TEXT, true, null),
            new EntityField("Priority", "Priority", "Priority", ColumnType.INTEGER, true, false, null, false, 3),
            new EntityField("Active", "Active", "Active", ColumnType.BOOLEAN, false, false, null, false, true),
            field("Owner", ColumnType.LOOKUP, false, "Contact")))));
  }

  private static EntityField field(String name, ColumnType type, boolean required, String reference) {
    return new EntityField(name, type.columnName(name), name, type, required, false, reference, false);
  }

  private static ColumnPlan plan(String name, ColumnType type, boolean required, String reference) {
    return new ColumnPlan(type.columnName(name), type, required, false, false, reference);
  }

  private static Map<String, Object> values(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static List<Object> names(Filter filter) {
    return select(new Select("Contact", List.of(Select.Column.path("Name")), filter,
        List.of(new Select.Order(Path.of("Name"), false)), 0, 100, false)).stream().map(r -> r.get("Name")).toList();
  }

  private static List<Map<String, Object>> select(Select select) {
    EntityManager em = emf.createEntityManager();
    try {
      return store.select(em, select);
    } finally {
      em.close();
    }
  }

  private static <T> T inTx(Function<EntityManager, T> work) {
    return TestAccess.inTx(emf, work);
  }

  private static void assertCode(ErrorCode code, Runnable call) {
    AtriumException e = assertThrows(AtriumException.class, call::run);
    assertEquals(code, e.code(), e.getMessage());
  }

}
