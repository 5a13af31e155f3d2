package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.common.security.SessionStore;
import dev.atrium.it.AtriumClient.Reply;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/**
 * The session made by {@code /} is honoured by {@code /0} and by the EJBs' {@code @RolesAllowed};
 * BPMCSRF is enforced; sign-out and idle expiry end it in Redis. The IT server's idle timeout is
 * 8 seconds (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  static RedisClient redis;

  @BeforeAll
  static void connect() {
    redis = RedisClient.create(URI.create(System.getProperty("atrium.it.redis.url")));
  }

  @AfterAll
  static void close() {
    redis.close();
  }

  private static boolean inRedis(AtriumClient client) {
    return redis.exists(SessionStore.keyOf(client.cookies.get(".ASPXAUTH")));
  }

  @Test
  void theLoaderSessionIsHonouredByTheConfigurationApp() {
    AtriumClient supervisor = AtriumClient.supervisor();
    assertTrue(inRedis(supervisor), "the session lives in Redis, under a hash of the token");
    Reply r = supervisor.api("GET", "/0/rest/contacts", null);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.json().getJsonArray("Items").size() >= 1);
  }

  @Test
  void cookieSessionWithoutMatchingBpmcsrfIs403() {
    AtriumClient supervisor = AtriumClient.supervisor();
    Reply missing = supervisor.send("GET", "/0/rest/contacts", null, Map.of());
    assertEquals(403, missing.status());
    assertEquals("CSRF_TOKEN_INVALID", missing.json().getString("ErrorCode"));
    Reply wrong = supervisor.send("POST", "/0/rest/accounts", "{\"Name\":\"Forged\"}",
        Map.of("BPMCSRF", "forged", "Content-Type", "application/json"));
    assertEquals(403, wrong.status());
    assertEquals(0, supervisor.api("GET", "/0/rest/accounts?top=500", null).json().getJsonArray("Items").stream()
        .filter(a -> a.asJsonObject().getString("Name").equals("Forged")).count(), "nothing was written");
  }

  @Test
  void withoutASessionApisAnswer401JsonAndPagesRedirectToSignIn() {
    AtriumClient anonymous = AtriumClient.forItServer();
    Reply api = anonymous.api("GET", "/0/rest/contacts", null);
    assertEquals(401, api.status());
    assertTrue(api.header("Content-Type").orElse("").startsWith("application/json"));
    assertEquals("AUTHENTICATION_REQUIRED", api.json().getString("ErrorCode"));
    assertEquals("Authentication failed.", api.json().getString("Message"));
    assertFalse(api.body().contains("Exception"));

    Reply page = anonymous.get("/0/");
    assertEquals(302, page.status());
    assertEquals("/", URI.create(page.header("Location").orElseThrow()).getPath());
  }

  @Test
  void logoutEndsTheSessionInRedis() {
    AtriumClient supervisor = AtriumClient.supervisor();
    String token = supervisor.cookies.get(".ASPXAUTH");
    assertTrue(inRedis(supervisor));

    Reply noCsrf = supervisor.send("POST", "/ServiceModel/AuthService.svc/Logout", null, Map.of());
    assertEquals(403, noCsrf.status(), "sign-out needs BPMCSRF too");
    assertTrue(redis.exists(SessionStore.keyOf(token)), "and did not end the session");

    Reply out = supervisor.api("POST", "/ServiceModel/AuthService.svc/Logout", null);
    assertEquals(200, out.status());
    assertTrue(AtriumClient.isExpiry(out.setCookie(".ASPXAUTH").orElseThrow()), "the cookie is expired");
    assertTrue(AtriumClient.isExpiry(out.setCookie("BPMCSRF").orElseThrow()));
    assertFalse(redis.exists(SessionStore.keyOf(token)), "the session is gone from Redis");

    AtriumClient replay = AtriumClient.forItServer();
    replay.cookies.put(".ASPXAUTH", token);
    assertEquals(401, replay.api("GET", "/0/rest/contacts", null).status());
  }

  @Test
  void anIdleSessionExpiresAndUseKeepsItAlive() throws InterruptedException {
    AtriumClient supervisor = AtriumClient.supervisor();
    for (int i = 0; i < 2; i++) {
      Thread.sleep(5_000);
      assertEquals(200, supervisor.api("GET", "/0/rest/contacts?top=1", null).status(), "used within the timeout");
    }
    // 10 s after sign-in, past the 8 s timeout: alive because it was used.
    Thread.sleep(10_000);
    assertEquals(401, supervisor.api("GET", "/0/rest/contacts?top=1", null).status(), "idle for longer than 8 s");
    assertFalse(inRedis(supervisor));
  }

  @Test
  void rolesAllowedGuardsTheServicesWithTheSessionsGroups() throws Exception {
    String name = TestData.uniqueName("portal");
    TestData.createUser(name, "Portal-Pa55word", TestData.EXTERNAL_USER, true, "AllExternalUsers");
    AtriumClient external = AtriumClient.forItServer().signedInAs(name, "Portal-Pa55word");
    Reply denied = external.api("GET", "/0/rest/contacts", null);
    assertEquals(403, denied.status(), "ContactService is @RolesAllowed(AllEmployees)");
    assertEquals("ACCESS_DENIED", denied.json().getString("ErrorCode"));

    String employee = TestData.uniqueName("employee");
    TestData.createUser(employee, "Employee-Pa55word", TestData.USER, true, "AllEmployees");
    assertEquals(200, AtriumClient.forItServer().signedInAs(employee, "Employee-Pa55word")
        .api("GET", "/0/rest/contacts", null).status());
  }

  @Test
  void theWorkspacePageAdmitsStylesByAFreshNonceAndNoInlineScript() throws Exception {
    String name = "O'Brien & <Co> " + TestData.uniqueName("x");
    TestData.createUser(name, "Obrien-Pa55word", TestData.USER, true, "AllEmployees");
    AtriumClient user = AtriumClient.forItServer().signedInAs(name, "Obrien-Pa55word");
    java.util.regex.Pattern meta = java.util.regex.Pattern.compile("<meta name=\"csp-nonce\" content=\"([A-Za-z0-9_-]{24})\">");
    List<String> nonces = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Reply page = user.get("/0/");
      assertEquals(200, page.status());
      java.util.regex.Matcher m = meta.matcher(page.body());
      assertTrue(m.find(), page.body());
      String csp = page.headers().get("content-security-policy").get(0);
      assertTrue(csp.contains("script-src 'self';"), csp);
      assertTrue(csp.contains("style-src 'self' 'nonce-" + m.group(1) + "';"), "the page's nonce is the policy's: " + csp);
      assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
      assertFalse(page.body().matches("(?s).*<script(?![^>]*\\bsrc=\"/0/assets/)[^>]*>.*"), "no inline script: " + page.body());
      assertFalse(page.body().contains("O'Brien") || page.body().contains("<Co>"), "no user text in the page itself");
      nonces.add(m.group(1));
    }
    assertNotEquals(nonces.get(0), nonces.get(1), "a new nonce for every response");
    assertEquals(name, user.api("GET", "/0/rest/workspace", null).json().getJsonObject("User").getString("Name"),
        "the name reaches the page as JSON data, which the workspace renders as text");
  }

  @Test
  void refusalsAreAnsweredWholeAndLeaveNoErrorInTheServerLog() throws Exception {
    java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("it.jboss.home"), "standalone", "log", "server.log");
    long before = java.nio.file.Files.size(log);
    Reply anonymous = AtriumClient.forItServer().send("POST", "/0/rest/accounts", "{\"Name\":\"Refused\"}",
        Map.of("Content-Type", "application/json"));
    assertEquals(401, anonymous.status());
    assertEquals("AUTHENTICATION_REQUIRED", anonymous.json().getString("ErrorCode"));
    AtriumClient noCsrf = AtriumClient.supervisor();
    Reply forged = noCsrf.send("POST", "/0/rest/accounts", "{\"Name\":\"Refused\"}",
        Map.of("Content-Type", "application/json"));
    assertEquals(403, forged.status());
    assertEquals("CSRF_TOKEN_INVALID", forged.json().getString("ErrorCode"));
    Thread.sleep(300);  // the server writes its log asynchronously to the request
    String added;
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(log.toFile(), "r")) {
      f.seek(before);
      byte[] rest = new byte[(int) (f.length() - before)];
      f.readFully(rest);
      added = new String(rest, java.nio.charset.StandardCharsets.UTF_8);
    }
    assertFalse(added.contains("UT010019") || added.contains(" ERROR "), "refusals are not server errors:\n" + added);
  }
}
