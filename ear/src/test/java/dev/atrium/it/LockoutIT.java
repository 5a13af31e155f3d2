package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lockout with Atrium's defaults (LoginAttemptCount 5, LoginAttemptBeforeWarningCount 3,
 * UserLockoutDuration 15 minutes), and the audit log of sign-in events.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LockoutIT {

  static final String INVALID = "Invalid user name or password.";
  static final String LOCKED = "The account is locked after too many failed sign-ins. Try again later.";
  static final List<String> FIVE_FAILURES = List.of(INVALID, INVALID,
      INVALID + " 2 attempts are left before the account is locked.",
      INVALID + " 1 attempt is left before the account is locked.",
      LOCKED);

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  private static List<String> failFiveTimes(AtriumClient client, String name) {
    return java.util.stream.IntStream.range(0, 5)
        .mapToObj(i -> client.login(name, "wrong-" + i).json().getString("Message")).toList();
  }

  @Test
  void fiveFailuresLockTheNameEvenAgainstTheRightPassword() throws Exception {
    String name = TestData.uniqueName("locked");
    TestData.createUser(name, "Right-Pa55word", TestData.USER, true, "AllEmployees");
    AtriumClient client = AtriumClient.forItServer();
    assertEquals(FIVE_FAILURES, failFiveTimes(client, name));
    Reply right = client.login(name, "Right-Pa55word");
    assertEquals(1, right.json().getInt("Code"));
    assertEquals(LOCKED, right.json().getString("Message"));
    assertTrue(right.setCookies().isEmpty(), "no session while locked");
  }

  @Test
  void namesWithoutAUserAreCountedAndLockedTheSameWay() {
    assertEquals(FIVE_FAILURES, failFiveTimes(AtriumClient.forItServer(), TestData.uniqueName("nobody")));
  }

  @Test
  void aSuccessfulSignInClearsTheCount() throws Exception {
    String name = TestData.uniqueName("careful");
    TestData.createUser(name, "Right-Pa55word", TestData.USER, true, "AllEmployees");
    AtriumClient client = AtriumClient.forItServer();
    for (int i = 0; i < 3; i++) {
      client.login(name, "wrong");
    }
    client.signedInAs(name, "Right-Pa55word");
    assertEquals(FIVE_FAILURES.subList(0, 4), failFiveTimes(client, name).subList(0, 4), "counting starts again");
  }

  @Test
  void signInEventsAreAuditedWithoutSecrets() throws Exception {
    String name = TestData.uniqueName("audited");
    TestData.createUser(name, "Audited-Pa55word", TestData.USER, true, "AllEmployees");
    AtriumClient user = AtriumClient.forItServer();
    user.login(name, "Not-The-Pa55word");
    user.signedInAs(name, "Audited-Pa55word");
    String token = user.cookies.get(".ASPXAUTH");
    user.api("POST", "/ServiceModel/AuthService.svc/Logout", null);

    Reply log = AtriumClient.supervisor().api("GET", "/0/rest/audit?targetName=" + name, null);
    assertEquals(200, log.status(), log.body());
    List<JsonObject> entries = log.json().getJsonArray("Items").getValuesAs(JsonObject.class);
    assertEquals(List.of("SIGN_OUT", "SIGN_IN", "SIGN_IN_FAILED"),
        entries.stream().map(e -> e.getString("EventType")).collect(Collectors.toList()), "newest first");
    assertEquals(name, entries.get(0).getString("ActorName"), "sign-out by the caller");
    JsonObject failed = entries.get(2);
    assertFalse(failed.getBoolean("Success"));
    assertEquals("127.0.0.1", failed.getString("ClientAddress"));
    assertFalse(log.body().contains("Not-The-Pa55word") || log.body().contains("Audited-Pa55word"), "no password");
    assertFalse(log.body().contains(token), "no session token");

    Reply signOuts = AtriumClient.supervisor().api("GET", "/0/rest/audit?eventType=sign_out&targetName=" + name, null);
    assertEquals(1, signOuts.json().getInt("Total"), "filtered by type, case-insensitively");
  }

  @Test
  void theAuditLogNeedsCanViewSysOperationAudit() throws Exception {
    String name = TestData.uniqueName("curious");
    TestData.createUser(name, "Curious-Pa55word", TestData.USER, true, "AllEmployees");
    Reply denied = AtriumClient.forItServer().signedInAs(name, "Curious-Pa55word").api("GET", "/0/rest/audit", null);
    assertEquals(403, denied.status());
    assertEquals("ACCESS_DENIED", denied.json().getString("ErrorCode"));
    Reply bad = AtriumClient.supervisor().api("GET", "/0/rest/audit?eventType=NOPE", null);
    assertEquals(400, bad.status());
  }
}
