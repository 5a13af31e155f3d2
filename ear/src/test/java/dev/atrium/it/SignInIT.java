package dev.atrium.it;

import static dev.atrium.it.AtriumClient.SUPERVISOR;
import static dev.atrium.it.AtriumClient.SUPERVISOR_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /ServiceModel/AuthService.svc/Login} and the sign-in page, on the wire. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  private static final JsonObject FAILED = Json.createObjectBuilder()
      .add("Code", 1).add("Message", "Invalid user name or password.")
      .addNull("Exception").addNull("PasswordChangeUrl").addNull("RedirectUrl").build();

  @Test
  void successAnswersCodeZeroWithTheContractCookies() {
    Reply r = AtriumClient.forItServer().login(SUPERVISOR, SUPERVISOR_PASSWORD);
    assertEquals(200, r.status());
    assertEquals(Json.createObjectBuilder().add("Code", 0).add("Message", "").addNull("Exception")
        .addNull("PasswordChangeUrl").addNull("RedirectUrl").build(), r.json());
    assertEquals("no-store", r.header("Cache-Control").orElse(""));

    String session = r.setCookie(".ASPXAUTH").orElseThrow();
    assertTrue(session.matches("\\.ASPXAUTH=[A-Za-z0-9_-]{43}; path=/; HttpOnly; SameSite=Lax"), session);
    String csrf = r.setCookie("BPMCSRF").orElseThrow();
    assertTrue(csrf.matches("BPMCSRF=[A-Za-z0-9_-]{43}; path=/; SameSite=Lax"), "readable by scripts: " + csrf);
    String loader = r.setCookie("BPMLOADER").orElseThrow();
    assertTrue(loader.matches("BPMLOADER=[A-Za-z0-9_-]{43}; path=/; HttpOnly; SameSite=Lax"), loader);
    String user = r.setCookie("UserName").orElseThrow();
    assertTrue(user.startsWith("UserName=83|117|112|101|114|118|105|115|111|114; path=/; HttpOnly; Max-Age="), user);
    assertTrue(user.endsWith("SameSite=Lax"), user);
    assertFalse(String.join("\n", r.setCookies()).contains("Secure"), "plain HTTP: no Secure flag");
  }

  @Test
  void wrongPasswordUnknownUserAndInactiveUserGetTheSameGenericFailure() throws Exception {
    String inactive = TestData.uniqueName("inactive");
    TestData.createUser(inactive, "Inactive-Pa55word", TestData.USER, false, "AllEmployees");
    for (String[] attempt : new String[][] {
        {SUPERVISOR, "wrong"}, {"nobody-" + inactive, "whatever"}, {inactive, "Inactive-Pa55word"}, {"", ""}}) {
      Reply r = AtriumClient.forItServer().login(attempt[0], attempt[1]);
      assertEquals(200, r.status(), "always HTTP 200");
      assertEquals(FAILED, r.json(), "for " + attempt[0]);
      assertTrue(r.setCookies().isEmpty(), "a failed sign-in sets no cookie, BPMCSRF included");
    }
  }

  @Test
  void userNameIsMatchedCaseInsensitively() {
    assertEquals(0, AtriumClient.forItServer().login("SUPERVISOR", SUPERVISOR_PASSWORD).json().getInt("Code"));
  }

  @Test
  void everySignInGetsANewSessionAndEndsThePresentedOne() {
    AtriumClient browser = AtriumClient.supervisor();
    String first = browser.cookies.get(".ASPXAUTH");
    String firstCsrf = browser.cookies.get("BPMCSRF");
    browser.signedInAs(SUPERVISOR, SUPERVISOR_PASSWORD);
    assertNotEquals(first, browser.cookies.get(".ASPXAUTH"));
    assertEquals(200, browser.api("GET", "/0/rest/contacts", null).status());

    AtriumClient replay = AtriumClient.forItServer();
    replay.cookies.put(".ASPXAUTH", first);
    replay.cookies.put("BPMCSRF", firstCsrf);
    assertEquals(401, replay.api("GET", "/0/rest/contacts", null).status(), "the old session is gone");
  }

  @Test
  void unreadableBodyIsA400WithTheErrorBody() {
    Reply r = AtriumClient.forItServer().send("POST", "/ServiceModel/AuthService.svc/Login", "{not json",
        Map.of("Content-Type", "application/json"));
    assertEquals(400, r.status());
    assertEquals("MALFORMED_REQUEST", r.json().getString("ErrorCode"));
  }

  @Test
  void signInLivesAtTheRootOnly() {
    Reply r = AtriumClient.forItServer().send("POST", "/0/ServiceModel/AuthService.svc/Login",
        "{\"UserName\":\"Supervisor\",\"UserPassword\":\"" + SUPERVISOR_PASSWORD + "\"}", Map.of("Content-Type", "application/json"));
    assertEquals(401, r.status());
    assertEquals("Authentication failed.", r.json().getString("Message"));
  }

  @Test
  void signInPageIsServedWithSecurityHeadersAndRemembersTheUserSafely() {
    AtriumClient browser = AtriumClient.forItServer();
    browser.cookies.put("UserName", "60|98|62|38|34");  // "<b>&\""
    Reply page = browser.get("/");
    assertEquals(200, page.status());
    assertTrue(page.header("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("<form id=\"sign-in-form\""));
    assertTrue(page.body().contains("<label for=\"password\">Password</label>"));
    assertTrue(page.body().contains("value=\"&lt;b&gt;&amp;&quot;\""), "remembered name, HTML-escaped");
    assertTrue(page.header("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    assertEquals("DENY", page.header("X-Frame-Options").orElse(""));
    assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(""));
    assertEquals(200, browser.get("/assets/sign-in.js").status());
  }

  @Test
  void signedInBrowserIsSentOnToTheApplication() {
    Reply r = AtriumClient.supervisor().get("/");
    assertEquals(302, r.status());
    assertTrue(r.header("Location").orElse("").endsWith("/0/"), r.header("Location").orElse(""));
  }

  @Test
  void healthProbesNeedNoSession() {
    AtriumClient anonymous = AtriumClient.forItServer();
    for (String path : new String[] {"/api/HealthCheck/Ping", "/0/api/HealthCheck/Ping", "/0/ping"}) {
      Reply r = anonymous.get(path);
      assertEquals(200, r.status(), path);
      assertEquals("Ok", r.json().getString("Status"), path);
    }
  }
}
