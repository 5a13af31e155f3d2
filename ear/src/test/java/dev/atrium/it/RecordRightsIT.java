package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Record permissions (access rights, third part): in an object administered by records, a user
 * reads, changes and deletes the records whose rights name them (as author or owner), through
 * every API; lists and counts never show the others; records that existed when the switch was
 * turned on get their author's and owner's rights; a new owner's rights replace the old owner's;
 * the managers of the author's division and the object's rules by the author's role give theirs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecordRightsIT {

  static final String PASSWORD = People.PASSWORD;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  /** A user with a contact of their own, signed in; {@code contact} gets the contact's id, then the user's. */
  private static AtriumClient user(AtriumClient admin, String name, UUID[] contact) throws Exception {
    People.Person person = People.employee(admin, name);
    contact[0] = person.contactId();
    contact[1] = person.userId();
    return person.signIn();
  }

  private static Set<String> names(AtriumClient c, String object) {
    Reply r = c.api("GET", "/0/odata/" + object + "?$select=Name", null);
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("value").getValuesAs(JsonObject.class).stream().map(o -> o.getString("Name"))
        .collect(Collectors.toSet());
  }

  private static String add(AtriumClient c, String object, String body) {
    Reply r = c.api("POST", "/0/odata/" + object, body);
    assertEquals(201, r.status(), r.body());
    return r.json().getString("Id");
  }

  private static void assertError(Reply r, int status, String code) {
    assertEquals(status, r.status(), r.body());
    assertEquals(code, r.json().getString("ErrorCode"), r.body());
  }

  @Test
  void aRecordIsReachedOnlyByThoseItsRightsName() throws Exception {
    AtriumClient admin = AtriumClient.supervisor();
    String name = "UsrRec" + TestData.uniqueName("o").substring(2).replace("-", "");
    UUID[] annContact = new UUID[2];
    UUID[] bobContact = new UUID[2];
    AtriumClient ann = user(admin, TestData.uniqueName("rec-ann"), annContact);
    AtriumClient bob = user(admin, TestData.uniqueName("rec-bob"), bobContact);
    Reply created = admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + name + "\",\"Caption\":\"Deal\","
        + "\"Columns\":[{\"Name\":\"Name\",\"Type\":\"Text\",\"Required\":true},"
        + "{\"Name\":\"Owner\",\"Type\":\"Lookup\",\"Reference\":\"Contact\"}],\"OwnerColumn\":\"Owner\"}");
    assertEquals(201, created.status(), created.body());
    String records = "/0/odata/" + name;
    try {
      // before the switch every employee reaches every record
      add(ann, name, "{\"Name\":\"ann-old\"}");
      String bobOld = add(bob, name, "{\"Name\":\"bob-old\"}");
      add(admin, name, "{\"Name\":\"owned-by-bob\",\"OwnerId\":\"" + bobContact[0] + "\"}");
      assertEquals(Set.of("ann-old", "bob-old", "owned-by-bob"), names(ann, name));

      Reply on = admin.api("PATCH", "/0/rest/objects/" + name, "{\"AdministeredByRecords\":true}");
      assertEquals(200, on.status(), on.body());

      // the records that existed got their author's and owner's rights
      assertEquals(Set.of("ann-old"), names(ann, name));
      assertEquals(Set.of("bob-old", "owned-by-bob"), names(bob, name));
      assertEquals(Set.of("ann-old", "bob-old", "owned-by-bob"), names(admin, name), "CanSelectEverything reads all");
      assertEquals("1", ann.api("GET", records + "/$count", null).body().trim(), "a count never counts what one may not read");
      Reply filtered = ann.api("GET", records + "?$filter=Name%20eq%20'bob-old'&$count=true", null);
      assertEquals(0, filtered.json().getJsonArray("value").size());
      assertEquals(0, filtered.json().getInt("@odata.count"));
      String record = records + "(" + bobOld + ")";
      assertEquals(404, ann.api("GET", record, null).status(), "a record one may not read is not there");
      assertEquals(404, ann.api("PATCH", record, "{\"Name\":\"taken\"}").status());
      assertEquals(404, ann.api("DELETE", record, null).status());
      Reply ds = ann.api("POST", "/0/DataService/json/SyncReply/SelectQuery", "{\"RootSchemaName\":\"" + name
          + "\",\"OperationType\":0,\"Columns\":{\"Items\":{\"Name\":{\"Expression\":{\"ExpressionType\":0,"
          + "\"ColumnPath\":\"Name\"}}}}}");
      assertEquals(200, ds.status(), ds.body());
      assertEquals(List.of("ann-old"), ds.json().getJsonArray("rows").getValuesAs(JsonObject.class).stream()
          .map(r -> r.getString("Name")).toList(), "DataService obeys the same rights");
      assertEquals("bob-old", names(bob, name).stream().filter("bob-old"::equals).findFirst().orElseThrow(),
          "nothing was changed by the refused calls");

      // a lookup to a record one may not read keeps its id but not its display value
      String notes = name + "N";
      assertEquals(201, admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + notes + "\",\"Columns\":[{\"Name\":\"Name\","
          + "\"Type\":\"Text\"},{\"Name\":\"Deal\",\"Type\":\"Lookup\",\"Reference\":\"" + name + "\"}]}").status());
      try {
        add(admin, notes, "{\"Name\":\"about bob-old\",\"DealId\":\"" + bobOld + "\"}");
        String select = "{\"RootSchemaName\":\"" + notes + "\",\"OperationType\":0,\"Columns\":{\"Items\":{\"Deal\":"
            + "{\"Expression\":{\"ExpressionType\":0,\"ColumnPath\":\"Deal\"}}}}}";
        JsonObject seenByBob = bob.api("POST", "/0/DataService/json/SyncReply/SelectQuery", select).json()
            .getJsonArray("rows").getJsonObject(0).getJsonObject("Deal");
        assertEquals("bob-old", seenByBob.getString("displayValue"), seenByBob.toString());
        JsonObject seenByAnn = ann.api("POST", "/0/DataService/json/SyncReply/SelectQuery", select).json()
            .getJsonArray("rows").getJsonObject(0).getJsonObject("Deal");
        assertEquals(bobOld, seenByAnn.getString("value"));
        assertTrue(seenByAnn.isNull("displayValue"), "no name of a record Ann may not read: " + seenByAnn);
        String probe = "/0/odata/" + notes + "?$filter=Deal/Name%20eq%20'bob-old'";
        assertEquals(1, bob.api("GET", probe, null).json().getJsonArray("value").size());
        assertEquals(0, ann.api("GET", probe, null).json().getJsonArray("value").size(), "nor can a filter probe it");
      } finally {
        admin.api("DELETE", "/0/rest/objects/" + notes + "?confirm=true", null);
      }

      // sharing: who holds an operation with the right to delegate passes it on, to a user or a role
      String rightsOf = "/0/rest/records/" + name + "/" + bobOld + "/rights";
      Reply sharing = bob.api("POST", rightsOf, "{\"GranteeId\":\"" + annContact[1] + "\",\"Operation\":\"Read\"}");
      assertEquals(200, sharing.status(), sharing.body());
      assertEquals(Set.of("Author/Read/Delegate", "Author/Edit/Delegate", "Author/Delete/Delegate", "Shared/Read/Granted"),
          sharing.json().getJsonArray("Entries").getValuesAs(JsonObject.class).stream()
              .map(e -> e.getString("Source") + "/" + e.getString("Operation") + "/" + e.getString("Level")).collect(Collectors.toSet()));
      assertEquals(200, ann.api("GET", record, null).status(), "shared with Ann");
      Reply readOnly = ann.api("PATCH", record, "{\"Name\":\"taken\"}");
      assertEquals(403, readOnly.status(), "read, not change: " + readOnly.body());
      assertEquals("ACCESS_DENIED", readOnly.json().getJsonObject("error").getString("code"));
      assertEquals(403, ann.api("POST", rightsOf, "{\"GranteeId\":\"" + bobContact[1] + "\",\"Operation\":\"Read\"}").status(),
          "Ann may not pass on what she may not delegate");
      assertEquals(204, bob.api("DELETE", rightsOf + "/" + annContact[1] + "/Read", null).status());
      assertEquals(404, ann.api("GET", record, null).status(), "taken back");
      assertEquals(200, bob.api("POST", rightsOf, "{\"GranteeId\":\"" + AdminIT.ALL_EMPLOYEES + "\",\"Operation\":\"Read\","
          + "\"Level\":\"Granted\"}").status());
      assertEquals(200, ann.api("GET", record, null).status(), "shared with a role of Ann's");
      assertEquals(204, bob.api("DELETE", rightsOf + "/" + AdminIT.ALL_EMPLOYEES + "/Read", null).status());
      assertEquals(404, ann.api("GET", record, null).status());
      // refusals with stable codes, nothing shared by them
      assertError(bob.api("POST", rightsOf, "{\"GranteeId\":\"" + UUID.randomUUID() + "\",\"Operation\":\"Read\"}"), 400, "UNKNOWN_REFERENCE");
      assertError(bob.api("POST", rightsOf, "{\"GranteeId\":\"" + annContact[1] + "\",\"Operation\":\"Own\"}"), 400, "VALIDATION_FAILED");
      assertError(bob.api("DELETE", rightsOf + "/" + annContact[1] + "/Read", null), 404, "NOT_FOUND");
      assertError(ann.api("GET", rightsOf, null), 404, "NOT_FOUND");
      assertError(bob.api("GET", "/0/rest/records/" + name + "/not-an-id/rights", null), 400, "INVALID_IDENTIFIER");
      assertError(bob.api("GET", "/0/rest/records/City/" + UUID.randomUUID() + "/rights", null), 409, "CONFLICT");
      assertEquals(404, ann.api("GET", record, null).status());

      // a new record: its author and its owner reach it
      String shared = add(ann, name, "{\"Name\":\"ann-for-bob\",\"OwnerId\":\"" + bobContact[0] + "\"}");
      assertTrue(names(ann, name).contains("ann-for-bob"), "the author");
      assertTrue(names(bob, name).contains("ann-for-bob"), "the owner");

      // a new owner's rights replace the old owner's; the author keeps theirs
      String sharedRecord = records + "(" + shared + ")";
      assertEquals(204, bob.api("PATCH", sharedRecord, "{\"OwnerId\":\"" + annContact[0] + "\"}").status());
      assertEquals(404, bob.api("GET", sharedRecord, null).status(), "no longer the owner");
      assertEquals(200, ann.api("GET", sharedRecord, null).status());
      assertEquals(204, ann.api("DELETE", sharedRecord, null).status(), "the author may delete it");
      assertEquals(Set.of("ann-old"), names(ann, name));

      Reply deleted = admin.api("DELETE", "/0/rest/objects/" + name + "?confirm=true", null);
      assertEquals(204, deleted.status(), "the object goes with its rights table: " + deleted.body());
    } finally {
      admin.api("DELETE", "/0/rest/objects/" + name + "?confirm=true", null);
    }
  }

  private static String role(AtriumClient admin, String type, String parent) {
    return People.role(admin, type, parent);
  }

  private static void member(AtriumClient admin, String role, UUID user) {
    People.member(admin, role, user);
  }

  private static String rule(String author, String grantee, String operation, String level) {
    return "{\"AuthorId\":\"" + author + "\",\"GranteeId\":\"" + grantee + "\",\"Operation\":\"" + operation + "\""
        + (level == null ? "" : ",\"Level\":\"" + level + "\"") + "}";
  }

  @Test
  void managersAndRulesByTheAuthorsRoleGetTheirRights() throws Exception {
    AtriumClient admin = AtriumClient.supervisor();
    String division = role(admin, "Division", null);
    String managers = role(admin, "ManagerRole", division);
    String auditors = role(admin, "FunctionalRole", null);
    UUID[] annIds = new UUID[2];
    UUID[] carlIds = new UUID[2];
    UUID[] doraIds = new UUID[2];
    UUID[] bobIds = new UUID[2];
    String annName = TestData.uniqueName("def-ann");
    String carlName = TestData.uniqueName("def-carl");
    String doraName = TestData.uniqueName("def-dora");
    user(admin, annName, annIds);
    user(admin, carlName, carlIds);
    user(admin, doraName, doraIds);
    AtriumClient bob = user(admin, TestData.uniqueName("def-bob"), bobIds);
    member(admin, division, annIds[1]);
    member(admin, managers, carlIds[1]);
    member(admin, auditors, doraIds[1]);
    AtriumClient ann = AtriumClient.forItServer().signedInAs(annName, PASSWORD);
    AtriumClient carl = AtriumClient.forItServer().signedInAs(carlName, PASSWORD);
    AtriumClient dora = AtriumClient.forItServer().signedInAs(doraName, PASSWORD);

    String name = "UsrDef" + TestData.uniqueName("o").substring(2).replace("-", "");
    assertEquals(201, admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + name + "\",\"Columns\":[{\"Name\":\"Name\","
        + "\"Type\":\"Text\",\"Required\":true}]}").status());
    String rules = "/0/rest/objects/" + name + "/default-record-rights";
    try {
      assertEquals(200, admin.api("PATCH", "/0/rest/objects/" + name, "{\"AdministeredByRecords\":true}").status());
      add(ann, name, "{\"Name\":\"before the rule\"}");

      // what the division writes, the auditors may read
      Reply put = admin.api("PUT", rules, "{\"Entries\":[" + rule(division, auditors, "Read", null) + "]}");
      assertEquals(200, put.status(), put.body());
      JsonObject entry = put.json().getJsonArray("Entries").getJsonObject(0);
      assertEquals(List.of(division, auditors, "Read", "Granted", true), List.of(entry.getString("AuthorId"),
          entry.getString("GranteeId"), entry.getString("Operation"), entry.getString("Level"), put.json().getBoolean("AdministeredByRecords")));
      assertEquals(put.json(), admin.api("GET", rules, null).json());
      assertEquals(Set.of("before the rule"), names(dora, name), "the records that exist follow the new rule");

      String record = add(ann, name, "{\"Name\":\"ann's\"}");
      add(bob, name, "{\"Name\":\"bob's\"}");
      assertEquals(Set.of("before the rule", "ann's"), names(ann, name));
      assertEquals(Set.of("before the rule", "ann's"), names(carl, name), "the manager of Ann's division");
      assertEquals(Set.of("before the rule", "ann's"), names(dora, name), "the rule for the auditors");
      assertEquals(Set.of("bob's"), names(bob, name), "Bob is not in the division");
      Set<String> reasons = ann.api("GET", "/0/rest/records/" + name + "/" + record + "/rights", null).json()
          .getJsonArray("Entries").getValuesAs(JsonObject.class).stream()
          .map(e -> e.getString("Source") + "/" + e.getString("Operation") + "/" + e.getString("Level") + "/" + e.getString("GranteeId"))
          .collect(Collectors.toSet());
      assertTrue(reasons.containsAll(Set.of("Manager/Read/Granted/" + managers, "Manager/Edit/Granted/" + managers,
          "Manager/Delete/Granted/" + managers, "Rule/Read/Granted/" + auditors, "Author/Read/Delegate/" + annIds[1])), reasons.toString());
      String path = "/0/odata/" + name + "(" + record + ")";
      assertEquals(403, dora.api("PATCH", path, "{\"Name\":\"audited\"}").status(), "read, not change");
      assertEquals(204, carl.api("PATCH", path, "{\"Name\":\"ann's, checked\"}").status(), "a manager may change it");

      // a changed rule changes the rights of every record it reaches
      assertEquals(200, admin.api("PUT", rules, "{\"Entries\":[" + rule(division, auditors, "Read", null) + ","
          + rule(division, auditors, "Edit", "Delegate") + "]}").status());
      assertEquals(204, dora.api("PATCH", path, "{\"Name\":\"ann's, audited\"}").status());
      assertEquals(200, admin.api("PUT", rules, "{\"Entries\":[]}").status());
      assertEquals(Set.of(), names(dora, name), "no rule, no rights");
      assertEquals(Set.of("before the rule", "ann's, audited"), names(carl, name), "the manager's stay");

      // refusals with stable codes; nothing stored changes
      assertEquals(200, admin.api("PUT", rules, "{\"Entries\":[" + rule(division, auditors, "Read", null) + "]}").status());
      JsonObject kept = admin.api("GET", rules, null).json();
      Reply unknown = admin.api("PUT", rules, "{\"Entries\":[" + rule(UUID.randomUUID().toString(), auditors, "Read", null) + "]}");
      assertError(unknown, 400, "UNKNOWN_REFERENCE");
      assertTrue(unknown.body().contains("Entries[0].AuthorId"), unknown.body());
      assertError(admin.api("PUT", rules, "{\"Entries\":[" + rule(division, auditors, "Read", null) + ","
          + rule(division, auditors, "Read", "Delegate") + "]}"), 400, "VALIDATION_FAILED");
      assertError(admin.api("PUT", rules, "{\"Entries\":[" + rule(division, auditors, "Own", null) + "]}"), 400, "VALIDATION_FAILED");
      assertError(admin.api("PUT", "/0/rest/objects/UsrNoSuchObject/default-record-rights", "{\"Entries\":[]}"), 404, "NOT_FOUND");
      assertEquals(403, ann.api("PUT", rules, "{\"Entries\":[]}").status(), "only administrators");
      assertEquals(403, ann.api("GET", rules, null).status());
      assertEquals(kept, admin.api("GET", rules, null).json());
      assertEquals(Set.of("before the rule", "ann's, audited"), names(dora, name));

      // a role named by a rule can still be deleted; its rules go with it
      assertEquals(204, admin.api("DELETE", "/0/rest/roles/" + auditors + "/members/" + doraIds[1], null).status());
      Reply gone = admin.api("DELETE", "/0/rest/roles/" + auditors, null);
      assertEquals(204, gone.status(), gone.body());
      assertEquals(0, admin.api("GET", rules, null).json().getJsonArray("Entries").size());
      assertEquals(Set.of("before the rule", "ann's, audited", "bob's"), names(admin, name), "the records stay");
    } finally {
      admin.api("DELETE", "/0/rest/objects/" + name + "?confirm=true", null);
    }
  }

  /** Polls the object's record rights until they stand as {@code state} (at most 120 s); answers its rules. */
  private static JsonObject waitForRights(AtriumClient admin, String object, String state) throws InterruptedException {
    JsonObject rules = null;
    for (int i = 0; i < 240; i++) {
      rules = admin.api("GET", "/0/rest/objects/" + object + "/default-record-rights", null).json();
      if (state.equals(rules.getString("RightsState"))) {
        return rules;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(object + "'s record rights did not become " + state + ": " + rules);
  }

  private static final String JOB = "/0/rest/jobs/record-rights-upkeep";

  /** Resumes the paused job and runs it at once (a run asked for while it was paused is not kept). */
  private static void resumeAndRun(AtriumClient admin) throws InterruptedException {
    assertEquals(204, admin.api("POST", JOB + "/resume", null).status());
    Licences.runJob(admin, "record-rights-upkeep");
  }

  private static AtriumClient signIn(String name) {
    return AtriumClient.forItServer().signedInAs(name, PASSWORD);
  }

  @Test
  void theCoreObjectsAndLargeTablesGetTheirRightsInTheBackground() throws Exception {
    AtriumClient admin = AtriumClient.supervisor();
    UUID[] annIds = new UUID[2];
    UUID[] bobIds = new UUID[2];
    String annName = TestData.uniqueName("bg-ann");
    String bobName = TestData.uniqueName("bg-bob");
    AtriumClient ann = user(admin, annName, annIds);
    user(admin, bobName, bobIds);
    // sessions here time out after 8 s idle: Bob signs in anew after each wait
    Supplier<AtriumClient> bob = () -> signIn(bobName);

    // the CRM core's objects: after the upgrade the job gave their records their first rights, the
    // shipped rule keeping them open to every employee
    JsonObject contactRules = waitForRights(admin, "Contact", "Current");
    ann = signIn(annName);
    assertTrue(contactRules.getBoolean("AdministeredByRecords"));
    assertEquals(Set.of("Read", "Edit", "Delete"), contactRules.getJsonArray("Entries").getValuesAs(JsonObject.class).stream()
        .filter(e -> e.getString("AuthorId").equals(AdminIT.ALL_EMPLOYEES) && e.getString("GranteeId").equals(AdminIT.ALL_EMPLOYEES))
        .map(e -> e.getString("Operation")).collect(Collectors.toSet()));
    String bobsContact = "/0/odata/Contact(" + bobIds[0] + ")";
    assertEquals(200, ann.api("GET", bobsContact, null).status(), "a contact the Supervisor added, read by an employee");
    Set<String> reasons = admin.api("GET", "/0/rest/records/Contact/" + bobIds[0] + "/rights", null).json()
        .getJsonArray("Entries").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("Source") + "/" + e.getString("Operation") + "/" + e.getString("GranteeId")).collect(Collectors.toSet());
    assertTrue(reasons.containsAll(Set.of("Rule/Read/" + AdminIT.ALL_EMPLOYEES, "Author/Read/" + AdminIT.SUPERVISOR)),
        reasons.toString());
    assertEquals(200, ann.api("GET", "/0/odata/Contact(410006e1-ca4e-4502-a9ec-e54d922d2c00)", null).status(),
        "a seeded contact, without an author before, counts as the Supervisor's");

    // a designer object larger than the inline limit (50 in these tests): the job gives the rights
    String name = "UsrBg" + TestData.uniqueName("o").substring(2).replace("-", "");
    assertEquals(201, admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + name + "\",\"Columns\":[{\"Name\":\"Name\","
        + "\"Type\":\"Text\",\"Required\":true}]}").status());
    try {
      for (int i = 0; i < 60; i++) {
        add(ann, name, "{\"Name\":\"ann-" + i + "\"}");
      }
      assertEquals(204, admin.api("POST", JOB + "/pause", null).status());
      try {
        assertEquals(200, admin.api("PATCH", "/0/rest/objects/" + name, "{\"AdministeredByRecords\":true}").status());
        waitForRights(admin, name, "FirstPending");
        assertEquals(60, names(bob.get(), name).size(), "until the records have their rights, they stay open as before");
        resumeAndRun(admin);
        waitForRights(admin, name, "Current");
        assertEquals(0, names(bob.get(), name).size(), "then record permissions apply");
        ann = signIn(annName);
        assertEquals(60, names(ann, name).size(), "to the author's");

        // a rule changed on the large table: enforced with the old rights until the job has run
        assertEquals(204, admin.api("POST", JOB + "/pause", null).status());
        Reply put = admin.api("PUT", "/0/rest/objects/" + name + "/default-record-rights",
            "{\"Entries\":[" + rule(AdminIT.ALL_EMPLOYEES, AdminIT.ALL_EMPLOYEES, "Read", null) + "]}");
        assertEquals(200, put.status(), put.body());
        assertEquals("UpdatePending", put.json().getString("RightsState"));
        assertEquals(0, names(bob.get(), name).size());
        resumeAndRun(admin);
        waitForRights(admin, name, "Current");
        assertEquals(60, names(bob.get(), name).size(), "the rule reached every record");

        // records loaded around Atrium get theirs when an administrator asks
        assertEquals(60, TestData.execute("DELETE FROM Sys" + name + "Right WHERE Source = 4"));
        assertEquals(0, names(bob.get(), name).size());
        Reply again = admin.api("POST", "/0/rest/objects/" + name + "/default-record-rights/recompute", null);
        assertEquals(200, again.status(), again.body());
        waitForRights(admin, name, "Current");
        assertEquals(60, names(bob.get(), name).size());
        assertError(admin.api("POST", "/0/rest/objects/City/default-record-rights/recompute", null), 409, "CONFLICT");
        assertEquals(403, signIn(annName).api("POST", "/0/rest/objects/" + name + "/default-record-rights/recompute", null).status());
      } finally {
        admin.api("POST", JOB + "/resume", null);
      }
    } finally {
      admin.api("DELETE", "/0/rest/objects/" + name + "?confirm=true", null);
    }
  }
}
