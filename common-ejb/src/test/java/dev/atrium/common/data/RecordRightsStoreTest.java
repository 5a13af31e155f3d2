package dev.atrium.common.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.metadata.ColumnPlan;
import dev.atrium.common.metadata.ColumnType;
import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.metadata.ObjectModel;
import dev.atrium.common.metadata.ObjectOptions;
import dev.atrium.common.metadata.RecordRightsTable;
import dev.atrium.common.metadata.SchemaDdl;
import dev.atrium.common.query.Expr.Path;
import dev.atrium.common.query.LookupValue;
import dev.atrium.common.query.QueryLimits;
import dev.atrium.common.query.Select;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.persistence.jpa.dynamic.JPADynamicHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Record permissions in the record layer on real EclipseLink over an in-memory H2 (the second
 * DBMS that runs here, beside PostgreSQL in the ITs): the default rights in SQL, the semi-join on
 * reads and counts, and the refusals of changes, with the rights table made by the designer's DDL.
 */
class RecordRightsStoreTest {

  private static final String URL = "jdbc:h2:mem:record-rights;DB_CLOSE_DELAY=-1";
  private static final UUID ANN = UUID.randomUUID();
  private static final UUID BOB = UUID.randomUUID();
  private static final UUID ANN_CONTACT = UUID.randomUUID();
  private static final UUID BOB_CONTACT = UUID.randomUUID();
  // Sales (a division) with its manager role and a team; Carl manages Sales, Ann works in its team
  private static final UUID SALES = UUID.randomUUID();
  private static final UUID SALES_MANAGERS = UUID.randomUUID();
  private static final UUID TEAM = UUID.randomUUID();
  private static final UUID AUDITORS = UUID.randomUUID();
  private static final UUID CARL = UUID.randomUUID();
  private static final UUID DORA = UUID.randomUUID();
  private static final UUID TASK_SCHEMA = UUID.randomUUID();
  private static Connection keepAlive;
  private static EntityManagerFactory emf;
  private static RecordStore store;

  @BeforeAll
  static void setUp() throws Exception {
    keepAlive = DriverManager.getConnection(URL);
    ClassLoader loader = RecordRightsStoreTest.class.getClassLoader();
    for (String table : List.of(
        "CREATE TABLE SysAdminUnit (Id UUID PRIMARY KEY, ContactId UUID, TypeValue INT NOT NULL, ParentRoleId UUID)",
        "CREATE TABLE SysAdminUnitInRole (SysAdminUnitId UUID NOT NULL, SysAdminUnitRoleId UUID NOT NULL)",
        "CREATE TABLE SysSchema (Id UUID PRIMARY KEY, Name VARCHAR(250) NOT NULL)",
        "CREATE TABLE SysRecordOperation (Code INT PRIMARY KEY)",
        "INSERT INTO SysRecordOperation VALUES (0), (1), (2)",
        "CREATE TABLE SysEntitySchemaRecordDefRight (SysSchemaId UUID NOT NULL, AuthorSysAdminUnitId UUID NOT NULL,"
            + " GranteeSysAdminUnitId UUID NOT NULL, Operation INT NOT NULL, RightLevel INT NOT NULL)")) {
      keepAlive.createStatement().execute(table);
    }
    sql("INSERT INTO SysSchema VALUES (?, ?)", TASK_SCHEMA, "UsrTask");
    for (Object[] unit : new Object[][] {{ANN, ANN_CONTACT, 4, null}, {BOB, BOB_CONTACT, 4, null}, {CARL, null, 4, null},
        {DORA, null, 4, null}, {SALES, null, 1, null}, {SALES_MANAGERS, null, 2, SALES}, {TEAM, null, 3, SALES},
        {AUDITORS, null, 6, null}}) {
      sql("INSERT INTO SysAdminUnit (Id, ContactId, TypeValue, ParentRoleId) VALUES (?, ?, ?, ?)", unit);
    }
    for (UUID[] held : new UUID[][] {{ANN, TEAM}, {ANN, SALES}, {CARL, SALES_MANAGERS}, {CARL, SALES}, {DORA, AUDITORS}}) {
      sql("INSERT INTO SysAdminUnitInRole VALUES (?, ?)", (Object[]) held);
    }
    SchemaDdl.apply(keepAlive, "contact", "test", SchemaDdl.createObject("Contact", List.of(
        new ColumnPlan("Name", ColumnType.TEXT, true, false, false, null))), loader);
    SchemaDdl.apply(keepAlive, "deal", "test", SchemaDdl.createObject("UsrDeal", List.of(
        new ColumnPlan("Name", ColumnType.TEXT, true, false, false, null),
        new ColumnPlan("OwnerId", ColumnType.LOOKUP, false, false, false, "Contact"))), loader);
    SchemaDdl.apply(keepAlive, "deal-rights", "test", SchemaDdl.createRecordRights("UsrDeal"), loader);
    SchemaDdl.apply(keepAlive, "task", "test", SchemaDdl.createObject("UsrTask", List.of(
        new ColumnPlan("Name", ColumnType.TEXT, true, false, false, null))), loader);
    SchemaDdl.apply(keepAlive, "task-rights", "test", SchemaDdl.createRecordRights("UsrTask"), loader);
    SchemaDdl.apply(keepAlive, "note", "test", SchemaDdl.createObject("UsrNote", List.of(
        new ColumnPlan("Name", ColumnType.TEXT, true, false, false, null),
        new ColumnPlan("DealId", ColumnType.LOOKUP, false, false, false, "UsrDeal"))), loader);
    emf = Persistence.createEntityManagerFactory("atrium-records-test",
        Map.of("jakarta.persistence.jdbc.url", URL, "jakarta.persistence.jdbc.driver", "org.h2.Driver"));
    ObjectModel model = new ObjectModel(List.of(
        new EntityModel("Contact", "Contact", "Name", 1, false, List.of(field("Name", ColumnType.TEXT, null))),
        new EntityModel("UsrDeal", "Deal", "Name", 1, false, new ObjectOptions("Owner", false, true, false, false, null, null),
            List.of(field("Name", ColumnType.TEXT, null), field("Owner", ColumnType.LOOKUP, "Contact"))),
        new EntityModel("UsrTask", "Task", "Name", 1, false, new ObjectOptions(null, false, true, false, false, null, null),
            List.of(field("Name", ColumnType.TEXT, null))),
        new EntityModel("UsrNote", "Note", "Name", 1, false,
            List.of(field("Name", ColumnType.TEXT, null), field("Deal", ColumnType.LOOKUP, "UsrDeal")))));
    store = new RecordStore(EntityTypes.register(model, new JPADynamicHelper(emf)), QueryLimits.DEFAULTS);
    inTx(em -> store.insert(em, "Contact", Map.of("Id", ANN_CONTACT, "Name", "Ann"), null));
    inTx(em -> store.insert(em, "Contact", Map.of("Id", BOB_CONTACT, "Name", "Bob"), null));
    // Ann's own, Bob's own, and one of Ann's owned by Bob; then their rights go, as for records made
    // before record permissions were switched on
    inTx(em -> store.insert(em, "UsrDeal", Map.of("Name", "ann"), ANN_CONTACT));
    inTx(em -> store.insert(em, "UsrDeal", Map.of("Name", "bob"), BOB_CONTACT));
    inTx(em -> store.insert(em, "UsrDeal", Map.of("Name", "ann-for-bob", "OwnerId", BOB_CONTACT), ANN_CONTACT));
    inTx(em -> em.createNativeQuery("DELETE FROM " + RecordRightsTable.of("UsrDeal")).executeUpdate());
  }

  private static void sql(String statement, Object... values) throws Exception {
    try (PreparedStatement s = keepAlive.prepareStatement(statement)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  @AfterAll
  static void tearDown() throws Exception {
    emf.close();
    keepAlive.close();
  }

  private static EntityField field(String name, ColumnType type, String reference) {
    return new EntityField(name, type.columnName(name), name, type, false, false, reference, false);
  }

  /** A caller whose units are the user and the roles they hold, with every object and column open. */
  private static RecordStore as(UUID... units) {
    return store.as(TestAccess.of(o -> true, (o, f) -> true, List.of(units)));
  }

  private static List<Object> names(RecordStore s) {
    return names(s, "UsrDeal");
  }

  private static List<Object> names(RecordStore s, String object) {
    return inTx(em -> s.select(em, new Select(object, List.of(Select.Column.path("Name")), null,
        List.of(new Select.Order(Path.of("Name"), false)), 0, 100, false)).stream().map(r -> r.get("Name")).toList());
  }

  private static UUID id(String name) {
    return (UUID) inTx(em -> store.select(em, new Select("UsrDeal", List.of(Select.Column.path("Id")),
        new dev.atrium.common.query.Filter.Compare(Path.of("Name"), dev.atrium.common.query.Filter.Comparison.EQUAL,
            new dev.atrium.common.query.Expr.Value(name)), List.of(), 0, 1, false)).get(0).get("Id"));
  }

  @Test
  void defaultRightsInSqlGiveEachRecordItsAuthorAndOwnerAndReadsJoinThem() {
    // 3 records x 3 operations for the authors, 3 more for Bob as the owner of Ann's record (his own he has),
    // 2 x 3 for the managers of Sales, where Ann works
    assertEquals(Integer.valueOf(18), inTx(em -> RecordStore.defaultRights(em, "UsrDeal", "OwnerId", null, false)));
    assertEquals(Integer.valueOf(0), inTx(em -> RecordStore.defaultRights(em, "UsrDeal", "OwnerId", null, false)),
        "run again, nothing is missing");
    assertEquals(List.of("ann", "ann-for-bob"), names(as(ANN, TEAM, SALES)));
    assertEquals(List.of("ann-for-bob", "bob"), names(as(BOB)));
    assertEquals(List.of("ann", "ann-for-bob"), names(as(CARL, SALES_MANAGERS, SALES)), "the manager of Ann's division");
    assertEquals(List.of(), names(as(SALES)), "not the division itself");
    assertEquals(List.of(), names(as(UUID.randomUUID())));
    assertEquals(Long.valueOf(2), inTx(em -> as(ANN).count(em, "UsrDeal", null)), "a count counts only what one may read");
    assertEquals(List.of("ann", "ann-for-bob", "bob"), names(store), "the server's own reads see everything");

    // a lookup to a record one may not read keeps its id but shows no display value
    UUID bobsDeal = id("bob");
    inTx(em -> store.insert(em, "UsrNote", Map.of("Name", "about bob's", "DealId", bobsDeal), ANN_CONTACT));
    Select notes = new Select("UsrNote", List.of(Select.Column.path("Name"), Select.Column.path("Deal")), null, List.of(), 0, 10, false);
    assertEquals(new LookupValue(bobsDeal, "bob"), inTx(em -> as(BOB).select(em, notes)).get(0).get("Deal"));
    assertEquals(new LookupValue(bobsDeal, null), inTx(em -> as(ANN).select(em, notes)).get(0).get("Deal"));
    Select byDealName = new Select("UsrNote", List.of(Select.Column.path("Name"), Select.Column.path("Deal.Name")),
        new dev.atrium.common.query.Filter.Compare(Path.of("Deal.Name"), dev.atrium.common.query.Filter.Comparison.EQUAL,
            new dev.atrium.common.query.Expr.Value("bob")), List.of(), 0, 10, false);
    assertEquals("bob", inTx(em -> as(BOB).select(em, byDealName)).get(0).get("Deal.Name"));
    assertEquals(List.of(), inTx(em -> as(ANN).select(em, byDealName)), "a filter cannot probe it through the lookup");
    assertEquals(null, inTx(em -> as(ANN).select(em, new Select("UsrNote", List.of(Select.Column.path("Deal.Name")), null,
        List.of(), 0, 10, false))).get(0).get("Deal.Name"), "nor a path show it");

    UUID bobs = id("bob");
    assertEquals(Boolean.FALSE, inTx(em -> as(ANN).update(em, "UsrDeal", bobs, Map.of("Name", "taken"), ANN_CONTACT, null)),
        "a record one may not read is not there");
    assertEquals(Boolean.FALSE, inTx(em -> as(ANN).delete(em, "UsrDeal", bobs, null, null)));
    assertEquals(Integer.valueOf(0), inTx(em -> as(ANN).deleteWhere(em, "UsrDeal", new dev.atrium.common.query.Filter.Compare(
        Path.of("Name"), dev.atrium.common.query.Filter.Comparison.EQUAL, new dev.atrium.common.query.Expr.Value("bob")), null)));

    // read but not change: 403
    UUID shared = id("ann-for-bob");
    inTx(em -> em.createNativeQuery("DELETE FROM " + RecordRightsTable.of("UsrDeal") + " WHERE RecordId = '" + shared
        + "' AND SysAdminUnitId = '" + BOB + "' AND Operation = 1").executeUpdate());
    AtriumException refused = assertThrows(AtriumException.class,
        () -> inTx(em -> as(BOB).update(em, "UsrDeal", shared, Map.of("Name", "mine"), BOB_CONTACT, null)));
    assertEquals(ErrorCode.ACCESS_DENIED, refused.code());

    // the owner's rights move with the owner (the change recomputes the record's defaults); the author's stay
    inTx(em -> store.update(em, "UsrDeal", shared, Map.of("Owner", ANN_CONTACT), ANN_CONTACT, null));
    assertEquals(List.of("bob"), names(as(BOB)));
    assertEquals(List.of("ann", "ann-for-bob"), names(as(ANN)));
  }

  @Test
  void rulesGiveRightsByTheAuthorsRoleAndFollowTheirChanges() {
    UUID annsTask = inTx(em -> store.insert(em, "UsrTask", Map.of("Name", "ann's"), ANN_CONTACT));
    inTx(em -> store.insert(em, "UsrTask", Map.of("Name", "bob's"), BOB_CONTACT));
    assertEquals(List.of("ann's"), names(as(ANN), "UsrTask"), "a new record's author gets their rights with it");
    assertEquals(List.of("ann's"), names(as(CARL, SALES_MANAGERS, SALES), "UsrTask"), "and the managers of her division theirs");
    assertEquals(List.of(), names(as(DORA, AUDITORS), "UsrTask"), "no rule yet");

    // what Sales' team writes, the auditors may read
    rule(TEAM, AUDITORS, RecordOperation.READ, RecordRightsTable.GRANTED);
    assertEquals(Integer.valueOf(1), inTx(em -> RecordStore.defaultRights(em, "UsrTask", null, null, false)));
    assertEquals(List.of("ann's"), names(as(DORA, AUDITORS), "UsrTask"));
    assertEquals(List.of(RecordRightsTable.GRANTED), levels(annsTask, AUDITORS));
    AtriumException readOnly = assertThrows(AtriumException.class,
        () -> inTx(em -> as(DORA, AUDITORS).update(em, "UsrTask", annsTask, Map.of("Name", "x"), null, null)));
    assertEquals(ErrorCode.ACCESS_DENIED, readOnly.code());

    // a rule for the user alone, and a second rule raising the level: the highest level wins
    rule(ANN, AUDITORS, RecordOperation.READ, RecordRightsTable.DELEGATE);
    inTx(em -> RecordStore.defaultRights(em, "UsrTask", null, null, false));
    assertEquals(List.of(RecordRightsTable.DELEGATE), levels(annsTask, AUDITORS));

    // a new record of the team gets the rule's right at once
    inTx(em -> store.insert(em, "UsrTask", Map.of("Name", "ann's second"), ANN_CONTACT));
    assertEquals(List.of("ann's", "ann's second"), names(as(DORA, AUDITORS), "UsrTask"));

    // rules removed: the rights they gave go, the author's stay
    inTx(em -> em.createNativeQuery("DELETE FROM SysEntitySchemaRecordDefRight WHERE AuthorSysAdminUnitId = ?1")
        .setParameter(1, ANN).executeUpdate());
    inTx(em -> RecordStore.defaultRights(em, "UsrTask", null, null, false));
    assertEquals(List.of(RecordRightsTable.GRANTED), levels(annsTask, AUDITORS), "back to the team rule's level");
    inTx(em -> em.createNativeQuery("DELETE FROM SysEntitySchemaRecordDefRight").executeUpdate());
    inTx(em -> RecordStore.defaultRights(em, "UsrTask", null, null, false));
    assertEquals(List.of(), names(as(DORA, AUDITORS), "UsrTask"));
    assertEquals(List.of("ann's", "ann's second"), names(as(ANN), "UsrTask"));
    assertEquals(List.of("bob's"), names(as(BOB), "UsrTask"));
  }

  private static void rule(UUID author, UUID grantee, RecordOperation operation, int level) {
    inTx(em -> em.createNativeQuery("INSERT INTO SysEntitySchemaRecordDefRight VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, TASK_SCHEMA).setParameter(2, author).setParameter(3, grantee).setParameter(4, operation.code())
        .setParameter(5, level).executeUpdate());
  }

  @SuppressWarnings("unchecked")
  private static List<Integer> levels(UUID task, UUID grantee) {
    return inTx(em -> ((List<Object>) em.createNativeQuery("SELECT RightLevel FROM " + RecordRightsTable.of("UsrTask")
        + " WHERE RecordId = ?1 AND SysAdminUnitId = ?2").setParameter(1, task).setParameter(2, grantee).getResultList())
        .stream().map(v -> ((Number) v).intValue()).toList());
  }

  private static <T> T inTx(Function<EntityManager, T> work) {
    return TestAccess.inTx(emf, work);
  }
}
