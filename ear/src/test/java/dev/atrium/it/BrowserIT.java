package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pages in a real browser: runs {@code src/test/js/*.test.mjs} (node's test runner,
 * playwright-core driving Debian's headless Chromium) against the deployed EAR. Screenshots land
 * in {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  @Test
  void signInPageInChromium() throws Exception {
    String resetUser = TestData.uniqueName("browser");
    TestData.createUser(resetUser, "Temporary-Pa55word", TestData.USER, true, "AllEmployees");
    TestData.forcePasswordChange(resetUser);
    // A licence that ends soon, so the start page has a notice to show the Supervisor.
    AtriumClient admin = AtriumClient.supervisor();
    Instant soon = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    assertEquals(200, Licences.upload(admin, Licences.sign(Licences.payload(Licences.instanceId(admin), "ACME", soon,
        "[{\"Code\":\"sales\",\"Type\":\"Server\"}]"))).status());
    try {
      assertTrue(Licences.runJob(admin, "licence-expiry-warning").getString("LastOutcome").startsWith("Succeeded"));
      NodeTests.inBrowser("sign-in.test.mjs", Map.of(
          "ATRIUM_RESET_USER", resetUser,
          "ATRIUM_RESET_PASSWORD", "Temporary-Pa55word",
          "ATRIUM_NOTICE", "The licence for 'sales' expires on " + soon), 180);
    } finally {
      Licences.restoreEveryoneLicensed();
    }
  }

  @Test
  void signInCodesLeadToTheirPagesInChromium() throws Exception {
    AtriumClient admin = AtriumClient.supervisor();
    String reminded = TestData.uniqueName("reminded");
    String remindedId = TestData.createUser(reminded, "Reminded-Pa55word-1", TestData.USER, true, "AllEmployees").toString();
    assertEquals(200, admin.api("PUT", "/0/rest/settings/MaxPasswordAge/values/" + remindedId, "{\"Value\":\"30\"}").status());
    assertEquals(200, admin.api("PUT", "/0/rest/settings/PasswordChangeReminding/values/" + remindedId, "{\"Value\":\"7\"}").status());
    TestData.setPasswordChangedOn(reminded, Instant.now().minus(25, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS));
    String manager = TestData.uniqueName("licman");
    String managerId = TestData.createUser(manager, "Licman-Pa55word-1", TestData.USER, true, "AllEmployees").toString();
    assertEquals(204, admin.api("PUT", "/0/rest/operations/CanManageLicUsers/grantees/" + managerId,
        "{\"CanExecute\":true}").status());
    // Named licences: the reminded user holds one, the licence manager none (Code 3).
    Licences.install(admin, Licences.NAMED_SALES_3);
    try {
      assertEquals(200, Licences.grant(admin, "sales", remindedId).status());
      assertEquals(3, AtriumClient.forItServer().login(manager, "Licman-Pa55word-1").json().getInt("Code"));
      NodeTests.inBrowser("sign-in-codes.test.mjs", Map.of(
          "ATRIUM_REMINDED_USER", reminded, "ATRIUM_REMINDED_PASSWORD", "Reminded-Pa55word-1",
          "ATRIUM_LICENCE_MANAGER", manager, "ATRIUM_LICENCE_MANAGER_PASSWORD", "Licman-Pa55word-1"), 180);
    } finally {
      Licences.restoreEveryoneLicensed();
    }
  }
}
