package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The administration API: users, roles, operations, settings, each guarded by its operation. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminIT {

  static final String ALL_EMPLOYEES = "a29a3ba5-4b0d-de11-9a51-005056c00008";
  static final String SYSTEM_ADMINISTRATORS = "83a43ebc-f36b-1410-298d-001e8c82bcad";
  static final String SUPERVISOR = "7f3b869f-34f3-4f20-ab4d-7480a5fdf647";
  static final String PASSWORD = "Long-Enough-Pa55word";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  private final AtriumClient admin = AtriumClient.supervisor();

  /** Creates an employee through the API; returns its id. */
  private String createUser(String name, String... roleIds) {
    StringBuilder roles = new StringBuilder();
    for (String r : roleIds) {
      roles.append(roles.length() == 0 ? "" : ",").append('"').append(r).append('"');
    }
    Reply r = admin.api("POST", "/0/rest/users", "{\"Name\":\"" + name + "\",\"Email\":\"" + name
        + "@example.org\",\"Type\":\"Employee\",\"Password\":\"" + PASSWORD + "\",\"RoleIds\":[" + roles + "]}");
    assertEquals(201, r.status(), r.body());
    return r.json().getString("Id");
  }

  private String createRole(String code, String type, String parentId) {
    Reply r = admin.api("POST", "/0/rest/roles", "{\"Name\":\"" + code + " role\",\"Code\":\"" + code
        + "\",\"Type\":\"" + type + "\",\"ParentRoleId\":" + (parentId == null ? "null" : "\"" + parentId + "\"") + "}");
    assertEquals(201, r.status(), r.body());
    return r.json().getString("Id");
  }

  @Test
  void everyAdminEndpointRefusesACallerWithoutItsOperation() throws Exception {
    String name = TestData.uniqueName("plain");
    TestData.createUser(name, PASSWORD, TestData.USER, true, "AllEmployees");
    AtriumClient plain = AtriumClient.forItServer().signedInAs(name, PASSWORD);
    String id = UUID.randomUUID().toString();
    List<String[]> calls = List.of(
        new String[] {"GET", "/0/rest/users", null},
        new String[] {"GET", "/0/rest/users/" + id, null},
        new String[] {"POST", "/0/rest/users", "{\"Name\":\"x\",\"Password\":\"" + PASSWORD + "\"}"},
        new String[] {"PUT", "/0/rest/users/" + id, "{\"Name\":\"x\",\"Active\":true}"},
        new String[] {"DELETE", "/0/rest/users/" + id, null},
        new String[] {"POST", "/0/rest/users/" + id + "/reset-password", "{\"Password\":\"" + PASSWORD + "\"}"},
        new String[] {"POST", "/0/rest/users/" + id + "/unlock", null},
        new String[] {"GET", "/0/rest/users/" + id + "/sessions", null},
        new String[] {"DELETE", "/0/rest/users/" + id + "/sessions", null},
        new String[] {"DELETE", "/0/rest/users/" + id + "/sessions/abc", null},
        new String[] {"GET", "/0/rest/roles", null},
        new String[] {"GET", "/0/rest/roles/" + id, null},
        new String[] {"POST", "/0/rest/roles", "{\"Name\":\"x\",\"Code\":\"x\",\"Type\":\"Team\"}"},
        new String[] {"PUT", "/0/rest/roles/" + id, "{\"Name\":\"x\",\"Active\":true}"},
        new String[] {"DELETE", "/0/rest/roles/" + id, null},
        new String[] {"GET", "/0/rest/roles/" + id + "/members", null},
        new String[] {"POST", "/0/rest/roles/" + id + "/members", "{\"UserId\":\"" + id + "\"}"},
        new String[] {"DELETE", "/0/rest/roles/" + id + "/members/" + id, null},
        new String[] {"POST", "/0/rest/roles/" + id + "/org-roles", "{\"OrgRoleId\":\"" + id + "\"}"},
        new String[] {"DELETE", "/0/rest/roles/" + id + "/org-roles/" + id, null},
        new String[] {"GET", "/0/rest/operations", null},
        new String[] {"PUT", "/0/rest/operations/CanExportGrid/grantees/" + id, "{\"CanExecute\":true}"},
        new String[] {"DELETE", "/0/rest/operations/CanExportGrid/grantees/" + id, null},
        new String[] {"GET", "/0/rest/settings", null},
        new String[] {"GET", "/0/rest/settings/MaxFileSize", null},
        new String[] {"PUT", "/0/rest/settings/MaxFileSize", "{\"Value\":\"20\"}"},
        new String[] {"PUT", "/0/rest/settings/MaxFileSize/values/" + id, "{\"Value\":\"20\"}"},
        new String[] {"DELETE", "/0/rest/settings/MaxFileSize/values/" + id, null},
        new String[] {"GET", "/0/rest/settings/MaxFileSize/effective/" + id, null},
        new String[] {"GET", "/0/rest/audit", null},
        new String[] {"GET", "/0/rest/audit/event-types", null},
        new String[] {"GET", "/0/rest/oauth-clients", null},
        new String[] {"POST", "/0/rest/oauth-clients", "{\"Name\":\"x\",\"UserId\":\"" + id + "\"}"},
        new String[] {"POST", "/0/rest/oauth-clients/" + id + "/rotate-secret", null},
        new String[] {"PUT", "/0/rest/oauth-clients/" + id, "{\"Name\":\"x\",\"Active\":true}"},
        new String[] {"DELETE", "/0/rest/oauth-clients/" + id, null},
        new String[] {"GET", "/0/rest/objects", null},
        new String[] {"GET", "/0/rest/objects/UsrX", null},
        new String[] {"POST", "/0/rest/objects", "{\"Name\":\"UsrX\",\"Columns\":[{\"Name\":\"Name\",\"Type\":\"Text\"}]}"},
        new String[] {"POST", "/0/rest/objects/UsrX/columns", "{\"Columns\":[{\"Name\":\"A\",\"Type\":\"Text\"}]}"},
        new String[] {"DELETE", "/0/rest/objects/UsrX/columns/A?confirm=true", null},
        new String[] {"PATCH", "/0/rest/objects/UsrX/columns/A?confirm=true", "{\"Type\":\"LongText\"}"},
        new String[] {"DELETE", "/0/rest/objects/UsrX?confirm=true", null},
        new String[] {"GET", "/0/rest/objects/UsrX/ddl?dbms=oracle", null});
    for (String[] call : calls) {
      Reply r = plain.api(call[0], call[1], call[2]);
      assertEquals(403, r.status(), call[0] + " " + call[1] + ": " + r.body());
      assertEquals("ACCESS_DENIED", r.json().getString("ErrorCode"), call[0] + " " + call[1]);
    }
  }

  @Test
  void usersAreCreatedSignInAndEndWhenDeactivatedOrReset() {
    String name = TestData.uniqueName("newbie");
    String id = createUser(name);
    JsonObject user = admin.api("GET", "/0/rest/users/" + id, null).json();
    assertEquals(name, user.getString("Name"));
    assertEquals("Employee", user.getString("Type"));
    assertEquals(List.of("AllEmployees"), user.getJsonArray("Roles").getValuesAs(jakarta.json.JsonString.class)
        .stream().map(jakarta.json.JsonString::getString).toList(), "employees join All employees");
    assertEquals(409, admin.api("POST", "/0/rest/users", "{\"Name\":\"" + name.toUpperCase() + "\",\"Password\":\""
        + PASSWORD + "\"}").status(), "names are unique, case-insensitively");

    AtriumClient browser = AtriumClient.forItServer().signedInAs(name, PASSWORD);
    assertEquals(200, browser.api("GET", "/0/rest/contacts", null).status());
    assertEquals(200, admin.api("PUT", "/0/rest/users/" + id,
        "{\"Name\":\"" + name + "\",\"Email\":null,\"Active\":false}").status());
    assertEquals(401, browser.api("GET", "/0/rest/contacts", null).status(), "deactivation ends live sessions at once");
    assertEquals(1, AtriumClient.forItServer().login(name, PASSWORD).json().getInt("Code"));

    admin.api("PUT", "/0/rest/users/" + id, "{\"Name\":\"" + name + "\",\"Active\":true}");
    AtriumClient again = AtriumClient.forItServer().signedInAs(name, PASSWORD);
    assertEquals(204, admin.api("POST", "/0/rest/users/" + id + "/reset-password",
        "{\"Password\":\"Another-Long-Pa55word\"}").status());
    assertEquals(401, again.api("GET", "/0/rest/contacts", null).status(), "a reset ends live sessions");
    assertTrue(admin.api("GET", "/0/rest/users/" + id, null).json().getBoolean("ForcePasswordChange"));

    assertEquals(204, admin.api("DELETE", "/0/rest/users/" + id, null).status());
    assertEquals(404, admin.api("GET", "/0/rest/users/" + id, null).status());
  }

  @Test
  void passwordsMustMeetThePolicy() {
    Reply weak = admin.api("POST", "/0/rest/users", "{\"Name\":\"" + TestData.uniqueName("weak")
        + "\",\"Password\":\"short\"}");
    assertEquals(400, weak.status());
    JsonObject error = weak.json().getJsonArray("Errors").getJsonObject(0);
    assertEquals("Password", error.getString("Field"));
    assertEquals("must have at least 12 characters", error.getString("Message"));
  }

  /** The administration pages search users by name: any case, its % and _ taken as they are. */
  @Test
  void usersAreSearchedByName() {
    String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
    createUser("find-" + tag + "-a");
    createUser("Find-" + tag + "-B");
    JsonObject both = admin.api("GET", "/0/rest/users?search=FIND-" + tag, null).json();
    assertEquals(2, both.getInt("Total"), both.toString());
    assertEquals(java.util.Set.of("find-" + tag + "-a", "Find-" + tag + "-B"), both.getJsonArray("Items")
        .getValuesAs(JsonObject.class).stream().map(u -> u.getString("Name")).collect(java.util.stream.Collectors.toSet()),
        "in the database's collation order, which differs in case");
    assertEquals(1, admin.api("GET", "/0/rest/users?search=" + tag + "-b", null).json().getInt("Total"));
    assertEquals(0, admin.api("GET", "/0/rest/users?search=" + tag + "%25", null).json().getInt("Total"),
        "% is a character, not a wildcard");
    assertEquals(0, admin.api("GET", "/0/rest/users?search=find_" + tag, null).json().getInt("Total"), "so is _");
    assertEquals(400, admin.api("GET", "/0/rest/users?search=" + "x".repeat(251), null).status());
  }

  @Test
  void adminsUnlockListAndEndSessions() {
    String name = TestData.uniqueName("sessions");
    String id = createUser(name);
    for (int i = 0; i < 5; i++) {
      AtriumClient.forItServer().login(name, "wrong");
    }
    assertTrue(admin.api("GET", "/0/rest/users/" + id, null).json().getBoolean("Locked"));
    assertEquals(204, admin.api("POST", "/0/rest/users/" + id + "/unlock", null).status());

    AtriumClient first = AtriumClient.forItServer().signedInAs(name, PASSWORD);
    AtriumClient second = AtriumClient.forItServer().signedInAs(name, PASSWORD);
    List<JsonObject> sessions = admin.api("GET", "/0/rest/users/" + id + "/sessions", null).jsonArray()
        .getValuesAs(JsonObject.class);
    assertEquals(2, sessions.size());
    assertFalse(String.join(",", sessions.toString()).contains(first.cookies.get(".ASPXAUTH")), "ids are not tokens");
    String firstId = sessions.get(0).getString("Id");
    assertEquals(204, admin.api("DELETE", "/0/rest/users/" + id + "/sessions/" + firstId, null).status());
    assertEquals(401, first.api("GET", "/0/rest/contacts", null).status());
    assertEquals(200, second.api("GET", "/0/rest/contacts", null).status());
    assertEquals(204, admin.api("DELETE", "/0/rest/users/" + id + "/sessions", null).status());
    assertEquals(401, second.api("GET", "/0/rest/contacts", null).status());
  }

  @Test
  void theRoleTreeGivesMembersTheirAncestorsAndRefusesLoopsAndDeletesInUse() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String org = createRole("Org" + suffix, "Organisation", null);
    String division = createRole("Div" + suffix, "Division", org);
    String team = createRole("Team" + suffix, "Team", division);
    String user = createUser(TestData.uniqueName("member"), team);

    // A setting on the organisation reaches a member of a team two levels below.
    admin.api("PUT", "/0/rest/settings/MaxFileSize/values/" + org, "{\"Value\":\"33\"}");
    assertEquals("33", admin.api("GET", "/0/rest/settings/MaxFileSize/effective/" + user, null).json().getString("Value"));

    Reply loop = admin.api("PUT", "/0/rest/roles/" + org, "{\"Name\":\"x\",\"ParentRoleId\":\"" + team + "\",\"Active\":true}");
    assertEquals(400, loop.status(), "an organisation under its own team");
    assertEquals(409, admin.api("DELETE", "/0/rest/roles/" + division, null).status(), "it has a sub-role");
    assertEquals(409, admin.api("DELETE", "/0/rest/roles/" + ALL_EMPLOYEES, null).status(), "built-in");
    Reply members = admin.api("GET", "/0/rest/roles/" + team + "/members", null);
    assertEquals(200, members.status(), members.body());
    assertEquals(List.of(user), members.jsonArray().stream().map(v -> v.asJsonObject().getString("Id")).toList(),
        "the direct members, not those of sub-roles");
    assertEquals(List.of(), admin.api("GET", "/0/rest/roles/" + division + "/members", null).jsonArray());
    assertEquals(204, admin.api("DELETE", "/0/rest/roles/" + team + "/members/" + user, null).status());
    assertEquals("10", admin.api("GET", "/0/rest/settings/MaxFileSize/effective/" + user, null).json().getString("Value"),
        "out of the team, out of the organisation");
    assertEquals(204, admin.api("DELETE", "/0/rest/roles/" + team, null).status());
  }

  @Test
  void operationsGrantedToARoleReachItsMembersAndAUserDenialWins() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String auditors = createRole("Auditors" + suffix, "FunctionalRole", null);
    String name = TestData.uniqueName("auditor");
    String user = createUser(name, auditors);
    AtriumClient auditor = AtriumClient.forItServer().signedInAs(name, PASSWORD);
    assertEquals(403, auditor.api("GET", "/0/rest/audit", null).status());

    assertEquals(204, admin.api("PUT", "/0/rest/operations/CanViewSysOperationAudit/grantees/" + auditors,
        "{\"CanExecute\":true}").status());
    assertEquals(200, auditor.api("GET", "/0/rest/audit", null).status(), "the live session gets the new right");

    admin.api("PUT", "/0/rest/operations/CanViewSysOperationAudit/grantees/" + user, "{\"CanExecute\":false}");
    assertEquals(403, auditor.api("GET", "/0/rest/audit", null).status(), "the user's own denial wins");
    admin.api("DELETE", "/0/rest/operations/CanViewSysOperationAudit/grantees/" + user, null);
    assertEquals(200, auditor.api("GET", "/0/rest/audit", null).status());
  }

  @Test
  void membersOfALinkedOrganisationalRoleHoldTheFunctionalRole() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String sales = createRole("Sales" + suffix, "Division", null);
    String east = createRole("East" + suffix, "Team", sales);
    String reviewers = createRole("Reviewers" + suffix, "FunctionalRole", null);
    admin.api("PUT", "/0/rest/operations/CanViewSysOperationAudit/grantees/" + reviewers, "{\"CanExecute\":true}");
    String name = TestData.uniqueName("east");
    createUser(name, east);
    AtriumClient member = AtriumClient.forItServer().signedInAs(name, PASSWORD);
    assertEquals(403, member.api("GET", "/0/rest/audit", null).status());

    assertEquals(204, admin.api("POST", "/0/rest/roles/" + reviewers + "/org-roles", "{\"OrgRoleId\":\"" + sales + "\"}").status());
    assertEquals(200, member.api("GET", "/0/rest/audit", null).status(), "a team member of Sales is now a reviewer");
    assertEquals(List.of(sales), admin.api("GET", "/0/rest/roles/" + reviewers, null).json()
        .getJsonArray("LinkedOrgRoleIds").getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString).toList());
    assertEquals(409, admin.api("DELETE", "/0/rest/roles/" + sales, null).status(), "linked and with a sub-role");
    Reply linkedFunctional = admin.api("DELETE", "/0/rest/roles/" + reviewers, null);
    assertEquals(409, linkedFunctional.status(), "a functional role that is linked is in use: " + linkedFunctional.body());
    assertEquals("RECORD_IN_USE", linkedFunctional.json().getString("ErrorCode"));

    assertEquals(204, admin.api("DELETE", "/0/rest/roles/" + reviewers + "/org-roles/" + sales, null).status());
    assertEquals(403, member.api("GET", "/0/rest/audit", null).status(), "unlinked: no longer a reviewer");
  }

  @Test
  void administrativeChangesAreAuditedWithTheAdministrator() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String role = createRole("Audited" + suffix, "Team", null);
    String name = TestData.uniqueName("audited");
    String user = createUser(name, role);
    admin.api("PUT", "/0/rest/operations/CanExportGrid/grantees/" + role, "{\"CanExecute\":true}");
    admin.api("PUT", "/0/rest/settings/MaxFileSize/values/" + user, "{\"Value\":\"25\"}");
    AtriumClient.forItServer().signedInAs(name, PASSWORD);
    admin.api("DELETE", "/0/rest/users/" + user + "/sessions", null);
    admin.api("PUT", "/0/rest/users/" + user, "{\"Name\":\"" + name + "\",\"Active\":false}");

    java.util.Map<String, String> byEvent = new java.util.HashMap<>();
    for (JsonObject e : admin.api("GET", "/0/rest/audit?top=100", null).json().getJsonArray("Items")
        .getValuesAs(JsonObject.class)) {
      String target = e.getString("TargetName", "");
      if (target.equals(name) || target.equals("Audited" + suffix)) {
        byEvent.putIfAbsent(e.getString("EventType"), e.getString("ActorName", null));
      }
    }
    for (String event : List.of("ROLE_CREATED", "USER_CREATED", "OPERATION_GRANTED", "SETTING_CHANGED",
        "SESSIONS_ENDED", "USER_CHANGED")) {
      assertEquals("Supervisor", byEvent.get(event), event + " recorded with the administrator: " + byEvent);
    }
  }

  @Test
  void theAuditLogFiltersByEventTargetActorOutcomeAndTime() {
    String name = TestData.uniqueName("filtered");
    createUser(name);
    AtriumClient.forItServer().login(name, "wrong");
    AtriumClient.forItServer().login(name, "wrong");
    AtriumClient.forItServer().signedInAs(name, PASSWORD);
    String target = "/0/rest/audit?targetName=" + name;

    List<JsonObject> failed = items(target + "&success=false");
    assertEquals(2, failed.size(), failed.toString());
    assertTrue(failed.stream().allMatch(e -> e.getString("EventType").equals("SIGN_IN_FAILED") && !e.getBoolean("Success")));
    assertEquals(1, items(target + "&eventType=sign_in").size(), "the event type in any case");
    assertEquals(List.of("USER_CREATED"), items(target + "&actorName=Supervisor").stream()
        .map(e -> e.getString("EventType")).toList());
    assertEquals(0, items(target + "&actorName=Nobody").size());

    // from is inclusive, to exclusive: the newest failure's own time splits the failures.
    String newestFailure = failed.get(0).getString("CreatedOn");
    assertEquals(1, items(target + "&success=false&from=" + newestFailure).size());
    assertEquals(1, items(target + "&success=false&to=" + newestFailure).size());
    assertEquals(4, items(target + "&from=2000-01-01T00:00:00%2B02:00&to=2999-01-01T00:00:00Z").size(),
        "created, two failures, one sign-in; an offset other than Z is read too");
    assertEquals(4, items(target + "&eventType=&actorName=&success=&from=").size(), "empty fields keep all");

    for (String bad : List.of("from=yesterday", "success=maybe", "eventType=SIGN_IN_MAYBE",
        "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")) {
      Reply r = admin.api("GET", "/0/rest/audit?" + bad, null);
      assertEquals(400, r.status(), bad + ": " + r.body());
      assertEquals("VALIDATION_FAILED", r.json().getString("ErrorCode"), bad);
    }
    List<String> types = admin.api("GET", "/0/rest/audit/event-types", null).jsonArray()
        .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    assertTrue(types.containsAll(List.of("SIGN_IN", "SIGN_IN_FAILED", "OBJECT_CHANGED", "JOB_CHANGED")), types.toString());
  }

  private List<JsonObject> items(String path) {
    Reply r = admin.api("GET", path, null);
    assertEquals(200, r.status(), path + ": " + r.body());
    return r.json().getJsonArray("Items").getValuesAs(JsonObject.class);
  }

  @Test
  void settingsResolveUserThenNearestRoleThenDefault() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String division = createRole("Strict" + suffix, "Division", null);
    String team = createRole("StrictTeam" + suffix, "Team", division);
    String name = TestData.uniqueName("strict");
    String user = createUser(name, team);
    String effective = "/0/rest/settings/LoginAttemptCount/effective/" + user;
    assertEquals("5", admin.api("GET", effective, null).json().getString("Value"), "default");
    admin.api("PUT", "/0/rest/settings/LoginAttemptCount/values/" + division, "{\"Value\":\"4\"}");
    assertEquals("4", admin.api("GET", effective, null).json().getString("Value"), "the division's");
    admin.api("PUT", "/0/rest/settings/LoginAttemptCount/values/" + team, "{\"Value\":\"3\"}");
    assertEquals("3", admin.api("GET", effective, null).json().getString("Value"), "the team's: nearer");
    admin.api("PUT", "/0/rest/settings/LoginAttemptCount/values/" + user, "{\"Value\":\"2\"}");
    assertEquals("2", admin.api("GET", effective, null).json().getString("Value"), "the user's own");

    // And sign-in applies it: the second failure locks.
    AtriumClient.forItServer().login(name, "wrong");
    assertEquals(LockoutIT.LOCKED, AtriumClient.forItServer().login(name, "wrong").json().getString("Message"));

    admin.api("DELETE", "/0/rest/settings/LoginAttemptCount/values/" + user, null);
    assertEquals("3", admin.api("GET", effective, null).json().getString("Value"));

    Reply outOfBounds = admin.api("PUT", "/0/rest/settings/UserSessionTimeout/values/" + user, "{\"Value\":\"5\"}");
    assertEquals(400, outOfBounds.status());
    assertEquals("must be between 10 and 720", outOfBounds.json().getJsonArray("Errors").getJsonObject(0).getString("Message"));
    assertEquals(400, admin.api("PUT", "/0/rest/settings/MaxFileSize", "{\"Value\":\"many\"}").status());
  }

  @Test
  void theBuiltInsProtectAdministration() {
    assertEquals(409, admin.api("PUT", "/0/rest/users/" + SUPERVISOR,
        "{\"Name\":\"Supervisor\",\"Active\":false}").status());
    assertEquals(409, admin.api("DELETE", "/0/rest/users/" + SUPERVISOR, null).status());
    assertEquals(409, admin.api("DELETE", "/0/rest/roles/" + SYSTEM_ADMINISTRATORS + "/members/" + SUPERVISOR, null).status());
    assertEquals(409, admin.api("PUT", "/0/rest/operations/CanManageUsers/grantees/" + SYSTEM_ADMINISTRATORS,
        "{\"CanExecute\":false}").status());
    assertEquals(200, admin.api("GET", "/0/rest/users", null).status(), "and the Supervisor still administers");
  }
}
