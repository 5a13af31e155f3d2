package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Path screenshots = Path.of("target/screenshots");
    Files.createDirectories(screenshots);
    // A licence that ends soon, so the start page has a notice to show the Supervisor.
    AtriumClient admin = AtriumClient.supervisor();
    Instant soon = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    assertEquals(200, Licences.upload(admin, Licences.sign(Licences.payload(Licences.instanceId(admin), "ACME", soon,
        "[{\"Code\":\"sales\",\"Type\":\"Server\"}]"))).status());
    try {
      assertTrue(Licences.runJob(admin, "licence-expiry-warning").getString("LastOutcome").startsWith("Succeeded"));
      NodeTests.run("sign-in.test.mjs", Map.of(
          "SCREENSHOTS", screenshots.toAbsolutePath().toString(),
          "ATRIUM_RESET_USER", resetUser,
          "ATRIUM_RESET_PASSWORD", "Temporary-Pa55word",
          "ATRIUM_NOTICE", "The licence for 'sales' expires on " + soon), 180);
    } finally {
      Licences.restoreEveryoneLicensed();
    }
  }
}
