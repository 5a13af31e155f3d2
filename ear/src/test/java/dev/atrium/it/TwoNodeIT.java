package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.common.security.SessionStore;
import dev.atrium.it.AtriumClient.Reply;
import java.net.URI;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/**
 * Two WildFly nodes sharing PostgreSQL and Redis, as in a farm: what one node does to sign-in
 * state, permissions or users, every node sees.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoNodeIT {

  @Deployment(name = "node1", testable = false)
  @TargetsContainer("atrium")
  static EnterpriseArchive node1() {
    return Deployments.atriumEar();
  }

  @Deployment(name = "node2", managed = false, testable = false)
  @TargetsContainer("atrium2")
  static EnterpriseArchive node2() {
    return Deployments.atriumEar();
  }

  @ArquillianResource
  ContainerController controller;

  @ArquillianResource
  Deployer deployer;

  static AtriumClient onNode1() {
    return AtriumClient.forItServer();
  }

  static AtriumClient onNode2() {
    return new AtriumClient(System.getProperty("atrium.it.node2-url", "http://127.0.0.1:8380"));
  }

  @Test
  void sessionsLockoutAndSignOutHoldAcrossNodes() throws Exception {
    controller.start("atrium2");
    try {
      deployer.deploy("node2");
      aSessionMadeOnOneNodeWorksOnTheOther();
      theLockoutCountsFailuresOnEveryNode();
      signingOutOnOneNodeEndsTheSessionOnTheOther();
      aGrantOnOneNodeReachesALiveSessionOnTheOther();
      deactivatingOnOneNodeEndsALiveSessionOnTheOther();
      aLicenceRecalledOnOneNodeEndsALiveSessionOnTheOther();
      aTokenIssuedOnOneNodeWorksOnTheOther();
      aNodeThatTrustsNoProxyIgnoresForwardedHeaders();
      theSessionTimeoutFollowsTheUsersSetting();
      anObjectDesignedOnOneNodeIsServedByTheOtherWithoutARestart();
      rightsChangedOnOneNodeApplyOnTheOtherAtOnce();
    } finally {
      try {
        deployer.undeploy("node2");
      } finally {
        controller.stop("atrium2");
      }
    }
  }

  private void aSessionMadeOnOneNodeWorksOnTheOther() {
    AtriumClient node1 = onNode1().signedInAs(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD);
    AtriumClient node2 = onNode2();
    node2.cookies.putAll(node1.cookies);
    Reply r = node2.api("GET", "/0/rest/contacts", null);
    assertEquals(200, r.status(), "node 2 honours node 1's session: " + r.body());
  }

  /**
   * Node 2 has built its entity types before the change (it served a query); node 1's designer
   * announces the new object and then its new column, and node 2 serves both at once.
   */
  private void anObjectDesignedOnOneNodeIsServedByTheOtherWithoutARestart() {
    AtriumClient node1 = onNode1().signedInAs(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD);
    AtriumClient node2 = onNode2();
    node2.cookies.putAll(node1.cookies);
    assertEquals(200, node2.api("GET", "/0/odata/Contact?$top=1", null).status());
    String object = "UsrFarm" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    Reply created = node1.api("POST", "/0/rest/objects", "{\"Name\":\"" + object + "\",\"Columns\":[{\"Name\":\"Name\",\"Type\":\"Text\"}]}");
    assertEquals(201, created.status(), created.body());
    Reply inserted = node2.api("POST", "/0/odata/" + object, "{\"Name\":\"made on node 2\"}");
    assertEquals(201, inserted.status(), inserted.body());
    String id = inserted.json().getString("Id");
    Reply added = node1.api("POST", "/0/rest/objects/" + object + "/columns", "{\"Columns\":[{\"Name\":\"Stage\",\"Type\":\"ShortText\"}]}");
    assertEquals(200, added.status(), added.body());
    Reply patched = node2.api("PATCH", "/0/odata/" + object + "(" + id + ")", "{\"Stage\":\"won\"}");
    assertEquals(204, patched.status(), patched.body());
    Reply read = node2.api("GET", "/0/odata/" + object + "?$filter=Stage%20eq%20'won'", null);
    assertEquals(200, read.status(), read.body());
    assertEquals("made on node 2", read.json().getJsonArray("value").getJsonObject(0).getString("Name"));
  }

  /**
   * Node 2 has loaded the object's and its columns' permissions (it served the reader); node 1
   * changes them, and node 2 applies the change within 2 s (the rights cache dropped through Redis),
   * not after its 60 s reload.
   */
  private void rightsChangedOnOneNodeApplyOnTheOtherAtOnce() throws Exception {
    AtriumClient admin = onNode1().signedInAs(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD);
    String object = "UsrFarmRgt" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String name = TestData.uniqueName("farm-reader");
    UUID reader = TestData.createUser(name, "Reader-Pa55word", TestData.USER, true, "AllEmployees");
    Reply created = admin.api("POST", "/0/rest/objects", "{\"Name\":\"" + object + "\",\"AdministeredByOperations\":true,"
        + "\"AdministeredByColumns\":true,\"Columns\":[{\"Name\":\"Name\",\"Type\":\"Text\"},{\"Name\":\"Secret\",\"Type\":\"Text\"}]}");
    assertEquals(201, created.status(), created.body());
    try {
      assertEquals(201, admin.api("POST", "/0/odata/" + object, "{\"Name\":\"n\",\"Secret\":\"s\"}").status());
      String entry = "{\"Entries\":[{\"GranteeId\":\"" + reader + "\",\"Read\":true,\"Create\":false,\"Edit\":false,\"Delete\":false}]}";
      assertEquals(200, admin.api("PUT", "/0/rest/objects/" + object + "/rights", entry).status());
      AtriumClient onNode2 = onNode2().signedInAs(name, "Reader-Pa55word");
      Reply read = onNode2.api("GET", "/0/odata/" + object, null);
      assertEquals(200, read.status(), read.body());
      assertEquals("s", read.json().getJsonArray("value").getJsonObject(0).getString("Secret"), "loaded on node 2");

      assertEquals(200, admin.api("PUT", "/0/rest/objects/" + object + "/columns/Secret/rights",
          "{\"Entries\":[{\"GranteeId\":\"" + reader + "\",\"Access\":\"Deny\"}]}").status());
      boolean hidden = false;
      for (int i = 0; i < 20 && !hidden; i++) {  // pub/sub is asynchronous: allow up to 2 s
        hidden = onNode2.api("GET", "/0/odata/" + object, null).json().getJsonArray("value").getJsonObject(0).isNull("Secret");
        if (!hidden) {
          Thread.sleep(100);
        }
      }
      assertTrue(hidden, "node 2 stopped showing the column within 2 s of the change on node 1");

      // the object's record-permissions switch, flipped on node 1, applies on node 2 at once: the
      // reader holds no right on the administrator's record, so it is gone for them, then back
      assertEquals(200, admin.api("PATCH", "/0/rest/objects/" + object, "{\"AdministeredByRecords\":true}").status());
      assertEquals(0, rowsWithin2s(onNode2, object, 0), "node 2 applied record permissions within 2 s of the switch on node 1");
      assertEquals(200, admin.api("PATCH", "/0/rest/objects/" + object, "{\"AdministeredByRecords\":false}").status());
      assertEquals(1, rowsWithin2s(onNode2, object, 1), "and stopped within 2 s of the switch off");

      assertEquals(200, admin.api("PUT", "/0/rest/objects/" + object + "/rights", "{\"Entries\":[]}").status());
      int status = 200;
      for (int i = 0; i < 20 && status == 200; i++) {
        status = onNode2.api("GET", "/0/odata/" + object, null).status();
        if (status == 200) {
          Thread.sleep(100);
        }
      }
      assertEquals(403, status, "node 2 refused the reads within 2 s of the change on node 1");
    } finally {
      admin.api("DELETE", "/0/rest/objects/" + object + "?confirm=true", null);
    }
  }

  /** The rows the caller reads of the object, polled for up to 2 s until there are {@code expected}. */
  private static int rowsWithin2s(AtriumClient caller, String object, int expected) throws InterruptedException {
    int rows = -1;
    for (int i = 0; i < 20 && rows != expected; i++) {  // pub/sub is asynchronous: allow up to 2 s
      Reply r = caller.api("GET", "/0/odata/" + object, null);
      rows = r.status() == 200 ? r.json().getJsonArray("value").size() : -r.status();
      if (rows != expected) {
        Thread.sleep(100);
      }
    }
    return rows;
  }

  private void theLockoutCountsFailuresOnEveryNode() throws Exception {
    String name = TestData.uniqueName("farm");
    TestData.createUser(name, "Farm-Pa55word", TestData.USER, true, "AllEmployees");
    for (int i = 0; i < 2; i++) {
      onNode1().login(name, "wrong");
      onNode2().login(name, "wrong");
    }
    assertEquals(LockoutIT.LOCKED, onNode1().login(name, "wrong").json().getString("Message"),
        "the fifth failure locks, wherever the first four happened");
    Reply right = onNode2().login(name, "Farm-Pa55word");
    assertEquals(LockoutIT.LOCKED, right.json().getString("Message"), "locked on the other node too");
    assertTrue(right.setCookies().isEmpty());
  }

  /** Node 2 cached the user's identity; node 1's change must reach it through Redis pub/sub. */
  private void aGrantOnOneNodeReachesALiveSessionOnTheOther() throws Exception {
    String name = TestData.uniqueName("grantee");
    String id = TestData.createUser(name, "Grantee-Pa55word", TestData.USER, true, "AllEmployees").toString();
    AtriumClient onNode2 = onNode2().signedInAs(name, "Grantee-Pa55word");
    assertEquals(403, onNode2.api("GET", "/0/rest/audit", null).status(), "cached on node 2 without the right");
    AtriumClient admin = onNode1().signedInAs(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD);
    assertEquals(204, admin.api("PUT", "/0/rest/operations/CanViewSysOperationAudit/grantees/" + id,
        "{\"CanExecute\":true}").status());
    int status = 0;
    for (int i = 0; i < 20 && status != 200; i++) {  // pub/sub is asynchronous: allow up to 2 s
      status = onNode2.api("GET", "/0/rest/audit", null).status();
      if (status != 200) {
        Thread.sleep(100);
      }
    }
    assertEquals(200, status, "node 2 dropped its cached identity when node 1 granted the operation");
  }

  private void aLicenceRecalledOnOneNodeEndsALiveSessionOnTheOther() throws Exception {
    AtriumClient admin = onNode1().signedInAs(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD);
    try {
      Licences.install(admin, Licences.NAMED_SALES_3);
      assertEquals(200, Licences.grant(admin, "sales", Licences.userId(admin, AtriumClient.SUPERVISOR)).status());
      String name = TestData.uniqueName("licensed");
      String id = TestData.createUser(name, "Licensed-Pa55word", TestData.USER, true, "AllEmployees").toString();
      assertEquals(200, Licences.grant(admin, "sales", id).status());
      AtriumClient onNode2 = onNode2();
      int code = -1;
      for (int i = 0; i < 20 && code != 0; i++) {  // pub/sub is asynchronous: allow up to 2 s
        code = onNode2.login(name, "Licensed-Pa55word").json().getInt("Code");
        if (code != 0) {
          Thread.sleep(100);
        }
      }
      assertEquals(0, code, "node 2 saw the new licence and the grant");
      assertEquals(200, onNode2.api("GET", "/0/rest/contacts", null).status());

      assertEquals(204, Licences.recall(admin, "sales", id).status());
      int status = 200;
      for (int i = 0; i < 20 && status == 200; i++) {
        status = onNode2.api("GET", "/0/rest/contacts", null).status();
        if (status == 200) {
          Thread.sleep(100);
        }
      }
      assertEquals(403, status, "node 2 ended the session within 2 s of the recall on node 1");
      assertEquals(401, onNode2.api("GET", "/0/rest/contacts", null).status());
    } finally {
      Licences.restoreEveryoneLicensed();
    }
  }

  private void deactivatingOnOneNodeEndsALiveSessionOnTheOther() throws Exception {
    String name = TestData.uniqueName("leaver");
    String id = TestData.createUser(name, "Leaver-Pa55word", TestData.USER, true, "AllEmployees").toString();
    AtriumClient onNode2 = onNode2().signedInAs(name, "Leaver-Pa55word");
    assertEquals(200, onNode2.api("GET", "/0/rest/contacts", null).status());
    AtriumClient admin = onNode1().signedInAs(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD);
    assertEquals(200, admin.api("PUT", "/0/rest/users/" + id, "{\"Name\":\"" + name + "\",\"Active\":false}").status());
    assertEquals(401, onNode2.api("GET", "/0/rest/contacts", null).status(), "ended on node 2 at once");
  }

  private void aTokenIssuedOnOneNodeWorksOnTheOther() {
    String[] c = OAuthIT.registerClient(onNode1().signedInAs(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD));
    String token = OAuthIT.token(onNode1(), OAuthIT.form(c[1], c[2])).json().getString("access_token");
    assertEquals(200, OAuthIT.withBearer(onNode2(), "GET", "/0/rest/contacts", token, null).status());
  }

  /** Node 2 has no atrium.trusted-proxies: anyone could send these headers, so they mean nothing. */
  private void aNodeThatTrustsNoProxyIgnoresForwardedHeaders() throws Exception {
    String name = TestData.uniqueName("spoof");
    TestData.createUser(name, "Spoof-Pa55word", TestData.USER, true, "AllEmployees");
    Reply r = ProxyIT.loginThroughProxy(onNode2(), name, "Spoof-Pa55word");
    assertEquals(0, r.json().getInt("Code"));
    assertTrue(!r.setCookie(".ASPXAUTH").orElseThrow().contains("secure"), "plain HTTP stays plain");
    String address = onNode1().signedInAs(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD)
        .api("GET", "/0/rest/audit?eventType=SIGN_IN&targetName=" + name, null)
        .json().getJsonArray("Items").getJsonObject(0).getString("ClientAddress");
    assertEquals("127.0.0.1", address, "the forged X-Forwarded-For is not believed");
  }

  /** UserSessionTimeout: the default, then a role's value, then the user's own, as a session's Redis TTL. */
  private void theSessionTimeoutFollowsTheUsersSetting() throws Exception {
    AtriumClient admin = onNode1().signedInAs(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD);
    String role = admin.api("POST", "/0/rest/roles", "{\"Name\":\"Night shift\",\"Code\":\"Night"
        + UUID.randomUUID().toString().substring(0, 6) + "\",\"Type\":\"Team\"}").json().getString("Id");
    String name = TestData.uniqueName("shift");
    String user = admin.api("POST", "/0/rest/users", "{\"Name\":\"" + name + "\",\"Password\":\"" + AdminIT.PASSWORD
        + "\",\"RoleIds\":[\"" + role + "\"]}").json().getString("Id");
    try (RedisClient redis = RedisClient.create(URI.create(System.getProperty("atrium.it.redis.url")))) {
      assertMinutes(60, redis, onNode2().signedInAs(name, AdminIT.PASSWORD));
      admin.api("PUT", "/0/rest/settings/UserSessionTimeout/values/" + role, "{\"Value\":\"30\"}");
      assertMinutes(30, redis, onNode2().signedInAs(name, AdminIT.PASSWORD));
      admin.api("PUT", "/0/rest/settings/UserSessionTimeout/values/" + user, "{\"Value\":\"20\"}");
      assertMinutes(20, redis, onNode2().signedInAs(name, AdminIT.PASSWORD));
    }
  }

  private static void assertMinutes(int minutes, RedisClient redis, AtriumClient session) {
    long ttl = redis.pttl(SessionStore.keyOf(session.cookies.get(".ASPXAUTH")));
    assertTrue(ttl > minutes * 60_000L - 30_000 && ttl <= minutes * 60_000L, "expected " + minutes + " min, TTL " + ttl + " ms");
  }

  private void signingOutOnOneNodeEndsTheSessionOnTheOther() {
    AtriumClient node2 = onNode2().signedInAs(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD);
    AtriumClient node1 = onNode1();
    node1.cookies.putAll(node2.cookies);
    assertEquals(200, node1.api("GET", "/0/rest/accounts", null).status());
    assertEquals(200, node2.api("POST", "/ServiceModel/AuthService.svc/Logout", null).status());
    assertEquals(401, node1.api("GET", "/0/rest/accounts", null).status(), "gone on node 1 too");
  }
}
