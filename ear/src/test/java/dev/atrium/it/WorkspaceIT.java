package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The browser workspace at {@code /0/}: its API ({@code /0/rest/workspace}), sections made by the
 * object designer, and the shell in headless Chromium ({@code src/test/js/workspace.test.mjs}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkspaceIT {

  static final List<String> CORE = List.of("Contact", "Account", "Activity", "Case", "Lead", "Opportunity");
  static final List<String> CORE_CAPTIONS = List.of("Contacts", "Accounts", "Activities", "Cases", "Leads", "Opportunities");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  private static List<String> names(JsonObject workspace, String key) {
    return workspace.getJsonArray("Sections").stream().map(s -> s.asJsonObject().getString(key)).toList();
  }

  @Test
  void theWorkspaceNamesTheUserTheirSectionsTheirRightsAndOperations() throws Exception {
    AtriumClient admin = AtriumClient.supervisor();
    Reply reply = admin.api("GET", "/0/rest/workspace", null);
    assertEquals(200, reply.status(), reply.body());
    JsonObject workspace = reply.json();
    assertEquals(Set.of("User", "Sections", "Operations", "Limited", "Object"), workspace.keySet());
    assertTrue(workspace.isNull("Object"), "only with ?object=");
    assertEquals(Set.of("Id", "Name", "ContactId"), workspace.getJsonObject("User").keySet());
    assertEquals(AtriumClient.SUPERVISOR, workspace.getJsonObject("User").getString("Name"));
    assertFalse(workspace.getBoolean("Limited"));
    assertEquals(CORE, names(workspace, "Name").subList(0, 6), "the CRM core first, in the reference's order");
    assertEquals(CORE_CAPTIONS, names(workspace, "Caption").subList(0, 6));
    JsonObject contacts = workspace.getJsonArray("Sections").getJsonObject(0);
    assertEquals(Set.of("Name", "Caption", "ObjectCaption", "PrimaryDisplayColumn", "Rights"), contacts.keySet());
    assertEquals("Contact", contacts.getString("ObjectCaption"));
    assertEquals("Name", contacts.getString("PrimaryDisplayColumn"));
    assertEquals(jakarta.json.Json.createObjectBuilder().add("Read", true).add("Create", true).add("Edit", true)
        .add("Delete", true).build(), contacts.getJsonObject("Rights"));
    List<String> operations = workspace.getJsonArray("Operations").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString).toList();
    assertTrue(operations.containsAll(List.of("CanManageUsers", "CanManageAdministration", "CanUseODataService")), operations.toString());

    String employee = TestData.uniqueName("ws-employee");
    TestData.createUser(employee, "Employee-Pa55word-1", TestData.USER, true, "AllEmployees");
    AtriumClient user = AtriumClient.forItServer();
    assertEquals(200, user.login(employee, "Employee-Pa55word-1").status());
    JsonObject theirs = user.api("GET", "/0/rest/workspace", null).json();
    assertEquals(employee, theirs.getJsonObject("User").getString("Name"));
    assertEquals(CORE, names(theirs, "Name").subList(0, 6));
    assertEquals(List.of("CanUseODataService"), theirs.getJsonArray("Operations").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString).toList(), "an employee holds OData (the workspace is built on it) and nothing else");

    String outsider = TestData.uniqueName("ws-norole");
    TestData.createUser(outsider, "Outsider-Pa55word-1", TestData.USER, true);
    AtriumClient nobody = AtriumClient.forItServer();
    assertEquals(200, nobody.login(outsider, "Outsider-Pa55word-1").status());
    assertEquals(List.of(), nobody.api("GET", "/0/rest/workspace", null).json().getJsonArray("Sections"),
        "a user outside All employees has no section to read");

    JsonObject opening = admin.api("GET", "/0/rest/workspace?object=Contact", null).json();
    assertEquals(admin.api("GET", "/0/rest/workspace/objects/Contact", null).json(), opening.getJsonObject("Object"),
        "the section the page opens at comes along, as its own endpoint answers it");
    assertTrue(admin.api("GET", "/0/rest/workspace?object=NoSuchObject", null).json().isNull("Object"));
    assertTrue(nobody.api("GET", "/0/rest/workspace?object=Contact", null).json().isNull("Object"),
        "not for a user who may not read it");

    Reply anonymous = AtriumClient.forItServer().api("GET", "/0/rest/workspace", null);
    assertEquals(401, anonymous.status());
  }

  @Test
  void anObjectIsDescribedAsListsAndFormsRenderIt() {
    AtriumClient admin = AtriumClient.supervisor();
    Reply reply = admin.api("GET", "/0/rest/workspace/objects/Contact", null);
    assertEquals(200, reply.status(), reply.body());
    JsonObject contact = reply.json();
    assertEquals(Set.of("Name", "Caption", "SectionCaption", "PrimaryDisplayColumn", "Rights", "Columns", "Related",
        "Board"), contact.keySet());
    assertTrue(contact.isNull("Board"), "contacts have no board");
    assertEquals("Contacts", contact.getString("SectionCaption"));
    assertEquals("Name", contact.getString("PrimaryDisplayColumn"));
    Map<String, JsonObject> columns = new java.util.LinkedHashMap<>();
    contact.getJsonArray("Columns").forEach(c -> columns.put(c.asJsonObject().getString("Name"), c.asJsonObject()));
    assertEquals(List.of("Id", "CreatedOn", "CreatedBy", "ModifiedOn", "ModifiedBy"),
        List.copyOf(columns.keySet()).subList(0, 5), "system columns first, then the designer's order");
    JsonObject account = columns.get("Account");
    assertEquals(Set.of("Name", "Caption", "Type", "Required", "MaxLength", "Property", "Navigation", "Reference",
        "ReferenceDisplayColumn", "System", "ReadOnly"), account.keySet());
    assertEquals("Lookup", account.getString("Type"));
    assertEquals("AccountId", account.getString("Property"), "as OData names the lookup's value");
    assertEquals("Account", account.getString("Navigation"));
    assertEquals("Account", account.getString("Reference"));
    assertEquals("Name", account.getString("ReferenceDisplayColumn"));
    JsonObject name = columns.get("Name");
    assertTrue(name.getBoolean("Required"));
    assertTrue(name.getInt("MaxLength") > 0);
    assertTrue(name.isNull("Navigation"));
    assertTrue(columns.get("Id").getBoolean("System"));
    assertTrue(columns.get("Id").getBoolean("ReadOnly"), "no one writes a system column");
    assertFalse(account.getBoolean("ReadOnly"));
    List<String> related = contact.getJsonArray("Related").stream().map(r -> r.asJsonObject().getString("Navigation")).toList();
    assertTrue(related.containsAll(List.of("ActivityCollectionByContact", "CaseCollectionByContact")), related.toString());
    Map<String, String> captions = new java.util.HashMap<>();
    contact.getJsonArray("Related").forEach(r -> captions.put(r.asJsonObject().getString("Navigation"),
        r.asJsonObject().getString("Caption")));
    assertEquals("Activities", captions.get("ActivityCollectionByContact"));
    assertEquals("Activities (Owner)", captions.get("ActivityCollectionByOwner"), "two lists of one object tell apart");

    Reply unknown = admin.api("GET", "/0/rest/workspace/objects/NoSuchObject", null);
    assertEquals(404, unknown.status());
    assertEquals("NOT_FOUND", unknown.json().getString("ErrorCode"));
  }

  /**
   * Boards: the CRM core's (opportunities by stage, cases and leads by status) with their values'
   * order, and one the designer gives an object of its own, refused on a column that is no lookup
   * and gone with its column.
   */
  @Test
  void objectsWithABoardColumnDescribeTheirBoard() {
    AtriumClient admin = AtriumClient.supervisor();
    JsonObject board = admin.api("GET", "/0/rest/workspace/objects/Opportunity", null).json().getJsonObject("Board");
    assertEquals(Json.createObjectBuilder().add("Column", "Stage").add("Property", "StageId").add("Navigation", "Stage")
        .add("Reference", "OpportunityStage").add("DisplayColumn", "Name").add("OrderColumn", "Position").build(), board);
    Reply stages = admin.api("GET", "/0/odata/OpportunityStage?$orderby=Position&$select=Name,Position", null);
    assertEquals(200, stages.status(), stages.body());
    assertEquals(List.of("Qualification", "Presentation", "Proposal", "Negotiation", "Closed won", "Closed lost"),
        stages.json().getJsonArray("value").stream().map(v -> v.asJsonObject().getString("Name")).toList());
    for (String object : List.of("Case", "Lead")) {
      JsonObject status = admin.api("GET", "/0/rest/workspace/objects/" + object, null).json().getJsonObject("Board");
      assertEquals("Status", status.getString("Column"), object);
      assertEquals(object + "Status", status.getString("Reference"), object);
      assertEquals("Position", status.getString("OrderColumn"), object);
    }
    assertEquals("New", admin.api("GET", "/0/odata/CaseStatus?$orderby=Position&$top=1", null).json()
        .getJsonArray("value").getJsonObject(0).getString("Name"), "a case starts New");

    String name = TestData.uniqueName("UsrBoard").replace("-", "");
    Reply created = admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + name + "\",\"Columns\":["
        + "{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true},"
        + "{\"Name\":\"Phase\",\"Type\":\"Lookup\",\"Reference\":\"OpportunityStage\"}],\"BoardColumn\":\"phase\"}");
    assertEquals(201, created.status(), created.body());
    try {
      assertEquals("Phase", created.json().getString("BoardColumn"), "named in any case, kept in the column's");
      JsonObject own = admin.api("GET", "/0/rest/workspace/objects/" + name, null).json().getJsonObject("Board");
      assertEquals("PhaseId", own.getString("Property"));
      assertEquals("OpportunityStage", own.getString("Reference"));
      Reply notALookup = admin.api("PATCH", "/0/rest/objects/" + name, "{\"BoardColumn\":\"Name\"}");
      assertEquals(400, notALookup.status(), notALookup.body());
      assertEquals("BoardColumn", notALookup.json().getJsonArray("Errors").getJsonObject(0).getString("Field"));
      assertEquals("Phase", admin.api("GET", "/0/rest/objects/" + name, null).json().getString("BoardColumn"), "unchanged");
      Reply dropped = admin.api("DELETE", "/0/rest/objects/" + name + "/columns/Phase?confirm=true", null);
      assertEquals(200, dropped.status(), dropped.body());
      assertTrue(dropped.json().isNull("BoardColumn"), "the board goes with its column");
      assertTrue(admin.api("GET", "/0/rest/workspace/objects/" + name, null).json().isNull("Board"));
    } finally {
      admin.api("DELETE", "/0/rest/objects/" + name + "?confirm=true", null);
    }
  }

  @Test
  void anObjectTheDesignerMakesASectionAppearsAtOnceAndLeavesWhenUnmarked() {
    AtriumClient admin = AtriumClient.supervisor();
    String name = "UsrWs" + TestData.uniqueName("P").substring(2).replace("-", "");
    Reply created = admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + name + "\",\"Caption\":\"Project\","
        + "\"Section\":\" Projects \",\"Columns\":[{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true}]}");
    assertEquals(201, created.status(), created.body());
    try {
      assertEquals("Projects", created.json().getString("Section"), "trimmed");
      JsonObject workspace = admin.api("GET", "/0/rest/workspace", null).json();
      assertTrue(names(workspace, "Name").contains(name), "a new section, without a restart");
      JsonObject section = workspace.getJsonArray("Sections").stream().map(s -> s.asJsonObject())
          .filter(s -> s.getString("Name").equals(name)).findFirst().orElseThrow();
      assertEquals("Projects", section.getString("Caption"));
      assertEquals("Project", section.getString("ObjectCaption"));

      Reply unmarked = admin.api("PATCH", "/0/rest/objects/" + name, "{\"Section\":\"\"}");
      assertEquals(200, unmarked.status(), unmarked.body());
      assertTrue(unmarked.json().isNull("Section"));
      assertFalse(names(admin.api("GET", "/0/rest/workspace", null).json(), "Name").contains(name));

      assertEquals(409, admin.api("PATCH", "/0/rest/objects/Contact", "{\"Section\":\"People\"}").status(),
          "the CRM core's sections are the system's");
      Reply tooLong = admin.api("PATCH", "/0/rest/objects/" + name, "{\"Section\":\"" + "x".repeat(251) + "\"}");
      assertEquals(400, tooLong.status(), tooLong.body());
    } finally {
      admin.api("DELETE", "/0/rest/objects/" + name + "?confirm=true", null);
    }
  }

  @Test
  void eachUserKeepsTheirOwnProfileEntries() throws Exception {
    String owner = TestData.uniqueName("ws-profile");
    TestData.createUser(owner, "Profile-Pa55word-1", TestData.USER, true, "AllEmployees");
    AtriumClient user = AtriumClient.forItServer();
    assertEquals(200, user.login(owner, "Profile-Pa55word-1").status());
    assertEquals(404, user.api("GET", "/0/rest/profile/list.Contact", null).status(), "nothing kept yet");

    String view = "{\"Columns\":[\"Name\",\"Email\"],\"Sort\":{\"Column\":\"Name\",\"Direction\":\"desc\"},"
        + "\"Filters\":[{\"Column\":\"Name\",\"Op\":\"contains\",\"Value\":\"ann <b>\"}]}";
    Reply stored = user.api("PUT", "/0/rest/profile/list.Contact", view);
    assertEquals(200, stored.status(), stored.body());
    assertEquals(Set.of("Key", "Value", "ModifiedOn"), stored.json().keySet());
    assertEquals("list.Contact", stored.json().getString("Key"));
    JsonObject value = jakarta.json.Json.createReader(new java.io.StringReader(view)).readObject();
    assertEquals(value, stored.json().getJsonObject("Value"), "kept as sent, keys inside untouched");
    assertEquals(value, user.api("GET", "/0/rest/profile/list.Contact", null).json().getJsonObject("Value"));

    Reply replaced = user.api("PUT", "/0/rest/profile/list.Contact", "{\"Columns\":[\"Name\"]}");
    assertEquals(200, replaced.status(), replaced.body());
    assertEquals(List.of("Name"), user.api("GET", "/0/rest/profile/list.Contact", null).json().getJsonObject("Value")
        .getJsonArray("Columns").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    assertEquals(200, user.api("PUT", "/0/rest/profile/list.Account", "{}").status());
    assertEquals(200, user.api("PUT", "/0/rest/profile/home", "{\"Tiles\":3}").status());
    assertEquals(List.of("list.Account", "list.Contact"), user.api("GET", "/0/rest/profile?prefix=list.", null).jsonArray()
        .stream().map(e -> e.asJsonObject().getString("Key")).toList(), "by key, only the prefix's");

    AtriumClient admin = AtriumClient.supervisor();
    assertEquals(404, admin.api("GET", "/0/rest/profile/list.Contact", null).status(), "another user's entry is not theirs");
    assertFalse(admin.api("GET", "/0/rest/profile", null).jsonArray().stream()
        .anyMatch(e -> e.asJsonObject().getString("Key").equals("home")));

    for (String[] bad : new String[][] {{"list.Contact", "[1,2]", "400", "VALIDATION_FAILED"},
        {"list.Contact", "{\"Columns\":", "400", "MALFORMED_REQUEST"},
        {"list.Contact", "{\"X\":\"" + "y".repeat(33_000) + "\"}", "413", "PAYLOAD_TOO_LARGE"},
        {"list%20Contact", "{}", "400", "VALIDATION_FAILED"},
        {".hidden", "{}", "400", "VALIDATION_FAILED"},
        {"x".repeat(251), "{}", "400", "VALIDATION_FAILED"}}) {
      Reply refused = user.api("PUT", "/0/rest/profile/" + bad[0], bad[1]);
      assertEquals(Integer.parseInt(bad[2]), refused.status(), bad[0] + " " + refused.body());
      assertEquals(bad[3], refused.json().getString("ErrorCode"), refused.body());
    }
    assertEquals(List.of("Name"), user.api("GET", "/0/rest/profile/list.Contact", null).json().getJsonObject("Value")
        .getJsonArray("Columns").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
        "a refused write keeps what was stored");

    assertEquals(204, user.api("DELETE", "/0/rest/profile/list.Contact", null).status());
    assertEquals(404, user.api("DELETE", "/0/rest/profile/list.Contact", null).status());
    assertEquals(401, AtriumClient.forItServer().api("GET", "/0/rest/profile", null).status());
  }

  @Test
  void theShellInABrowser() throws Exception {
    NodeTests.inBrowser("workspace.test.mjs", Map.of(), 240);
  }

  @Test
  void themesAndLanguagesInABrowser() throws Exception {
    NodeTests.inBrowser("appearance.test.mjs", Map.of(), 240);
  }

  @Test
  void theInstallableAppInABrowser() throws Exception {
    NodeTests.inBrowser("pwa.test.mjs", Map.of(), 180);
  }

  @Test
  void boardsInABrowser() throws Exception {
    NodeTests.inBrowser("board.test.mjs", Map.of(), 180);
  }

  @Test
  void userAdministrationInABrowser() throws Exception {
    NodeTests.inBrowser("admin-users.test.mjs", Map.of(), 180);
  }

  @Test
  void rolesAndGrantsInABrowser() throws Exception {
    NodeTests.inBrowser("admin-roles.test.mjs", Map.of(), 180);
  }

  @Test
  void systemSettingsInABrowser() throws Exception {
    NodeTests.inBrowser("admin-settings.test.mjs", Map.of(), 180);
  }

  /**
   * The licence page uploads a licence file the test vendor signed for this installation: three
   * named users of sales, the other products for everyone (so the other tests' users stay
   * licensed); the baseline licence is put back after it.
   */
  @Test
  void licencesInABrowser() throws Exception {
    AtriumClient manager = AtriumClient.supervisor();
    Path file = Files.createTempFile("atrium-licence-", ".json");
    Files.writeString(file, Licences.sign(Licences.payload(Licences.instanceId(manager), "ACME", Licences.inAYear(),
        "[{\"Code\":\"sales\",\"Type\":\"Named\",\"Count\":3},{\"Code\":\"marketing\",\"Type\":\"Server\"},"
            + "{\"Code\":\"service\",\"Type\":\"Server\"},{\"Code\":\"studio\",\"Type\":\"Server\"}]")));
    try {
      NodeTests.inBrowser("admin-licences.test.mjs", Map.of("ATRIUM_LICENCE_FILE", file.toString()), 180);
    } finally {
      Licences.restoreEveryoneLicensed();
      Files.delete(file);
    }
  }

  @Test
  void scheduledJobsInABrowser() throws Exception {
    NodeTests.inBrowser("admin-jobs.test.mjs", Map.of(), 180);
  }

  @Test
  void theAuditLogInABrowser() throws Exception {
    NodeTests.inBrowser("admin-audit.test.mjs", Map.of(), 180);
  }

  @Test
  void longWorkShowsItsProgressInABrowser() throws Exception {
    NodeTests.inBrowser("designer-progress.test.mjs", Map.of(), 180);
  }

  @Test
  void everyMainPageInBothThemesAndOnAPhone() throws Exception {
    NodeTests.inBrowser("tour.test.mjs", Map.of(), 600);
  }

  @Test
  void objectDesignInABrowser() throws Exception {
    NodeTests.inBrowser("designer.test.mjs", Map.of(), 240);
  }

  @Test
  void listsInABrowser() throws Exception {
    String employee = TestData.uniqueName("ws-lister");
    TestData.createUser(employee, "Lister-Pa55word-1", TestData.USER, true, "AllEmployees");
    NodeTests.inBrowser("lists.test.mjs", Map.of("ATRIUM_EMPLOYEE", employee, "ATRIUM_EMPLOYEE_PASSWORD", "Lister-Pa55word-1"), 240);
  }

  @Test
  void formsInABrowser() throws Exception {
    NodeTests.inBrowser("forms.test.mjs", Map.of(), 240);
  }
}
