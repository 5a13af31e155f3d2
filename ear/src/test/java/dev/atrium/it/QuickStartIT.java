package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

/**
 * The README's quick start: a WildFly configured with standalone-config/h2.properties (H2,
 * in-process sessions, demo data), started fresh. The generated Supervisor password is printed
 * once; signing in with it and reading the contacts returns the demo contacts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QuickStartIT {

  static final Pattern PASSWORD = Pattern.compile("ATRIUM-0011 Quick start: sign in as Supervisor with password +(\\S+)");

  @Deployment(name = "quickstart", managed = false, testable = false)
  @TargetsContainer("quickstart")
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  @ArquillianResource
  ContainerController controller;

  @ArquillianResource
  Deployer deployer;

  @Test
  void freshQuickStartSignsInWithThePrintedPasswordAndServesTheDemoContacts() throws Exception {
    Path home = Path.of(System.getProperty("quickstart.jboss.home"));
    deleteTree(home.resolve("standalone/data/atrium"));
    Path log = home.resolve("standalone/log/server.log");
    long logStart = Files.exists(log) ? Files.size(log) : 0;

    controller.start("quickstart");
    try {
      deployer.deploy("quickstart");
      String newLog = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).substring((int) logStart);
      Matcher m = PASSWORD.matcher(newLog);
      assertTrue(m.find(), "the generated password is printed once");
      String password = m.group(1);
      assertEquals(20, password.length());
      assertTrue(Files.exists(home.resolve("standalone/data/atrium")), "H2 keeps its files in the data folder");

      AtriumClient browser = new AtriumClient(System.getProperty("atrium.it.quickstart-url", "http://127.0.0.1:8280"));
      assertTrue(browser.get("/").body().contains("sign-in-form"), "the sign-in page");
      assertEquals(1, browser.login("Supervisor", "Supervisor").json().getInt("Code"), "no fixed default password");
      browser.signedInAs("Supervisor", password);

      Reply contacts = browser.api("GET", "/0/rest/contacts", null);
      assertEquals(200, contacts.status(), contacts.body());
      Set<String> names = contacts.json().getJsonArray("Items").stream()
          .map(v -> v.asJsonObject().getString("Name")).collect(Collectors.toSet());
      assertTrue(names.containsAll(List.of("Alice Johnson", "Bob Smith", "Carla Gómez", "Jürgen Weber", "Dmitri Ivanov")),
          names.toString());
      Reply accounts = browser.api("GET", "/0/rest/accounts", null);
      assertEquals(3, accounts.json().getInt("Total"));
      Reply created = browser.api("POST", "/0/rest/contacts", "{\"Name\":\"Grace Hopper\",\"AccountId\":null}");
      assertEquals(201, created.status(), "a write with NULL GUID columns on H2: " + created.body());
      assertEquals(302, browser.get("/").status(), "signed in: / sends the browser on to /0/");
      assertTrue(browser.get("/0/").body().contains("<div id=\"root\"></div>"), "the workspace page");
      assertEquals("Supervisor", browser.api("GET", "/0/rest/workspace", null).json().getJsonObject("User").getString("Name"));

      jakarta.json.JsonObject licence = browser.api("GET", "/0/rest/licenses", null).json();
      assertTrue(licence.getBoolean("Trial"), "a fresh installation runs the trial: " + licence);
      assertEquals(4, licence.getJsonArray("Products").size(), "every product");
      Instant trialEnd = Instant.parse(licence.getJsonArray("Products").getJsonObject(0).getString("ValidTo"));
      assertTrue(trialEnd.isAfter(Instant.now().plus(29, ChronoUnit.DAYS))
          && trialEnd.isBefore(Instant.now().plus(31, ChronoUnit.DAYS)), "for 30 days: " + trialEnd);
      // The scheduler runs on H2 too (Quartz's standard delegate on the Liquibase-made tables).
      assertEquals("Succeeded: time recorded", Licences.runJob(browser, "licence-clock").getString("LastOutcome"));
    } finally {
      try {
        deployer.undeploy("quickstart");
      } finally {
        controller.stop("quickstart");
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
