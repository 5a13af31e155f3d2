package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Password change, forced change after a reset, history, expiry (Code 5) and the reminder (Code 2). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PasswordIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  private final AtriumClient admin = AtriumClient.supervisor();

  static Reply change(AtriumClient client, String user, String current, String next) {
    return client.send("POST", "/ServiceModel/AuthService.svc/ChangePassword", Json.createObjectBuilder()
        .add("UserName", user).add("UserPassword", current).add("NewUserPassword", next).build().toString(),
        Map.of("Content-Type", "application/json"));
  }

  private String createUser(String name) {
    Reply r = admin.api("POST", "/0/rest/users", "{\"Name\":\"" + name + "\",\"Password\":\"" + AdminIT.PASSWORD + "\"}");
    assertEquals(201, r.status(), r.body());
    return r.json().getString("Id");
  }

  @Test
  void afterAResetTheUserMustChooseANewPasswordBeforeASession() {
    String name = TestData.uniqueName("reset");
    String id = createUser(name);
    admin.api("POST", "/0/rest/users/" + id + "/reset-password", "{\"Password\":\"Temporary-Pa55word\"}");

    Reply first = AtriumClient.forItServer().login(name, "Temporary-Pa55word");
    assertEquals(5, first.json().getInt("Code"));
    assertEquals("/ChangePassword", first.json().getString("PasswordChangeUrl"));
    assertTrue(first.setCookies().isEmpty(), "no session before the change");

    AtriumClient browser = AtriumClient.forItServer();
    assertEquals("Invalid user name or password.",
        change(browser, name, "Wrong-Current-Pa55word", "Brand-New-Pa55word").json().getString("Message"));
    assertEquals("The new password must have at least 12 characters.",
        change(browser, name, "Temporary-Pa55word", "short").json().getString("Message"));
    assertEquals(1, change(browser, name, "Temporary-Pa55word", "Temporary-Pa55word").json().getInt("Code"),
        "the new password must differ");

    Reply changed = change(browser, name, "Temporary-Pa55word", "Brand-New-Pa55word");
    assertEquals(0, changed.json().getInt("Code"), changed.body());
    assertTrue(changed.setCookie(".ASPXAUTH").isPresent(), "signed in by the change");
    assertEquals(200, browser.api("GET", "/0/rest/contacts", null).status());
    assertFalse(admin.api("GET", "/0/rest/users/" + id, null).json().getBoolean("ForcePasswordChange"));
    assertEquals(1, AtriumClient.forItServer().login(name, "Temporary-Pa55word").json().getInt("Code"));
    assertEquals(0, AtriumClient.forItServer().login(name, "Brand-New-Pa55word").json().getInt("Code"));
    assertEquals(1, admin.api("GET", "/0/rest/audit?eventType=PASSWORD_CHANGED&targetName=" + name, null)
        .json().getInt("Total"));
  }

  @Test
  void aChangeEndsTheUsersOtherSessions() {
    String name = TestData.uniqueName("other");
    createUser(name);
    AtriumClient elsewhere = AtriumClient.forItServer().signedInAs(name, AdminIT.PASSWORD);
    assertEquals(0, change(AtriumClient.forItServer(), name, AdminIT.PASSWORD, "Changed-Pa55word-1").json().getInt("Code"));
    assertEquals(401, elsewhere.api("GET", "/0/rest/contacts", null).status());
  }

  @Test
  void previousPasswordsCannotBeReused() {
    String name = TestData.uniqueName("history");
    String id = createUser(name);
    admin.api("PUT", "/0/rest/settings/PasswordHistoryRecordCount/values/" + id, "{\"Value\":\"2\"}");
    AtriumClient c = AtriumClient.forItServer();
    assertEquals(0, change(c, name, AdminIT.PASSWORD, "Second-Pa55word-x").json().getInt("Code"));
    assertEquals(0, change(c, name, "Second-Pa55word-x", "Third-Pa55word-xx").json().getInt("Code"));
    Reply reuse = change(c, name, "Third-Pa55word-xx", AdminIT.PASSWORD);
    assertEquals("The new password must differ from the current one and the previous 2.",
        reuse.json().getString("Message"));
    assertEquals(0, change(c, name, "Third-Pa55word-xx", "Fourth-Pa55word-x").json().getInt("Code"));
  }

  @Test
  void anExpiredPasswordAnswersCode5AndANearExpiryCode2() throws Exception {
    String name = TestData.uniqueName("ageing");
    String id = createUser(name);
    admin.api("PUT", "/0/rest/settings/MaxPasswordAge/values/" + id, "{\"Value\":\"30\"}");
    admin.api("PUT", "/0/rest/settings/PasswordChangeReminding/values/" + id, "{\"Value\":\"7\"}");

    TestData.setPasswordChangedOn(name, Instant.now().minus(Duration.ofDays(40)));
    Reply expired = AtriumClient.forItServer().login(name, AdminIT.PASSWORD);
    assertEquals(5, expired.json().getInt("Code"));
    assertEquals("Your password has expired. Choose a new one.", expired.json().getString("Message"));
    assertTrue(expired.setCookies().isEmpty());

    TestData.setPasswordChangedOn(name, Instant.now().minus(Duration.ofDays(25)).minus(Duration.ofHours(1)));
    Reply soon = AtriumClient.forItServer().login(name, AdminIT.PASSWORD);
    assertEquals(2, soon.json().getInt("Code"));
    assertEquals("Your password expires in 5 days. Consider changing it.", soon.json().getString("Message"));
    assertTrue(soon.setCookie(".ASPXAUTH").isPresent(), "Code 2 grants a session");

    TestData.setPasswordChangedOn(name, Instant.now());
    assertEquals(0, AtriumClient.forItServer().login(name, AdminIT.PASSWORD).json().getInt("Code"));
  }

  @Test
  void theChangePasswordPageEscapesTheName() {
    Reply page = AtriumClient.forItServer().get("/ChangePassword?user=%3Cscript%3E");
    assertEquals(200, page.status());
    assertTrue(page.body().contains("value=\"&lt;script&gt;\""));
    assertTrue(page.body().contains("autocomplete=\"new-password\""));
  }
}
