package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.JsonObject;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Column permissions (access rights, second part): in an object administered by columns, a column
 * a caller may not read is absent from what every API answers and refused in filters and orders;
 * one they may only read is refused on write unless the value is the one it has; entries take
 * effect at once; the admin API refuses bad input; the "everything" operations pass.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ColumnRightsIT {

  static final String PASSWORD = "Columns-Pa55word-1";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  private static String rights(Object... granteeAndAccess) {
    StringBuilder entries = new StringBuilder();
    for (int i = 0; i < granteeAndAccess.length; i += 2) {
      entries.append(i == 0 ? "" : ",").append("{\"GranteeId\":\"").append(granteeAndAccess[i])
          .append("\",\"Access\":\"").append(granteeAndAccess[i + 1]).append("\"}");
    }
    return "{\"Entries\":[" + entries + "]}";
  }

  private static JsonObject first(AtriumClient c, String path) {
    Reply r = c.api("GET", path, null);
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("value").getJsonObject(0);
  }

  private static JsonObject selectAll(AtriumClient c, String object) {
    Reply r = c.api("POST", "/0/DataService/json/SyncReply/SelectQuery", "{\"RootSchemaName\":\"" + object
        + "\",\"OperationType\":0,\"AllColumns\":true,\"Columns\":{\"Items\":{}},\"Filters\":" + BY_ANN + "}");
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("rows").getJsonObject(0);
  }

  private static final String BY_ANN = "{\"FilterType\":1,\"ComparisonType\":9,\"LeftExpression\":{\"ExpressionType\":0,"
      + "\"ColumnPath\":\"Name\"},\"RightExpression\":{\"ExpressionType\":2,\"Parameter\":{\"DataValueType\":1,"
      + "\"Value\":\"Ann\"}}}";

  /** 403 with the stable code, whichever API's error body carries it. */
  private static void assertRefused(Reply r, String what) {
    assertEquals(403, r.status(), what + ": " + r.body());
    JsonObject body = r.json();
    String code = body.containsKey("ErrorCode") ? body.getString("ErrorCode")
        : body.containsKey("error") ? body.getJsonObject("error").getString("code")
        : body.getJsonObject("responseStatus").getString("ErrorCode");
    assertEquals("ACCESS_DENIED", code, what + ": " + r.body());
  }

  @Test
  void aColumnIsReadAndChangedOnlyAsItsEntriesAllow() throws Exception {
    AtriumClient admin = AtriumClient.supervisor();
    String name = "UsrCol" + TestData.uniqueName("o").substring(2).replace("-", "");
    String readerName = TestData.uniqueName("cols-reader");
    UUID reader = TestData.createUser(readerName, PASSWORD, TestData.USER, true, "AllEmployees");
    String otherName = TestData.uniqueName("cols-other");
    TestData.createUser(otherName, PASSWORD, TestData.USER, true, "AllEmployees");
    Reply created = admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + name + "\",\"Caption\":\"Staff\","
        + "\"Section\":\"Staff\",\"Columns\":[{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true},"
        + "{\"Name\":\"Salary\",\"Type\":\"Integer\"},{\"Name\":\"Notes\",\"Type\":\"Text\"}]}");
    assertEquals(201, created.status(), created.body());
    String rights = "/0/rest/objects/" + name + "/columns/";
    try {
      Reply added = admin.api("POST", "/0/odata/" + name, "{\"Name\":\"Ann\",\"Salary\":100,\"Notes\":\"kind\"}");
      assertEquals(201, added.status(), added.body());
      String id = added.json().getString("Id");
      String record = "/0/odata/" + name + "(" + id + ")";
      AtriumClient readerClient = AtriumClient.forItServer().signedInAs(readerName, PASSWORD);
      AtriumClient other = AtriumClient.forItServer().signedInAs(otherName, PASSWORD);

      Reply salary = admin.api("PUT", rights + "Salary/rights", rights(reader, "Deny"));
      assertEquals(200, salary.status(), salary.body());
      assertEquals(readerName, salary.json().getJsonArray("Entries").getJsonObject(0).getString("GranteeName"));
      assertFalse(salary.json().getBoolean("AdministeredByColumns"));
      assertEquals(200, admin.api("PUT", rights + "Notes/rights", rights(reader, "Read", AdminIT.ALL_EMPLOYEES, "Edit")).status());
      assertEquals(100, first(readerClient, "/0/odata/" + name).getInt("Salary"), "entries apply only with the switch on");

      Reply on = admin.api("PATCH", "/0/rest/objects/" + name, "{\"AdministeredByColumns\":true}");
      assertEquals(200, on.status(), on.body());
      String metadata = readerClient.send("GET", "/0/odata/$metadata", null,
          java.util.Map.of("Accept", "application/xml", "BPMCSRF", readerClient.cookies.get("BPMCSRF"))).body();
      Matcher nameProperty = Pattern.compile("<Property Name=\"Name\"[^>]*>").matcher(
          metadata.substring(metadata.indexOf("<EntityType Name=\"" + name + "\"")));
      assertTrue(nameProperty.find());
      assertFalse(nameProperty.group().contains("Nullable=\"false\""), "a caller may get any own column as null: " + nameProperty.group());

      // the reader may not read Salary: absent through every API, refused where it would be probed
      JsonObject seen = first(readerClient, "/0/odata/" + name);
      assertTrue(seen.isNull("Salary"), seen.toString());
      assertEquals("kind", seen.getString("Notes"));
      assertTrue(first(readerClient, "/0/odata/" + name + "?$select=Name,Salary").isNull("Salary"));
      assertRefused(readerClient.api("GET", "/0/odata/" + name + "?$filter=Salary%20gt%2050", null), "a filter on it");
      assertRefused(readerClient.api("GET", "/0/odata/" + name + "?$orderby=Salary", null), "an order by it");
      assertRefused(readerClient.api("GET", "/0/odata/" + name + "/$count?$filter=Salary%20gt%2050", null), "a count by it");
      assertRefused(readerClient.api("GET", record + "/Salary", null), "reading it on its own path");
      assertEquals("kind", readerClient.api("GET", record + "/Notes", null).json().getString("value"), "one they may read");
      JsonObject row = selectAll(readerClient, name);
      assertFalse(row.containsKey("Salary"), "DataService leaves it out: " + row);
      assertEquals("kind", row.getString("Notes"));
      JsonObject view = readerClient.api("GET", "/0/rest/workspace/objects/" + name, null).json();
      assertFalse(view.getJsonArray("Columns").stream().anyMatch(c -> c.asJsonObject().getString("Name").equals("Salary")),
          "the workspace does not offer it");
      JsonObject notes = view.getJsonArray("Columns").getValuesAs(JsonObject.class).stream()
          .filter(c -> c.getString("Name").equals("Notes")).findFirst().orElseThrow();
      assertTrue(notes.getBoolean("ReadOnly"), "nor lets them change Notes: " + notes);

      // ... nor change it, nor Notes, which they may only read; a value a column already has changes nothing
      assertRefused(readerClient.api("PATCH", record, "{\"Salary\":1}"), "changing a column they may not read");
      assertRefused(readerClient.api("PATCH", record, "{\"Notes\":\"rude\"}"), "changing a column they may only read");
      assertRefused(readerClient.api("POST", "/0/odata/" + name, "{\"Name\":\"Bob\",\"Notes\":\"x\"}"), "setting it on a new record");
      assertTrue(readerClient.api("PATCH", record, "{\"Name\":\"Anna\",\"Notes\":\"kind\"}").status() < 300, "Notes unchanged");
      assertTrue(readerClient.api("PATCH", record, "{\"Salary\":null}").status() < 300, "an empty value for a column they cannot see");
      assertEquals(201, readerClient.api("POST", "/0/odata/" + name, "{\"Name\":\"Bob\"}").status());
      assertRefused(readerClient.api("POST", "/0/DataService/json/SyncReply/UpdateQuery", "{\"RootSchemaName\":\"" + name
          + "\",\"OperationType\":2,\"ColumnValues\":{\"Items\":{\"Notes\":{\"ExpressionType\":2,\"Parameter\":"
          + "{\"DataValueType\":1,\"Value\":\"x\"}}}},\"Filters\":" + BY_ANN.replace("Ann", "Anna") + "}"), "DataService UpdateQuery");

      // someone no Salary entry names may not read it either; All employees may change Notes
      assertTrue(first(other, "/0/odata/" + name + "?$filter=Name%20eq%20'Anna'").isNull("Salary"));
      assertTrue(other.api("PATCH", record, "{\"Notes\":\"kinder\"}").status() < 300);
      JsonObject all = first(admin, "/0/odata/" + name + "?$filter=Name%20eq%20'Anna'");
      assertEquals(100, all.getInt("Salary"), "the Supervisor holds CanSelectEverything: " + all);
      assertEquals("kinder", all.getString("Notes"));
      assertEquals(100, selectAll(admin, name).getInt("Salary"));
      NodeTests.inBrowser("column-rights.test.mjs", java.util.Map.of("ATRIUM_OBJECT", name, "ATRIUM_RECORD", id,
          "ATRIUM_READER", readerName, "ATRIUM_READER_PASSWORD", PASSWORD), 120);

      // bad input changes nothing; only administrators change rights
      Reply badAccess = admin.api("PUT", rights + "Salary/rights", rights(reader, "Write"));
      assertEquals(400, badAccess.status(), badAccess.body());
      assertEquals("VALIDATION_FAILED", badAccess.json().getString("ErrorCode"));
      Reply unknown = admin.api("PUT", rights + "Salary/rights", rights(UUID.randomUUID(), "Read"));
      assertEquals(400, unknown.status(), unknown.body());
      assertEquals("UNKNOWN_REFERENCE", unknown.json().getString("ErrorCode"));
      assertEquals(404, admin.api("GET", rights + "CreatedOn/rights", null).status(), "system columns have no permissions");
      assertEquals(404, admin.api("GET", rights + "NoSuchColumn/rights", null).status());
      assertEquals(403, readerClient.api("PUT", rights + "Salary/rights", rights(reader, "Edit")).status());
      assertEquals("Deny", admin.api("GET", rights + "Salary/rights", null).json().getJsonArray("Entries")
          .getJsonObject(0).getString("Access"));

      // a change applies at once: no entries opens the column
      assertEquals(200, admin.api("PUT", rights + "Salary/rights", rights()).status());
      assertEquals(100, first(readerClient, "/0/odata/" + name + "?$filter=Salary%20gt%2050").getInt("Salary"));
      assertTrue(readerClient.api("PATCH", record, "{\"Salary\":120}").status() < 300);

      // a dropped column takes its permissions with it
      assertEquals(200, admin.api("DELETE", rights.substring(0, rights.length() - 1) + "/Notes?confirm=true", null).status());
      assertEquals(200, admin.api("POST", "/0/rest/objects/" + name + "/columns",
          "{\"Columns\":[{\"Name\":\"Notes\",\"Type\":\"Text\"}]}").status());
      assertEquals(0, admin.api("GET", rights + "Notes/rights", null).json().getJsonArray("Entries").size());
      assertTrue(readerClient.api("PATCH", record, "{\"Notes\":\"new\"}").status() < 300, "the new column is open");

      // ... and a deleted object all of its columns'
      assertEquals(200, admin.api("PUT", rights + "Salary/rights", rights(reader, "Deny")).status());
      Reply deleted = admin.api("DELETE", "/0/rest/objects/" + name + "?confirm=true", null);
      assertEquals(204, deleted.status(), deleted.body());
      assertEquals(0, TestData.count("SELECT COUNT(*) FROM SysEntitySchemaColumnRight r WHERE NOT EXISTS "
          + "(SELECT 1 FROM SysSchema s WHERE s.Id = r.SysSchemaId)"));
    } finally {
      admin.api("DELETE", "/0/rest/objects/" + name + "?confirm=true", null);
    }
  }
}
