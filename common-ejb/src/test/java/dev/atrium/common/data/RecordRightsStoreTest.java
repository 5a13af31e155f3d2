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
  private static Connection keepAlive;
  private static EntityManagerFactory emf;
  private static RecordStore store;

  @BeforeAll
  static void setUp() throws Exception {
    keepAlive = DriverManager.getConnection(URL);
    ClassLoader loader = RecordRightsStoreTest.class.getClassLoader();
    keepAlive.createStatement().execute("CREATE TABLE SysAdminUnit (Id UUID PRIMARY KEY, ContactId UUID)");
    try (PreparedStatement s = keepAlive.prepareStatement("INSERT INTO SysAdminUnit (Id, ContactId) VALUES (?, ?)")) {
      for (UUID[] user : new UUID[][] {{ANN, ANN_CONTACT}, {BOB, BOB_CONTACT}}) {
        s.setObject(1, user[0]);
        s.setObject(2, user[1]);
        s.executeUpdate();
      }
    }
    SchemaDdl.apply(keepAlive, "contact", "test", SchemaDdl.createObject("Contact", List.of(
        new ColumnPlan("Name", ColumnType.TEXT, true, false, false, null))), loader);
    SchemaDdl.apply(keepAlive, "deal", "test", SchemaDdl.createObject("UsrDeal", List.of(
        new ColumnPlan("Name", ColumnType.TEXT, true, false, false, null),
        new ColumnPlan("OwnerId", ColumnType.LOOKUP, false, false, false, "Contact"))), loader);
    SchemaDdl.apply(keepAlive, "deal-rights", "test", SchemaDdl.createRecordRights("UsrDeal"), loader);
    SchemaDdl.apply(keepAlive, "note", "test", SchemaDdl.createObject("UsrNote", List.of(
        new ColumnPlan("Name", ColumnType.TEXT, true, false, false, null),
        new ColumnPlan("DealId", ColumnType.LOOKUP, false, false, false, "UsrDeal"))), loader);
    emf = Persistence.createEntityManagerFactory("atrium-records-test",
        Map.of("jakarta.persistence.jdbc.url", URL, "jakarta.persistence.jdbc.driver", "org.h2.Driver"));
    ObjectModel model = new ObjectModel(List.of(
        new EntityModel("Contact", "Contact", "Name", 1, false, List.of(field("Name", ColumnType.TEXT, null))),
        new EntityModel("UsrDeal", "Deal", "Name", 1, false, new ObjectOptions("Owner", false, true, false, false, null),
            List.of(field("Name", ColumnType.TEXT, null), field("Owner", ColumnType.LOOKUP, "Contact"))),
        new EntityModel("UsrNote", "Note", "Name", 1, false,
            List.of(field("Name", ColumnType.TEXT, null), field("Deal", ColumnType.LOOKUP, "UsrDeal")))));
    store = new RecordStore(EntityTypes.register(model, new JPADynamicHelper(emf)), QueryLimits.DEFAULTS);
    inTx(em -> store.insert(em, "Contact", Map.of("Id", ANN_CONTACT, "Name", "Ann"), null));
    inTx(em -> store.insert(em, "Contact", Map.of("Id", BOB_CONTACT, "Name", "Bob"), null));
    // made before the rights: Ann's own, Bob's own, and one of Ann's owned by Bob
    inTx(em -> store.insert(em, "UsrDeal", Map.of("Name", "ann"), ANN_CONTACT));
    inTx(em -> store.insert(em, "UsrDeal", Map.of("Name", "bob"), BOB_CONTACT));
    inTx(em -> store.insert(em, "UsrDeal", Map.of("Name", "ann-for-bob", "OwnerId", BOB_CONTACT), ANN_CONTACT));
  }

  @AfterAll
  static void tearDown() throws Exception {
    emf.close();
    keepAlive.close();
  }

  private static EntityField field(String name, ColumnType type, String reference) {
    return new EntityField(name, type.columnName(name), name, type, false, false, reference, false);
  }

  /** A caller whose units are the user alone, with every object and column open. */
  private static RecordStore as(UUID user) {
    return store.as(TestAccess.of(o -> true, (o, f) -> true, List.of(user)));
  }

  private static List<Object> names(RecordStore s) {
    return inTx(em -> s.select(em, new Select("UsrDeal", List.of(Select.Column.path("Name")), null,
        List.of(new Select.Order(Path.of("Name"), false)), 0, 100, false)).stream().map(r -> r.get("Name")).toList());
  }

  private static UUID id(String name) {
    return (UUID) inTx(em -> store.select(em, new Select("UsrDeal", List.of(Select.Column.path("Id")),
        new dev.atrium.common.query.Filter.Compare(Path.of("Name"), dev.atrium.common.query.Filter.Comparison.EQUAL,
            new dev.atrium.common.query.Expr.Value(name)), List.of(), 0, 1, false)).get(0).get("Id"));
  }

  @Test
  void defaultRightsInSqlGiveEachRecordItsAuthorAndOwnerAndReadsJoinThem() {
    // 3 records x 3 operations for the authors, 3 more for Bob as the owner of Ann's record (his own he has)
    assertEquals(Integer.valueOf(12), inTx(em -> RecordStore.defaultRights(em, "UsrDeal", "OwnerId")));
    assertEquals(Integer.valueOf(0), inTx(em -> RecordStore.defaultRights(em, "UsrDeal", "OwnerId")), "run again, nothing is missing");
    assertEquals(List.of("ann", "ann-for-bob"), names(as(ANN)));
    assertEquals(List.of("ann-for-bob", "bob"), names(as(BOB)));
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
    assertEquals(Boolean.FALSE, inTx(em -> as(ANN).delete(em, "UsrDeal", bobs, null)));
    assertEquals(Integer.valueOf(0), inTx(em -> as(ANN).deleteWhere(em, "UsrDeal", new dev.atrium.common.query.Filter.Compare(
        Path.of("Name"), dev.atrium.common.query.Filter.Comparison.EQUAL, new dev.atrium.common.query.Expr.Value("bob")))));

    // read but not change: 403
    UUID shared = id("ann-for-bob");
    inTx(em -> em.createNativeQuery("DELETE FROM " + RecordRightsTable.of("UsrDeal") + " WHERE RecordId = '" + shared
        + "' AND SysAdminUnitId = '" + BOB + "' AND Operation = 1").executeUpdate());
    AtriumException refused = assertThrows(AtriumException.class,
        () -> inTx(em -> as(BOB).update(em, "UsrDeal", shared, Map.of("Name", "mine"), BOB_CONTACT, null)));
    assertEquals(ErrorCode.ACCESS_DENIED, refused.code());

    // the owner's rights move with the owner; the author's stay
    inTx(em -> {
      store.revoke(em, "UsrDeal", shared, RecordRightsTable.SOURCE_OWNER);
      store.grant(em, "UsrDeal", shared, List.of(ANN), RecordRightsTable.SOURCE_OWNER);
      return null;
    });
    assertEquals(List.of("bob"), names(as(BOB)));
    assertEquals(List.of("ann", "ann-for-bob"), names(as(ANN)));
  }

  private static <T> T inTx(Function<EntityManager, T> work) {
    return TestAccess.inTx(emf, work);
  }
}
