package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /0/rest/objects}: objects created at run time get a real table on PostgreSQL, recorded
 * by Liquibase, and metadata; columns are added and dropped; bad requests change nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ObjectDesignerIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  private final AtriumClient admin = AtriumClient.supervisor();

  private static String uniqueObject(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  /** Column name to PostgreSQL type of a table, as the database has it. */
  private static Map<String, String> columnsOf(String table) throws Exception {
    Map<String, String> columns = new LinkedHashMap<>();
    try (Connection c = TestData.connect(); PreparedStatement s = c.prepareStatement(
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position")) {
      s.setString(1, table.toLowerCase(Locale.ROOT));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1), rs.getString(2) + ("NO".equals(rs.getString(3)) ? " not null" : ""));
        }
      }
    }
    return columns;
  }

  private static long constraints(String table, String type) throws Exception {
    return TestData.count("SELECT COUNT(*) FROM information_schema.table_constraints WHERE table_name = ? AND constraint_type = ?",
        table.toLowerCase(Locale.ROOT), type);
  }

  private JsonObject create(String body) {
    Reply r = admin.api("POST", "/0/rest/objects", body);
    assertEquals(201, r.status(), r.body());
    return r.json();
  }

  @Test
  void anObjectCreatedAtRunTimeGetsItsTableAndMetadata() throws Exception {
    String kind = uniqueObject("UsrKind");
    create("{\"Name\":\"" + kind + "\",\"Columns\":[{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true,\"Unique\":true}]}");
    String project = uniqueObject("UsrProject");
    Reply created = admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + project + "\",\"Caption\":\"Project\",\"Columns\":["
        + "{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true},"
        + "{\"Name\":\"Code\",\"Type\":\"ShortText\",\"Unique\":true},"
        + "{\"Name\":\"Budget\",\"Type\":\"Money\",\"Indexed\":true},"
        + "{\"Name\":\"StartDate\",\"Type\":\"Date\"},"
        + "{\"Name\":\"Active\",\"Type\":\"Boolean\"},"
        + "{\"Name\":\"Notes\",\"Type\":\"RichText\"},"
        + "{\"Name\":\"Kind\",\"Type\":\"lookup\",\"Reference\":\"" + kind.toLowerCase(Locale.ROOT) + "\"},"
        + "{\"Name\":\"Parent\",\"Type\":\"Lookup\",\"Reference\":\"" + project + "\"}]}");
    assertEquals(201, created.status(), created.body());
    assertEquals("/0/rest/objects/" + project, java.net.URI.create(created.header("Location").orElseThrow()).getPath());
    JsonObject object = created.json();
    assertEquals(project, object.getString("Name"));
    assertEquals("Project", object.getString("Caption"));
    assertEquals("Name", object.getString("PrimaryDisplayColumn"), "a Name text column names the records");
    assertEquals(1, object.getInt("Version"));
    JsonObject kindColumn = object.getJsonArray("Columns").getJsonObject(6);
    assertEquals("Kind", kindColumn.getString("Name"));
    assertEquals("KindId", kindColumn.getString("ColumnName"));
    assertEquals(kind, kindColumn.getString("Reference"), "the referenced object's own spelling");
    assertEquals(10, kindColumn.getInt("DataValueType"), "DataService's Lookup");
    assertEquals(6, object.getJsonArray("Columns").getJsonObject(2).getInt("DataValueType"), "Money");
    assertEquals(object, admin.api("GET", "/0/rest/objects/" + project.toLowerCase(Locale.ROOT), null).json(),
        "names are case-insensitive");

    Map<String, String> columns = columnsOf(project);
    assertEquals(List.of("id", "createdon", "createdbyid", "modifiedon", "modifiedbyid", "name", "code", "budget",
        "startdate", "active", "notes", "kindid", "parentid"), List.copyOf(columns.keySet()));
    assertEquals("uuid not null", columns.get("id"));
    assertEquals("numeric", columns.get("budget"));
    assertEquals("boolean", columns.get("active"));
    assertEquals("date", columns.get("startdate"));
    assertEquals("text", columns.get("notes"));
    assertEquals("uuid", columns.get("kindid"));
    assertEquals("character varying", columns.get("name"), "'required' is the data layer's rule, not NOT NULL");
    assertEquals(2, constraints(project, "FOREIGN KEY"), "both lookups reference their objects");
    assertEquals(1, constraints(project, "UNIQUE"));
    assertEquals(1, TestData.count("SELECT COUNT(*) FROM pg_indexes WHERE tablename = ? AND indexname = ?",
        project.toLowerCase(Locale.ROOT), ("IX_" + project + "_Budget").toLowerCase(Locale.ROOT)));
    assertEquals(1, TestData.count("SELECT COUNT(*) FROM databasechangelog WHERE filename = 'atrium/objects' AND id LIKE ?",
        "object-" + project + "-%"), "the change is recorded by Liquibase");

    // The table takes rows, and its foreign keys hold.
    UUID kindId = UUID.randomUUID();
    try (Connection c = TestData.connect()) {
      c.createStatement().executeUpdate("INSERT INTO " + kind + " (Id, CreatedOn, ModifiedOn, Name) VALUES ('" + kindId
          + "', now(), now(), 'Internal')");
      c.createStatement().executeUpdate("INSERT INTO " + project + " (Id, CreatedOn, ModifiedOn, Name, KindId, Budget)"
          + " VALUES ('" + UUID.randomUUID() + "', now(), now(), 'Apollo', '" + kindId + "', 1234.56)");
      assertTrue(assertRefused(c, "INSERT INTO " + project + " (Id, CreatedOn, ModifiedOn, Name, KindId) VALUES ('"
          + UUID.randomUUID() + "', now(), now(), 'Orphan', '" + UUID.randomUUID() + "')"), "the foreign key holds");
    }

    Reply ddl = admin.api("GET", "/0/rest/objects/" + project + "/ddl?dbms=oracle", null);
    assertEquals(200, ddl.status(), ddl.body());
    String oracle = ddl.json().getJsonArray("Statements").toString().toUpperCase(Locale.ROOT);
    assertTrue(oracle.contains("RAW(16)") && oracle.contains("NUMBER(1)") && oracle.contains("NCLOB"), oracle);
    String mssql = admin.api("GET", "/0/rest/objects/" + project + "/ddl?dbms=mssql", null).body().toUpperCase(Locale.ROOT);
    assertTrue(mssql.contains("UNIQUEIDENTIFIER") && mssql.contains("NVARCHAR(250)"), mssql);
    assertError(admin.api("GET", "/0/rest/objects/" + project + "/ddl?dbms=db2", null), 400, "VALIDATION_FAILED");

    assertEquals(1, admin.api("GET", "/0/rest/audit?eventType=OBJECT_CHANGED&top=50", null).json().getJsonArray("Items")
        .stream().filter(i -> i.asJsonObject().getString("TargetName", "").equals(project)).count());
  }

  private static boolean assertRefused(Connection c, String sql) {
    try {
      c.createStatement().executeUpdate(sql);
      return false;
    } catch (java.sql.SQLException expected) {
      return true;
    }
  }

  @Test
  void columnsAreAddedToATableWithRowsAndDroppedOnlyWhenConfirmed() throws Exception {
    String name = uniqueObject("UsrTask");
    create("{\"Name\":\"" + name + "\",\"Columns\":[{\"Name\":\"Title\",\"Type\":\"Text\"}]}");
    try (Connection c = TestData.connect()) {
      c.createStatement().executeUpdate("INSERT INTO " + name + " (Id, CreatedOn, ModifiedOn, Title) VALUES ('"
          + UUID.randomUUID() + "', now(), now(), 'Write the report')");
    }
    String before = admin.api("GET", "/0/rest/objects/" + name, null).header("Atrium-Metadata").orElseThrow();
    assertTrue(before.matches("[0-9a-f]{16}"), before);
    assertEquals(before, admin.api("GET", "/0/odata/" + name, null).header("Atrium-Metadata").orElseThrow(),
        "OData's answers name the same state of the metadata");
    Reply added = admin.api("POST", "/0/rest/objects/" + name + "/columns",
        "{\"Columns\":[{\"Name\":\"DueOn\",\"Type\":\"DateTime\",\"Required\":true,\"Indexed\":true},"
            + "{\"Name\":\"Owner\",\"Type\":\"Lookup\",\"Reference\":\"" + name + "\"}]}");
    assertEquals(200, added.status(), added.body());
    assertEquals(2, added.json().getInt("Version"));
    assertTrue(columnsOf(name).keySet().containsAll(List.of("dueon", "ownerid")));
    assertEquals(1, TestData.count("SELECT COUNT(*) FROM " + name), "the existing row is kept");
    String after = admin.api("GET", "/0/rest/workspace", null).header("Atrium-Metadata").orElseThrow();
    assertFalse(before.equals(after), "open workspaces see the metadata move: " + before);
    assertEquals(after, admin.api("GET", "/0/rest/workspace", null).header("Atrium-Metadata").orElseThrow(), "and then stay");
    assertTrue(AtriumClient.forItServer().api("GET", "/0/rest/workspace", null).header("Atrium-Metadata").isEmpty(),
        "nothing for a caller who is not signed in");

    // What a drop deletes is counted first, over every record
    assertEquals("{\"Records\":1,\"Values\":0}", admin.api("GET", "/0/rest/objects/" + name + "/columns/Owner/usage", null).body());
    try (Connection c = TestData.connect()) {
      c.createStatement().executeUpdate("UPDATE " + name + " SET OwnerId = Id");
    }
    assertEquals("{\"Records\":1,\"Values\":1}", admin.api("GET", "/0/rest/objects/" + name + "/columns/owner/usage", null).body());
    assertEquals("{\"Records\":1,\"Values\":null}", admin.api("GET", "/0/rest/objects/" + name + "/usage", null).body());
    assertError(admin.api("GET", "/0/rest/objects/" + name + "/columns/Nope/usage", null), 404, "NOT_FOUND");

    Reply unconfirmed = admin.api("DELETE", "/0/rest/objects/" + name + "/columns/Owner", null);
    assertError(unconfirmed, 409, "CONFIRMATION_REQUIRED");
    assertTrue(unconfirmed.json().getString("Message").startsWith("Dropping " + name + ".Owner deletes its values in 1 record."),
        unconfirmed.body());
    assertTrue(columnsOf(name).containsKey("ownerid"), "nothing dropped without confirmation");

    Reply dropped = admin.api("DELETE", "/0/rest/objects/" + name + "/columns/owner?confirm=true", null);
    assertEquals(200, dropped.status(), dropped.body());
    assertFalse(columnsOf(name).containsKey("ownerid"));
    assertEquals(0, constraints(name, "FOREIGN KEY"), "its foreign key went first");
    assertEquals(List.of("Title", "DueOn"), dropped.json().getJsonArray("Columns").stream()
        .map(v -> v.asJsonObject().getString("Name")).toList());
    assertEquals(3, dropped.json().getInt("Version"));
    assertError(admin.api("DELETE", "/0/rest/objects/" + name + "/columns/Owner?confirm=true", null), 404, "NOT_FOUND");
  }

  @Test
  void badDefinitionsAreRefusedAndChangeNothing() throws Exception {
    String name = uniqueObject("UsrBad");
    Reply reserved = admin.api("POST", "/0/rest/objects", "{\"Name\":\"Order\",\"Columns\":[{\"Name\":\"Name\",\"Type\":\"Text\"}]}");
    assertError(reserved, 400, "VALIDATION_FAILED");
    assertTrue(reserved.body().contains("reserved word"), reserved.body());

    Reply many = admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + name + "\",\"Columns\":["
        + "{\"Name\":\"Drop Table\",\"Type\":\"Text\"},"
        + "{\"Name\":\"Amount\",\"Type\":\"Currency\"},"
        + "{\"Name\":\"Account\",\"Type\":\"Lookup\",\"Reference\":\"NoSuchObject\"},"
        + "{\"Name\":\"CreatedOn\",\"Type\":\"DateTime\"},"
        + "{\"Name\":\"Body\",\"Type\":\"MaxText\",\"Unique\":true},"
        + "{\"Name\":\"Ok\",\"Type\":\"Text\"},{\"Name\":\"OK\",\"Type\":\"Integer\"}],\"PrimaryDisplayColumn\":\"Amount\"}");
    assertError(many, 400, "VALIDATION_FAILED");
    List<String> fields = many.json().getJsonArray("Errors").stream().map(e -> e.asJsonObject().getString("Field")).toList();
    assertEquals(List.of("Columns[0].Name", "Columns[1].Type", "Columns[2].Reference", "Columns[3].Name",
        "Columns[4].Unique", "Columns[6].Name", "PrimaryDisplayColumn"), fields, many.body());
    assertTrue(columnsOf(name).isEmpty(), "no table");
    assertError(admin.api("GET", "/0/rest/objects/" + name, null), 404, "NOT_FOUND");

    assertError(admin.api("POST", "/0/rest/objects", "{\"Name\":\"Contact\",\"Columns\":[{\"Name\":\"X\",\"Type\":\"Text\"}]}"),
        409, "CONFLICT");
    assertError(admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + name + "\"}"), 400, "VALIDATION_FAILED");
    assertError(admin.api("POST", "/0/rest/objects", "{\"Name\":"), 400, "MALFORMED_REQUEST");
    create("{\"Name\":\"" + name + "\",\"Columns\":[{\"Name\":\"Name\",\"Type\":\"Text\"}]}");
    assertError(admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + name.toUpperCase(Locale.ROOT)
        + "\",\"Columns\":[{\"Name\":\"Name\",\"Type\":\"Text\"}]}"), 409, "CONFLICT");
    assertError(admin.api("POST", "/0/rest/objects/" + name + "/columns", "{\"Columns\":[{\"Name\":\"name\",\"Type\":\"Text\"}]}"),
        400, "VALIDATION_FAILED");
    assertEquals(1, admin.api("GET", "/0/rest/objects/" + name, null).json().getInt("Version"), "unchanged");
  }

  @Test
  void defaultsOwnerAndPermissionFlagsAreMetadataThatNewRecordsFollow() {
    String name = uniqueObject("UsrTicket");
    JsonObject created = create("{\"Name\":\"" + name + "\",\"OwnerColumn\":\"responsible\","
        + "\"AdministeredByRecords\":true,\"TrackChanges\":true,\"Columns\":["
        + "{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true},"
        + "{\"Name\":\"Points\",\"Type\":\"Integer\",\"Required\":true,\"DefaultValue\":\"3\"},"
        + "{\"Name\":\"Budget\",\"Type\":\"Money\",\"DefaultValue\":\" 100.50 \"},"
        + "{\"Name\":\"IsOpen\",\"Type\":\"Boolean\",\"DefaultValue\":\"true\"},"
        + "{\"Name\":\"Due\",\"Type\":\"Date\",\"DefaultValue\":\"2027-01-31\"},"
        + "{\"Name\":\"Responsible\",\"Type\":\"Lookup\",\"Reference\":\"Contact\"}]}");
    assertEquals("Responsible", created.getString("OwnerColumn"), "named as the column is");
    assertTrue(created.getBoolean("AdministeredByRecords"));
    assertFalse(created.getBoolean("AdministeredByOperations"));
    assertTrue(created.getBoolean("TrackChanges"));
    List<String> defaults = created.getJsonArray("Columns").stream().map(c -> c.asJsonObject())
        .map(c -> c.getString("Name") + "=" + (c.isNull("DefaultValue") ? null : c.getString("DefaultValue"))).toList();
    assertEquals(List.of("Name=null", "Points=3", "Budget=100.5", "IsOpen=true", "Due=2027-01-31", "Responsible=null"), defaults,
        "defaults are kept in the invariant format");

    Reply record = admin.api("POST", "/0/odata/" + name, "{\"Name\":\"Printer jam\"}");
    assertEquals(201, record.status(), record.body());
    JsonObject ticket = record.json();
    assertEquals(3, ticket.getInt("Points"), "a required column with a default may be left out");
    assertEquals(0, new java.math.BigDecimal("100.50").compareTo(ticket.getJsonNumber("Budget").bigDecimalValue()));
    assertTrue(ticket.getBoolean("IsOpen"));
    assertEquals("2027-01-31", ticket.getString("Due"));
    assertEquals(CrudIT.SUPERVISOR_CONTACT, ticket.getString("ResponsibleId"), "owned by its creator's contact");
    JsonObject given = admin.api("POST", "/0/odata/" + name, "{\"Name\":\"Given\",\"Points\":8,\"IsOpen\":null}").json();
    assertEquals(8, given.getInt("Points"));
    assertTrue(given.isNull("IsOpen"), "a given null is kept");

    Reply bad = admin.api("PATCH", "/0/rest/objects/" + name + "/columns/Points", "{\"DefaultValue\":\"many\"}");
    assertError(bad, 400, "VALIDATION_FAILED");
    assertEquals("DefaultValue", bad.json().getJsonArray("Errors").getJsonObject(0).getString("Field"));
    Reply narrowing = admin.api("PATCH", "/0/rest/objects/" + name + "/columns/Budget?confirm=true", "{\"Type\":\"Integer\"}");
    assertError(narrowing, 400, "VALIDATION_FAILED");
    assertEquals("DefaultValue", narrowing.json().getJsonArray("Errors").getJsonObject(0).getString("Field"),
        "the current default 100.5 is no Integer: " + narrowing.body());
    assertEquals("Money", admin.api("GET", "/0/rest/objects/" + name, null).json().getJsonArray("Columns").getJsonObject(2)
        .getString("Type"), "nothing changed");
    JsonObject cleared = admin.api("PATCH", "/0/rest/objects/" + name + "/columns/Points", "{\"DefaultValue\":\"\"}").json();
    assertTrue(cleared.getJsonArray("Columns").getJsonObject(1).isNull("DefaultValue"), "an empty default removes it");
    Reply noPoints = admin.api("POST", "/0/odata/" + name, "{\"Name\":\"No points\"}");
    assertEquals(400, noPoints.status(), "required again without its default: " + noPoints.body());
    assertEquals("VALIDATION_FAILED", noPoints.json().getJsonObject("error").getString("code"));

    JsonObject changed = admin.api("PATCH", "/0/rest/objects/" + name,
        "{\"OwnerColumn\":\"\",\"AdministeredByOperations\":true,\"Caption\":\"Ticket\"}").json();
    assertTrue(changed.isNull("OwnerColumn"));
    assertTrue(changed.getBoolean("AdministeredByOperations"));
    assertTrue(changed.getBoolean("AdministeredByRecords"), "what the change leaves out stays");
    assertEquals("Ticket", changed.getString("Caption"));
    assertTrue(admin.api("POST", "/0/odata/" + name, "{\"Name\":\"Nobody's\",\"Points\":1}").json().isNull("ResponsibleId"),
        "without an owner column nothing is filled in");

    Reply badOptions = admin.api("PATCH", "/0/rest/objects/" + name, "{\"OwnerColumn\":\"Name\",\"PrimaryDisplayColumn\":\"IsOpen\"}");
    assertError(badOptions, 400, "VALIDATION_FAILED");
    assertEquals(List.of("OwnerColumn", "PrimaryDisplayColumn"), badOptions.json().getJsonArray("Errors").stream()
        .map(e -> e.asJsonObject().getString("Field")).sorted().toList());
    Reply badDefault = admin.api("POST", "/0/rest/objects/" + name + "/columns", "{\"Columns\":["
        + "{\"Name\":\"Kind\",\"Type\":\"Lookup\",\"Reference\":\"AccountType\",\"DefaultValue\":\"" + UUID.randomUUID() + "\"},"
        + "{\"Name\":\"Scan\",\"Type\":\"Binary\",\"DefaultValue\":\"AAAA\"}]}");
    assertError(badDefault, 400, "VALIDATION_FAILED");
    assertEquals(List.of("Columns[0].DefaultValue", "Columns[1].DefaultValue"), badDefault.json().getJsonArray("Errors")
        .stream().map(e -> e.asJsonObject().getString("Field")).toList(), badDefault.body());
    assertError(admin.api("PATCH", "/0/rest/objects/Account", "{\"TrackChanges\":true}"), 409, "CONFLICT");
  }

  @Test
  void theCrmCoreStartsNewRecordsWithTheReferenceDefaults() {
    JsonObject activity = admin.api("GET", "/0/rest/objects/Activity", null).json();
    assertEquals("Owner", activity.getString("OwnerColumn"));
    assertTrue(activity.getBoolean("AdministeredByOperations") && activity.getBoolean("AdministeredByRecords"));
    Reply created = admin.api("POST", "/0/odata/Activity", "{\"Title\":\"Call the customer\"}");
    assertEquals(201, created.status(), created.body());
    JsonObject call = created.json();
    assertEquals(CrudIT.SUPERVISOR_CONTACT, call.getString("OwnerId"));
    String status = admin.api("GET", "/0/odata/ActivityStatus(" + call.getString("StatusId") + ")", null).json().getString("Name");
    String priority = admin.api("GET", "/0/odata/ActivityPriority(" + call.getString("PriorityId") + ")", null).json().getString("Name");
    assertEquals("Not started/Medium", status + "/" + priority);
    Reply account = admin.api("POST", "/0/rest/accounts", "{\"Name\":\"Owned by its creator\"}");
    assertEquals(CrudIT.SUPERVISOR_CONTACT, account.json().getString("OwnerId"), "the REST shape follows the same metadata");
  }

  @Test
  void theCoreObjectsAreSystemObjectsThatLookupsMayReferTo() throws Exception {
    JsonObject contact = admin.api("GET", "/0/rest/objects/Contact", null).json();
    assertTrue(contact.getBoolean("System"));
    assertEquals("Name", contact.getString("PrimaryDisplayColumn"));
    JsonObject account = contact.getJsonArray("Columns").stream().map(v -> v.asJsonObject())
        .filter(c -> c.getString("Name").equals("Account")).findFirst().orElseThrow();
    assertEquals("AccountId", account.getString("ColumnName"));
    assertEquals("Account", account.getString("Reference"));
    List<String> names = admin.api("GET", "/0/rest/objects", null).jsonArray().stream()
        .map(v -> v.asJsonObject().getString("Name")).toList();
    assertTrue(names.containsAll(List.of("Account", "Contact")), names.toString());
    for (String column : contact.getJsonArray("Columns").stream().map(v -> v.asJsonObject().getString("ColumnName")).toList()) {
      assertTrue(columnsOf("Contact").containsKey(column.toLowerCase(Locale.ROOT)), "the metadata matches the table: " + column);
    }

    assertError(admin.api("POST", "/0/rest/objects/Contact/columns", "{\"Columns\":[{\"Name\":\"Nickname\",\"Type\":\"Text\"}]}"),
        409, "CONFLICT");
    assertError(admin.api("DELETE", "/0/rest/objects/Contact/columns/Notes?confirm=true", null), 409, "CONFLICT");
    assertTrue(columnsOf("Contact").containsKey("notes"), "nothing dropped");

    String visit = uniqueObject("UsrVisit");
    create("{\"Name\":\"" + visit + "\",\"Columns\":[{\"Name\":\"Subject\",\"Type\":\"Text\"},"
        + "{\"Name\":\"Contact\",\"Type\":\"Lookup\",\"Reference\":\"Contact\"}]}");
    Reply contactCreated = admin.api("POST", "/0/rest/contacts", "{\"Name\":\"Visitor " + visit + "\"}");
    assertEquals(201, contactCreated.status(), contactCreated.body());
    String someContact = contactCreated.json().getString("Id");
    try (Connection c = TestData.connect()) {
      c.createStatement().executeUpdate("INSERT INTO " + visit + " (Id, CreatedOn, ModifiedOn, Subject, ContactId) VALUES ('"
          + UUID.randomUUID() + "', now(), now(), 'Kick-off', '" + someContact + "')");
      assertTrue(assertRefused(c, "DELETE FROM Contact WHERE Id = '" + someContact + "'"), "the visit holds on to its contact");
    }
  }

  @Test
  void theDesignerNeedsCanManageAdministration() throws Exception {
    String user = TestData.uniqueName("designer");
    TestData.createUser(user, AdminIT.PASSWORD, TestData.USER, true, "AllEmployees");
    AtriumClient plain = AtriumClient.forItServer().signedInAs(user, AdminIT.PASSWORD);
    String name = uniqueObject("UsrDenied");
    assertError(plain.api("GET", "/0/rest/objects", null), 403, "ACCESS_DENIED");
    assertError(plain.api("POST", "/0/rest/objects", "{\"Name\":\"" + name + "\",\"Columns\":[{\"Name\":\"Name\",\"Type\":\"Text\"}]}"),
        403, "ACCESS_DENIED");
    assertTrue(columnsOf(name).isEmpty());
  }

  @Test
  void columnsChangeTypeAndFlagsNarrowingOnlyWithConfirmation() throws Exception {
    String name = uniqueObject("UsrRetype");
    create("{\"Name\":\"" + name + "\",\"Columns\":[{\"Name\":\"Name\",\"Type\":\"Text\"},"
        + "{\"Name\":\"Code\",\"Type\":\"ShortText\",\"Unique\":true},{\"Name\":\"Hours\",\"Type\":\"Integer\"},"
        + "{\"Name\":\"Account\",\"Type\":\"Lookup\",\"Reference\":\"Account\"}]}");
    Reply record = admin.api("POST", "/0/odata/" + name, "{\"Name\":\"first\",\"Code\":\"C-1\",\"Hours\":7}");
    assertEquals(201, record.status(), record.body());
    String table = name.toLowerCase(Locale.ROOT);

    Reply widened = admin.api("PATCH", "/0/rest/objects/" + name + "/columns/Code", "{\"Type\":\"LongText\",\"Caption\":\"Project code\"}");
    assertEquals(200, widened.status(), widened.body());
    assertEquals("character varying", columnsOf(name).get("code"));
    assertEquals(500, TestData.count("SELECT character_maximum_length FROM information_schema.columns WHERE table_name = ? AND column_name = 'code'", table));
    assertEquals(1, constraints(name, "UNIQUE"), "the unique constraint came back after the type change");
    assertTrue(widened.body().contains("Project code"));

    assertError(admin.api("PATCH", "/0/rest/objects/" + name + "/columns/Code", "{\"Type\":\"ShortText\"}"), 409, "CONFIRMATION_REQUIRED");
    assertEquals(500, TestData.count("SELECT character_maximum_length FROM information_schema.columns WHERE table_name = ? AND column_name = 'code'", table));
    Reply narrowed = admin.api("PATCH", "/0/rest/objects/" + name + "/columns/Code?confirm=true", "{\"Type\":\"ShortText\"}");
    assertEquals(200, narrowed.status(), narrowed.body());
    assertEquals(50, TestData.count("SELECT character_maximum_length FROM information_schema.columns WHERE table_name = ? AND column_name = 'code'", table));

    assertEquals(200, admin.api("PATCH", "/0/rest/objects/" + name + "/columns/Hours", "{\"Type\":\"Money\",\"Indexed\":true}").status());
    assertEquals("numeric", columnsOf(name).get("hours"));
    assertEquals(1, TestData.count("SELECT COUNT(*) FROM pg_indexes WHERE tablename = ? AND indexname = ?", table,
        ("IX_" + name + "_Hours").toLowerCase(Locale.ROOT)));
    Reply kept = admin.api("GET", "/0/odata/" + name + "?$select=Hours", null);
    assertEquals(7, kept.json().getJsonArray("value").getJsonObject(0).getJsonNumber("Hours").intValue(), "values survive widening");

    assertError(admin.api("PATCH", "/0/rest/objects/" + name + "/columns/Account", "{\"Type\":\"Text\"}"), 400, "VALIDATION_FAILED");
    assertError(admin.api("PATCH", "/0/rest/objects/" + name + "/columns/Name", "{\"Type\":\"MaxText\"}"), 400, "VALIDATION_FAILED");
    assertError(admin.api("PATCH", "/0/rest/objects/" + name + "/columns/Nope", "{\"Type\":\"Text\"}"), 404, "NOT_FOUND");
    assertError(admin.api("PATCH", "/0/rest/objects/Account/columns/Name", "{\"Type\":\"LongText\"}"), 409, "CONFLICT");

    Reply tooLong = admin.api("PATCH", "/0/odata/" + name + "(" + record.json().getString("Id") + ")", "{\"Name\":\"" + "n".repeat(120) + "\"}");
    assertEquals(204, tooLong.status(), tooLong.body());
    assertError(admin.api("PATCH", "/0/rest/objects/" + name + "/columns/Name?confirm=true", "{\"Type\":\"ShortText\"}"), 409,
        "CONFLICT");
    assertEquals(120, admin.api("GET", "/0/odata/" + name + "?$select=Name", null).json().getJsonArray("value").getJsonObject(0)
        .getString("Name").length(), "no value was cut");
    assertEquals("Text", admin.api("GET", "/0/rest/objects/" + name, null).json().getJsonArray("Columns").stream()
        .map(c -> c.asJsonObject()).filter(c -> c.getString("Name").equals("Name")).findFirst().orElseThrow().getString("Type"),
        "a refused change leaves the metadata as it was");
  }

  @Test
  void anObjectIsDeletedWithItsTableOnlyWithConfirmationAndWhenNothingRefersToIt() throws Exception {
    String target = uniqueObject("UsrGone");
    create("{\"Name\":\"" + target + "\",\"Columns\":[{\"Name\":\"Name\",\"Type\":\"Text\"}]}");
    String referrer = uniqueObject("UsrRef");
    create("{\"Name\":\"" + referrer + "\",\"Columns\":[{\"Name\":\"Gone\",\"Type\":\"Lookup\",\"Reference\":\"" + target + "\"}]}");
    assertError(admin.api("DELETE", "/0/rest/objects/" + target + "?confirm=true", null), 409, "CONFLICT");
    assertError(admin.api("DELETE", "/0/rest/objects/" + referrer, null), 409, "CONFIRMATION_REQUIRED");
    assertFalse(columnsOf(referrer).isEmpty());
    assertEquals(204, admin.api("DELETE", "/0/rest/objects/" + referrer + "?confirm=true", null).status());
    assertEquals(204, admin.api("DELETE", "/0/rest/objects/" + target + "?confirm=true", null).status());
    assertTrue(columnsOf(target).isEmpty(), "the table is gone");
    assertError(admin.api("GET", "/0/rest/objects/" + target, null), 404, "NOT_FOUND");
    assertEquals(404, admin.api("GET", "/0/odata/" + target, null).status(), "and so is its entity set");
    assertError(admin.api("DELETE", "/0/rest/objects/Contact?confirm=true", null), 409, "CONFLICT");
  }

  private static void assertError(Reply r, int status, String code) {
    assertEquals(status, r.status(), r.body());
    assertEquals(code, r.json().getString("ErrorCode"), r.body());
  }
}
