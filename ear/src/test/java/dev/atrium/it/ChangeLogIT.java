package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The change log (access rights, last part): for an object with change tracking, who changed
 * which column from what to what and when, deletes included, written in the change's own
 * transaction (a refused change leaves nothing), read by holders of CanManageChangeLog only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChangeLogIT {

  static final String SUPERVISOR_CONTACT = "410006e1-ca4e-4502-a9ec-e54d922d2c00";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  private static void assertError(Reply r, int status, String code) {
    assertEquals(status, r.status(), r.body());
    assertEquals(code, r.json().getString("ErrorCode"), r.body());
  }

  /** Each entry as Change/Column/OldValue/NewValue. */
  private static List<String> entries(JsonObject page) {
    return page.getJsonArray("Items").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("Change") + "/" + (e.isNull("Column") ? "-" : e.getString("Column")) + "/"
            + (e.isNull("OldValue") ? "-" : e.getString("OldValue")) + "/" + (e.isNull("NewValue") ? "-" : e.getString("NewValue")))
        .toList();
  }

  @Test
  void aTrackedObjectsChangesAreLoggedWithTheChange() throws Exception {
    AtriumClient admin = AtriumClient.supervisor();
    String name = "UsrLog" + TestData.uniqueName("o").substring(2).replace("-", "");
    Reply created = admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + name + "\",\"TrackChanges\":true,\"Columns\":["
        + "{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true,\"Unique\":true},{\"Name\":\"Amount\",\"Type\":\"Money\"},"
        + "{\"Name\":\"Due\",\"Type\":\"Date\"}]}");
    assertEquals(201, created.status(), created.body());
    String records = "/0/odata/" + name;
    String log = "/0/rest/changelog?object=" + name;
    try {
      Reply added = admin.api("POST", records, "{\"Name\":\"first\",\"Amount\":10.25}");
      assertEquals(201, added.status(), added.body());
      String id = added.json().getString("Id");
      String record = records + "(" + id + ")";
      assertEquals(201, admin.api("POST", records, "{\"Name\":\"other\"}").status());
      // refused when it is written (a name taken): the entry made for it goes with the change's transaction
      assertEquals(409, admin.api("PATCH", record, "{\"Name\":\"other\"}").status());
      assertEquals(204, admin.api("PATCH", record, "{\"Name\":\"second\",\"Amount\":10.25}").status());
      assertEquals(204, admin.api("PATCH", record, "{\"Name\":\"second\"}").status(), "no change, no entry");
      assertEquals(400, admin.api("PATCH", record, "{\"Name\":\"third\",\"Due\":\"not a date\"}").status(), "refused");
      assertEquals(204, admin.api("DELETE", record, null).status());

      Reply read = admin.api("GET", log + "&recordId=" + id, null);
      assertEquals(200, read.status(), read.body());
      List<String> got = entries(read.json());
      assertEquals(4, read.json().getInt("Total"), read.body());
      assertEquals(List.of("Delete/-/second/-", "Update/Name/first/second"), got.subList(0, 2), "newest first: " + got);
      assertEquals(Set.of("Insert/Name/-/first", "Insert/Amount/-/10.25"), Set.copyOf(got.subList(2, 4)),
          "the insert's columns; nothing of the refused changes, nothing for an unchanged amount: " + got);
      JsonObject last = read.json().getJsonArray("Items").getJsonObject(0);
      assertEquals(List.of(name, id, SUPERVISOR_CONTACT, "Supervisor"), List.of(last.getString("Object"),
          last.getString("RecordId"), last.getString("ChangedById"), last.getString("ChangedByName")));
      assertTrue(last.getString("On").endsWith("Z"), "UTC: " + last);
      assertEquals(5, admin.api("GET", log, null).json().getInt("Total"), "the object's log: the other record's insert too");
      assertEquals(2, admin.api("GET", log + "&top=2&skip=1", null).json().getJsonArray("Items").size());

      // an object without change tracking logs nothing
      Reply contact = admin.api("POST", "/0/odata/Contact", "{\"Name\":\"Not tracked\"}");
      assertEquals(201, contact.status(), contact.body());
      assertEquals(0, admin.api("GET", "/0/rest/changelog?object=Contact", null).json().getInt("Total"));

      // only holders of CanManageChangeLog read it; bad input is 400 with a stable code
      String user = TestData.uniqueName("log-user");
      TestData.createUser(user, "Changelog-Pa55word-1", TestData.USER, true, "AllEmployees");
      AtriumClient employee = AtriumClient.forItServer().signedInAs(user, "Changelog-Pa55word-1");
      assertEquals(403, employee.api("GET", log, null).status());
      assertError(admin.api("GET", "/0/rest/changelog", null), 400, "VALIDATION_FAILED");
      assertError(admin.api("GET", log + "&recordId=not-a-guid", null), 400, "INVALID_IDENTIFIER");
      assertError(admin.api("GET", log + "&top=0", null), 400, "VALIDATION_FAILED");

      // the log outlives the object
      assertEquals(204, admin.api("DELETE", "/0/rest/objects/" + name + "?confirm=true", null).status());
      assertEquals(5, admin.api("GET", log, null).json().getInt("Total"));
    } finally {
      admin.api("DELETE", "/0/rest/objects/" + name + "?confirm=true", null);
    }
  }
}
