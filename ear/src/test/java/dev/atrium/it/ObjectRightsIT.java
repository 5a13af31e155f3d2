package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Object permissions (access rights, first part): an object administered by operations is read,
 * added to, changed and deleted only as its ordered entries allow, through OData, DataService and
 * the workspace alike; the "everything" operations pass; the admin API refuses bad input.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ObjectRightsIT {

  static final String PASSWORD = "Rights-Pa55word-1";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  private static String entry(UUID grantee, boolean read, boolean create, boolean edit, boolean delete) {
    return "{\"GranteeId\":\"" + grantee + "\",\"Read\":" + read + ",\"Create\":" + create
        + ",\"Edit\":" + edit + ",\"Delete\":" + delete + "}";
  }

  private static String rightsBody(UUID grantee, boolean read, boolean create, boolean edit, boolean delete) {
    return "{\"Entries\":[" + entry(grantee, read, create, edit, delete) + "]}";
  }

  @Test
  void anAdministeredObjectIsOpenOnlyAsItsEntriesAllow() throws Exception {
    AtriumClient admin = AtriumClient.supervisor();
    String name = "UsrRgt" + TestData.uniqueName("o").substring(2).replace("-", "");
    String readerName = TestData.uniqueName("rights-reader");
    UUID reader = TestData.createUser(readerName, PASSWORD, TestData.USER, true, "AllEmployees");
    String outsiderName = TestData.uniqueName("rights-none");
    TestData.createUser(outsiderName, PASSWORD, TestData.USER, true, "AllEmployees");
    Reply created = admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + name + "\",\"Caption\":\"Secret\","
        + "\"Section\":\"Secrets\",\"Columns\":[{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true}]}");
    assertEquals(201, created.status(), created.body());
    try {
      AtriumClient readerClient = AtriumClient.forItServer().signedInAs(readerName, PASSWORD);
      AtriumClient outsider = AtriumClient.forItServer().signedInAs(outsiderName, PASSWORD);
      assertEquals(201, outsider.api("POST", "/0/odata/" + name, "{\"Name\":\"open\"}").status(),
          "without the switch, open to every employee");

      Reply rights = admin.api("PUT", "/0/rest/objects/" + name + "/rights", rightsBody(reader, true, false, false, false));
      assertEquals(200, rights.status(), rights.body());
      assertEquals(readerName, rights.json().getJsonArray("Entries").getJsonObject(0).getString("GranteeName"));
      Reply on = admin.api("PATCH", "/0/rest/objects/" + name, "{\"AdministeredByOperations\":true}");
      assertEquals(200, on.status(), on.body());
      assertTrue(admin.api("GET", "/0/rest/objects/" + name + "/rights", null).json().getBoolean("AdministeredByOperations"));

      Reply added = admin.api("POST", "/0/odata/" + name, "{\"Name\":\"secret\"}");
      assertEquals(201, added.status(), "the Supervisor holds the everything operations: " + added.body());
      String id = added.json().getString("Id");

      // the reader may read, nothing else
      Reply read = readerClient.api("GET", "/0/odata/" + name + "?$count=true", null);
      assertEquals(200, read.status(), read.body());
      assertEquals(2, read.json().getJsonArray("value").size());
      assertEquals(403, readerClient.api("POST", "/0/odata/" + name, "{\"Name\":\"no\"}").status());
      assertEquals(403, readerClient.api("PATCH", "/0/odata/" + name + "(" + id + ")", "{\"Name\":\"no\"}").status());
      assertEquals(403, readerClient.api("DELETE", "/0/odata/" + name + "(" + id + ")", null).status());
      JsonObject section = readerClient.api("GET", "/0/rest/workspace", null).json().getJsonArray("Sections")
          .getValuesAs(JsonObject.class).stream().filter(s -> s.getString("Name").equals(name)).findFirst().orElseThrow();
      assertEquals(jakarta.json.Json.createObjectBuilder().add("Read", true).add("Create", false).add("Edit", false)
          .add("Delete", false).build(), section.getJsonObject("Rights"), "the workspace offers what the entries allow");

      NodeTests.inBrowser("rights.test.mjs", java.util.Map.of("ATRIUM_OBJECT", name, "ATRIUM_READER", readerName,
          "ATRIUM_READER_PASSWORD", PASSWORD), 120);

      // the outsider reaches nothing, through any API
      Reply refused = outsider.api("GET", "/0/odata/" + name, null);
      assertEquals(403, refused.status(), refused.body());
      assertEquals(403, outsider.api("GET", "/0/odata/" + name + "/$count", null).status(), "no count either");
      assertEquals(403, outsider.api("POST", "/0/odata/" + name, "{\"Name\":\"no\"}").status());
      Reply ds = outsider.api("POST", "/0/DataService/json/SyncReply/SelectQuery", "{\"rootSchemaName\":\"" + name
          + "\",\"operationType\":0,\"columns\":{\"items\":{\"Name\":{\"expression\":{\"expressionType\":0,"
          + "\"columnPath\":\"Name\"}}}}}");
      assertFalse(ds.status() == 200 && ds.body().contains("secret"), "DataService refuses too: " + ds.body());
      assertFalse(outsider.api("GET", "/0/rest/workspace", null).json().getJsonArray("Sections").stream()
          .anyMatch(s -> s.asJsonObject().getString("Name").equals(name)), "no section for them");
      assertEquals(404, outsider.api("GET", "/0/rest/workspace/objects/" + name, null).status());

      // bad input changes nothing; only administrators may change rights
      Reply unknown = admin.api("PUT", "/0/rest/objects/" + name + "/rights", rightsBody(UUID.randomUUID(), true, true, true, true));
      assertEquals(400, unknown.status(), unknown.body());
      assertEquals("UNKNOWN_REFERENCE", unknown.json().getString("ErrorCode"));
      Reply twice = admin.api("PUT", "/0/rest/objects/" + name + "/rights", "{\"Entries\":["
          + entry(reader, true, true, true, true) + "," + entry(reader, true, true, true, true) + "]}");
      assertEquals(400, twice.status(), twice.body());
      assertEquals("VALIDATION_FAILED", twice.json().getString("ErrorCode"));
      assertEquals(1, admin.api("GET", "/0/rest/objects/" + name + "/rights", null).json().getJsonArray("Entries").size());
      assertEquals(403, readerClient.api("PUT", "/0/rest/objects/" + name + "/rights",
          rightsBody(reader, true, true, true, true)).status());
      assertEquals(404, admin.api("GET", "/0/rest/objects/NoSuchObject/rights", null).status());

      // a change of the entries applies at once: the reader may now add
      assertEquals(200, admin.api("PUT", "/0/rest/objects/" + name + "/rights", rightsBody(reader, true, true, false, false)).status());
      assertEquals(201, readerClient.api("POST", "/0/odata/" + name, "{\"Name\":\"mine\"}").status());
    } finally {
      admin.api("DELETE", "/0/rest/objects/" + name + "?confirm=true", null);
    }
  }
}
