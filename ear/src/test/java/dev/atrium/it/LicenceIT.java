package dev.atrium.it;

import static dev.atrium.it.Licences.grant;
import static dev.atrium.it.Licences.inAYear;
import static dev.atrium.it.Licences.install;
import static dev.atrium.it.Licences.instanceId;
import static dev.atrium.it.Licences.payload;
import static dev.atrium.it.Licences.recall;
import static dev.atrium.it.Licences.sign;
import static dev.atrium.it.Licences.upload;
import static dev.atrium.it.Licences.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Licensing end to end: licence files (upload, refusals), named licences distributed to users and
 * roles, and their enforcement at sign-in, per request and per product. Each test leaves every
 * user licensed again ({@link Licences#restoreEveryoneLicensed}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LicenceIT {

  private static final String EXPIRY_JOB = "licence-expiry-warning";
  private static final String STUDIO_SERVER = "{\"Code\":\"studio\",\"Type\":\"Server\"}";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  private final AtriumClient admin = AtriumClient.supervisor();

  @BeforeAll
  static void noGrantsLeft() throws Exception {
    Licences.restoreEveryoneLicensed();
  }

  @AfterEach
  void everyoneLicensedAgain() throws Exception {
    Licences.restoreEveryoneLicensed();
  }

  private String newUser(String prefix, String... roles) throws Exception {
    String name = TestData.uniqueName(prefix);
    TestData.createUser(name, AdminIT.PASSWORD, TestData.USER, true, roles.length == 0 ? new String[] {"AllEmployees"} : roles);
    return name;
  }

  /** Named licences only: the Supervisor keeps one so the test can go on administering. */
  private void installNamed(String products) throws Exception {
    install(admin, products);
    assertEquals(200, grant(admin, "sales", userId(admin, AtriumClient.SUPERVISOR)).status());
  }

  @Test
  void aValidLicenceReplacesTheOneInForceWhole() throws Exception {
    JsonObject first = install(admin,
        "[{\"Code\":\"sales\",\"Type\":\"Named\",\"Count\":25}," + STUDIO_SERVER + "]");
    List<JsonObject> products = first.getJsonArray("Products").getValuesAs(JsonObject.class);
    assertEquals(List.of("sales", "studio"), products.stream().map(p -> p.getString("Code")).toList());
    assertEquals(25, products.get(0).getInt("Owned"));
    assertEquals(0, products.get(0).getInt("Assigned"));
    assertEquals(25, products.get(0).getInt("Available"));
    assertEquals("Server", products.get(1).getString("Type"));
    assertTrue(products.get(1).isNull("Owned"), "server licences are not counted");
    assertFalse(first.getBoolean("Trial"));
    assertFalse(first.getBoolean("OverAllocated"));

    Reply second = admin.send("POST", "/0/ServiceModel/LicenseService.svc/UploadLicenses",
        sign(payload(instanceId(admin), "ACME", inAYear(), "[{\"Code\":\"service\",\"Type\":\"Named\",\"Count\":5},"
            + STUDIO_SERVER + "]")),
        Map.of("BPMCSRF", admin.cookies.get("BPMCSRF"), "Content-Type", "text/plain"));
    assertEquals(200, second.status(), "the established upload path: " + second.body());
    assertEquals(List.of("service", "studio"), admin.api("GET", "/0/rest/licenses", null).json()
        .getJsonArray("Products").getValuesAs(JsonObject.class).stream().map(p -> p.getString("Code")).toList(),
        "nothing of the first left");
    assertEquals(1, admin.api("GET", "/0/rest/audit?eventType=LICENSE_UPLOADED&top=1", null).json()
        .getJsonArray("Items").size());
  }

  @Test
  void tamperedForeignExpiredOrMalformedFilesAreRefusedAndChangeNothing() throws Exception {
    install(admin, "[{\"Code\":\"marketing\",\"Type\":\"Named\",\"Count\":3}," + STUDIO_SERVER + "]");
    String before = admin.api("GET", "/0/rest/licenses", null).body();

    String genuine = sign(payload(instanceId(admin), "ACME", inAYear(), "[{\"Code\":\"sales\",\"Type\":\"Named\",\"Count\":9}]"));
    JsonObject envelope = jakarta.json.Json.createReader(new java.io.StringReader(genuine)).readObject();
    byte[] payloadBytes = Base64.getDecoder().decode(envelope.getString("Payload"));
    payloadBytes[payloadBytes.length - 10] ^= 1;
    String flipped = genuine.replace(envelope.getString("Payload"), Base64.getEncoder().encodeToString(payloadBytes));
    assertError(upload(admin, flipped), "LICENSE_SIGNATURE_INVALID");
    assertError(upload(admin, genuine.replace("\"KeyId\":\"it-vendor\"", "\"KeyId\":\"atrium-2026\"")), "LICENSE_SIGNATURE_INVALID");
    assertError(upload(admin, sign(payload(UUID.randomUUID().toString(), "ACME", inAYear(), "[]"))), "LICENSE_WRONG_INSTANCE");
    assertError(upload(admin, sign(payload(instanceId(admin), "ACME", Instant.now().minus(1, ChronoUnit.DAYS)
        .truncatedTo(ChronoUnit.SECONDS), "[]"))), "LICENSE_EXPIRED");
    assertError(upload(admin, "{\"Payload\":\"not base64!\"}"), "LICENSE_MALFORMED");
    assertError(upload(admin, ""), "LICENSE_MALFORMED");

    admin.api("PUT", "/0/rest/settings/CustomerId", "{\"Value\":\"GLOBEX\"}");
    try {
      assertError(upload(admin, genuine), "LICENSE_WRONG_INSTANCE");
    } finally {
      admin.api("PUT", "/0/rest/settings/CustomerId", "{\"Value\":\"\"}");
    }
    assertEquals(before, admin.api("GET", "/0/rest/licenses", null).body(), "the licence in force is untouched");
  }

  @Test
  void theRequestFileNamesThisInstallation() {
    Reply r = admin.api("GET", "/0/rest/licenses/request?product=sales:25&product=service:10", null);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.header("Content-Disposition").orElse("").contains("atrium-licence-request.json"));
    JsonObject request = r.json();
    assertEquals(instanceId(admin), request.getString("InstanceId"));
    assertEquals(25, request.getJsonArray("Products").getJsonObject(0).getInt("Count"));
    assertEquals(400, admin.api("GET", "/0/rest/licenses/request?product=Sales:x", null).status());
  }

  @Test
  void licencesNeedCanManageLicUsers() throws Exception {
    AtriumClient plain = AtriumClient.forItServer().signedInAs(newUser("nolic"), AdminIT.PASSWORD);
    String someone = userId(admin, AtriumClient.SUPERVISOR);
    assertEquals(403, plain.api("GET", "/0/rest/licenses", null).status());
    assertEquals(403, plain.api("GET", "/0/rest/licenses/request?product=sales:1", null).status());
    assertEquals(403, plain.api("GET", "/0/rest/licenses/users", null).status());
    assertEquals(403, grant(plain, "sales", someone).status());
    assertEquals(403, recall(plain, "sales", someone).status());
    assertEquals(403, plain.send("POST", "/0/rest/licenses", "{}", Map.of("BPMCSRF", plain.cookies.get("BPMCSRF"),
        "Content-Type", "application/json")).status());
  }

  @Test
  void withoutALicenceSignInIsCode4AndALicenceManagerGetsALimitedSession() throws Exception {
    installNamed(Licences.NAMED_SALES_3);
    String user = newUser("unlicensed");
    AtriumClient client = AtriumClient.forItServer();
    Reply refused = client.login(user, AdminIT.PASSWORD);
    assertEquals(200, refused.status());
    assertEquals(4, refused.json().getInt("Code"), refused.body());
    assertTrue(refused.setCookie(".ASPXAUTH").isEmpty(), "no session without a licence");

    assertEquals(200, grant(admin, "sales", userId(admin, user)).status());
    assertEquals(0, client.login(user, AdminIT.PASSWORD).json().getInt("Code"));
    assertEquals(200, client.api("GET", "/0/rest/contacts", null).status());

    String manager = newUser("licman");
    assertEquals(204, admin.api("PUT", "/0/rest/operations/CanManageLicUsers/grantees/" + userId(admin, manager),
        "{\"CanExecute\":true}").status());
    AtriumClient limited = AtriumClient.forItServer();
    Reply code3 = limited.login(manager, AdminIT.PASSWORD);
    assertEquals(3, code3.json().getInt("Code"), code3.body());
    assertTrue(code3.setCookie(".ASPXAUTH").isPresent(), "a session, limited to licence management");
    assertEquals(200, limited.api("GET", "/0/rest/licenses", null).status());
    assertEquals(403, limited.api("GET", "/0/rest/contacts", null).status(), "nothing else");
    assertEquals(403, limited.api("GET", "/0/rest/audit", null).status());
  }

  @Test
  void aRecalledLicenceEndsTheLiveSession() throws Exception {
    installNamed(Licences.NAMED_SALES_3);
    String user = newUser("recalled");
    String id = userId(admin, user);
    assertEquals(200, grant(admin, "sales", id).status());
    AtriumClient client = AtriumClient.forItServer().signedInAs(user, AdminIT.PASSWORD);
    assertEquals(200, client.api("GET", "/0/rest/contacts", null).status());

    assertEquals(204, recall(admin, "sales", id).status());
    Reply next = client.api("GET", "/0/rest/contacts", null);
    assertEquals(403, next.status(), next.body());
    assertEquals("LICENSE_REQUIRED", next.json().getString("ErrorCode"));
    assertEquals(401, client.api("GET", "/0/rest/contacts", null).status(), "the session is gone");
    assertEquals(404, recall(admin, "sales", id).status(), "nothing left to recall");
    assertEquals(1, admin.api("GET", "/0/rest/audit?eventType=LICENSE_RECALLED&targetName=" + user, null).json()
        .getJsonArray("Items").size());
  }

  @Test
  void grantsNeverExceedWhatIsOwnedAndASmallerLicenceLocksSignInForAllButLicenceManagers() throws Exception {
    installNamed("[{\"Code\":\"sales\",\"Type\":\"Named\",\"Count\":2}]");
    String user = newUser("seat");
    String other = newUser("noseat");
    assertEquals(200, grant(admin, "sales", userId(admin, user)).status());
    Reply full = grant(admin, "sales", userId(admin, other));
    assertEquals(409, full.status(), full.body());
    assertEquals("LICENSE_LIMIT_EXCEEDED", full.json().getString("ErrorCode"));
    JsonObject sales = salesSummary();
    assertEquals(2, sales.getInt("Assigned"));
    assertEquals(0, sales.getInt("Available"));
    AtriumClient live = AtriumClient.forItServer().signedInAs(user, AdminIT.PASSWORD);

    install(admin, "[{\"Code\":\"sales\",\"Type\":\"Named\",\"Count\":1}]");  // fewer than assigned
    assertTrue(admin.api("GET", "/0/rest/licenses", null).json().getBoolean("OverAllocated"));
    Reply locked = AtriumClient.forItServer().login(user, AdminIT.PASSWORD);
    assertEquals(4, locked.json().getInt("Code"), locked.body());
    assertTrue(locked.json().getString("Message").contains("locked"), locked.body());
    assertEquals(403, live.api("GET", "/0/rest/contacts", null).status(), "live sessions are locked out too");
    AtriumClient supervisor = AtriumClient.forItServer();
    assertEquals(3, supervisor.login(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD).json().getInt("Code"),
        "the licence manager gets in to fix it");
    assertEquals(403, supervisor.api("GET", "/0/rest/audit", null).status(),
        "but for licence management only, whatever else the Supervisor may do");
    assertEquals(403, supervisor.api("GET", "/0/rest/users", null).status());

    assertEquals(204, recall(supervisor, "sales", userId(supervisor, user)).status());
    assertFalse(supervisor.api("GET", "/0/rest/licenses", null).json().getBoolean("OverAllocated"));
    assertEquals(0, AtriumClient.forItServer().login(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD)
        .json().getInt("Code"), "unlocked");
  }

  @Test
  void aRoleGrantLicensesItsMembersAndCountsEachOfThem() throws Exception {
    installNamed("[{\"Code\":\"sales\",\"Type\":\"Named\",\"Count\":3}]");
    String code = "lic" + UUID.randomUUID().toString().substring(0, 6);
    Reply role = admin.api("POST", "/0/rest/roles", "{\"Name\":\"" + code + " team\",\"Code\":\"" + code
        + "\",\"Type\":\"Team\",\"ParentRoleId\":null}");
    assertEquals(201, role.status(), role.body());
    String roleId = role.json().getString("Id");
    String member = createUserInRole("member", roleId);
    assertEquals(4, AtriumClient.forItServer().login(member, AdminIT.PASSWORD).json().getInt("Code"));

    Reply granted = grant(admin, "sales", roleId);
    assertEquals(200, granted.status(), granted.body());
    assertEquals("Role", granted.json().getString("Kind"));
    assertEquals(1, granted.json().getInt("Users"));
    assertEquals(0, AtriumClient.forItServer().login(member, AdminIT.PASSWORD).json().getInt("Code"));
    String second = createUserInRole("member2", roleId);  // Supervisor + 2 members = 3 of 3
    assertEquals(3, salesSummary().getInt("Assigned"));

    Reply overflow = admin.api("POST", "/0/rest/users", "{\"Name\":\"" + TestData.uniqueName("member3")
        + "\",\"Type\":\"Employee\",\"Password\":\"" + AdminIT.PASSWORD + "\",\"RoleIds\":[\"" + roleId + "\"]}");
    assertEquals(409, overflow.status(), "a fourth member would exceed what is owned: " + overflow.body());
    assertEquals("LICENSE_LIMIT_EXCEEDED", overflow.json().getString("ErrorCode"));
    assertEquals(3, salesSummary().getInt("Assigned"), "nothing of the refused change stayed");

    assertEquals(204, admin.api("DELETE", "/0/rest/roles/" + roleId + "/members/" + userId(admin, second), null).status());
    assertEquals(2, salesSummary().getInt("Assigned"), "leaving the role returns the licence");
  }

  @Test
  void featuresAreGatedByProduct() throws Exception {
    installNamed("[{\"Code\":\"sales\",\"Type\":\"Named\",\"Count\":3},{\"Code\":\"studio\",\"Type\":\"Named\",\"Count\":3}]");
    String user = newUser("studio");
    assertEquals(200, grant(admin, "studio", userId(admin, user)).status());
    AtriumClient client = AtriumClient.forItServer().signedInAs(user, AdminIT.PASSWORD);
    Reply gated = client.api("GET", "/0/rest/contacts", null);
    assertEquals(403, gated.status(), gated.body());
    assertEquals("LICENSE_REQUIRED", gated.json().getString("ErrorCode"));
    assertTrue(gated.json().getString("Message").contains("sales"), gated.body());
    assertEquals(403, client.api("POST", "/0/rest/accounts", "{\"Name\":\"Gated\"}").status());

    assertEquals(200, grant(admin, "sales", userId(admin, user)).status());
    assertEquals(200, client.api("GET", "/0/rest/contacts", null).status(), "the same live session, now licensed");
  }

  @Test
  void aClockSetBackDoesNotReviveAnExpiredLicence() throws Exception {
    installNamed(Licences.NAMED_SALES_3);
    String user = newUser("clock");
    Reply granted = grant(admin, "sales", userId(admin, user));
    assertEquals(200, granted.status(), granted.body());
    assertEquals(0, AtriumClient.forItServer().login(user, AdminIT.PASSWORD).json().getInt("Code"));
    // A node once saw a time two years on (past the licence's end); this node's clock is "back" now.
    setHighWaterMark(Instant.now().plus(730, ChronoUnit.DAYS));
    try {
      assertEquals(204, admin.api("PUT", "/0/rest/operations/CanExportGrid/grantees/" + userId(admin, user),
          "{\"CanExecute\":true}").status());  // any identity change reloads the licence state on every node
      Reply r = AtriumClient.forItServer().login(user, AdminIT.PASSWORD);
      assertEquals(4, r.json().getInt("Code"), "the licence stays expired: " + r.body());
    } finally {
      setHighWaterMark(Instant.now());
    }
  }

  @Test
  void licenceManagersAreWarnedBeforeExpiryByTheScheduledJob() throws Exception {
    Instant soon = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Reply r = upload(admin, sign(payload(instanceId(admin), "ACME", soon,
        "[{\"Code\":\"marketing\",\"Type\":\"Server\"},{\"Code\":\"sales\",\"Type\":\"Server\"}]")));
    assertEquals(200, r.status(), r.body());

    JsonObject job = admin.api("GET", "/0/rest/jobs", null).jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(j -> j.getString("Name").equals(EXPIRY_JOB)).findFirst().orElseThrow();
    assertEquals("NORMAL", job.getString("State"));
    assertTrue(job.getString("Schedule").startsWith("cron "), job.toString());
    assertFalse(job.isNull("NextFireTime"));

    JsonObject first = Licences.runJob(admin, EXPIRY_JOB);
    assertEquals("Succeeded: 2 warnings", first.getString("LastOutcome"), first.toString());
    List<JsonObject> warnings = expiryWarnings(soon);
    assertEquals(List.of("marketing", "sales"), warnings.stream().map(w -> w.getString("Subject")).sorted().toList());
    assertTrue(warnings.get(0).getString("Message").contains(soon.toString()), warnings.toString());

    assertEquals("Succeeded: 0 warnings", Licences.runJob(admin, EXPIRY_JOB).getString("LastOutcome"), "a second run adds nothing");
    assertEquals(2, expiryWarnings(soon).size());
    Reply plain = AtriumClient.forItServer().signedInAs(newUser("plain"), AdminIT.PASSWORD)
        .api("GET", "/0/rest/notifications", null);
    assertEquals(200, plain.status());
    assertEquals(0, plain.jsonArray().size(), "licence notices are for licence managers only");
    assertEquals(404, admin.api("POST", "/0/rest/jobs/no-such-job/trigger", null).status());
  }

  @Test
  void theSchedulerApiNeedsCanManageScheduledJobs() throws Exception {
    AtriumClient plain = AtriumClient.forItServer().signedInAs(newUser("nojobs"), AdminIT.PASSWORD);
    assertEquals(403, plain.api("GET", "/0/rest/jobs", null).status());
    assertEquals(403, plain.api("POST", "/0/rest/jobs/" + EXPIRY_JOB + "/trigger", null).status());
    assertEquals(403, plain.api("POST", "/0/rest/jobs/" + EXPIRY_JOB + "/pause", null).status());
    assertEquals(204, admin.api("POST", "/0/rest/jobs/licence-clock/pause", null).status());
    try {
      assertEquals("PAUSED", admin.api("GET", "/0/rest/jobs/licence-clock", null).json().getString("State"));
    } finally {
      assertEquals(204, admin.api("POST", "/0/rest/jobs/licence-clock/resume", null).status());
    }
    assertEquals("NORMAL", admin.api("GET", "/0/rest/jobs/licence-clock", null).json().getString("State"));

    assertEquals(List.of("cleanup", "licence-clock", EXPIRY_JOB, "record-rights-upkeep", "scheduler-heartbeat"),
        admin.api("GET", "/0/rest/jobs", null).jsonArray().getValuesAs(JsonObject.class).stream()
            .map(j -> j.getString("Name")).toList());
    JsonObject cleanup = Licences.runJob(admin, "cleanup");
    assertTrue(cleanup.getString("LastOutcome").matches("Succeeded: \\d+ expired session entries, \\d+ job firings,"
        + " \\d+ notifications removed"), cleanup.toString());
    JsonObject run = admin.api("GET", "/0/rest/jobs/cleanup/runs?top=1", null).jsonArray().getJsonObject(0);
    assertEquals("Succeeded", run.getString("Status"));
    assertEquals(1, run.getInt("Attempts"));
    assertFalse(run.getString("NodeId").isBlank());
  }

  private List<JsonObject> expiryWarnings(Instant dueOn) {
    return admin.api("GET", "/0/rest/notifications", null).jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(n -> n.getString("Kind").equals("LicenceExpiry") && dueOn.toString().equals(n.getString("DueOn")))
        .toList();
  }

  private String createUserInRole(String prefix, String roleId) {
    String name = TestData.uniqueName(prefix);
    Reply r = admin.api("POST", "/0/rest/users", "{\"Name\":\"" + name + "\",\"Type\":\"Employee\",\"Password\":\""
        + AdminIT.PASSWORD + "\",\"RoleIds\":[\"" + roleId + "\"]}");
    assertEquals(201, r.status(), r.body());
    return name;
  }

  private JsonObject salesSummary() {
    return admin.api("GET", "/0/rest/licenses", null).json().getJsonArray("Products").getValuesAs(JsonObject.class)
        .stream().filter(p -> p.getString("Code").equals("sales")).findFirst().orElseThrow();
  }

  private static void setHighWaterMark(Instant t) throws Exception {
    try (Connection c = TestData.connect();
        PreparedStatement s = c.prepareStatement("UPDATE SysInstance SET HighWaterMark = ? WHERE Id = 1")) {
      s.setTimestamp(1, Timestamp.valueOf(java.time.LocalDateTime.ofInstant(t, java.time.ZoneOffset.UTC)));
      s.executeUpdate();
    }
  }

  private static void assertError(Reply r, String code) {
    assertEquals(400, r.status(), r.body());
    assertEquals(code, r.json().getString("ErrorCode"), r.body());
  }
}
