package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Licence files for the tests, signed with the shipped vendor tool (standalone-config/bin/licence-sign.sh,
 * OpenSSL) by the test vendor key the IT servers trust. Tests that change the licence restore
 * {@link #restoreEveryoneLicensed the baseline}, so the other test classes sharing the database
 * find every user licensed, as during the trial.
 */
final class Licences {

  static final String NAMED_SALES_3 = "[{\"Code\":\"sales\",\"Type\":\"Named\",\"Count\":3}]";

  private Licences() {}

  static String payload(String instanceId, String customer, Instant validTo, String products) {
    return "{\"LicenseVersion\":1,\"LicenseId\":\"" + UUID.randomUUID() + "\",\"CustomerId\":\"" + customer
        + "\",\"InstanceId\":\"" + instanceId + "\",\"IssuedOn\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
        + "\",\"ValidFrom\":\"" + validTo.minus(400, ChronoUnit.DAYS) + "\",\"ValidTo\":\"" + validTo
        + "\",\"Products\":" + products + "}";
  }

  /** Runs the vendor's signing tool on a payload. */
  static String sign(String payload) throws Exception {
    Path file = Files.createTempFile("licence-payload", ".json");
    Files.writeString(file, payload);
    Process p = new ProcessBuilder("bash", "../standalone-config/bin/licence-sign.sh", file.toString(),
        "src/test/resources/licence-it/it-vendor.pem", "it-vendor").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    Files.delete(file);
    return out;
  }

  static Instant inAYear() {
    return Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
  }

  static String instanceId(AtriumClient manager) {
    return manager.api("GET", "/0/rest/licenses", null).json().getString("InstanceId");
  }

  static Reply upload(AtriumClient manager, String file) {
    return manager.send("POST", "/0/rest/licenses", file,
        Map.of("BPMCSRF", manager.cookies.get("BPMCSRF"), "Content-Type", "application/json"));
  }

  /** Signs and installs a licence of these products for this installation, valid for a year. */
  static JsonObject install(AtriumClient manager, String products) throws Exception {
    Reply r = upload(manager, sign(payload(instanceId(manager), "ACME", inAYear(), products)));
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  /** No named licences granted, every product as a server licence: everyone licensed, as in the trial. */
  static void restoreEveryoneLicensed() throws Exception {
    try (java.sql.Connection c = TestData.connect(); java.sql.Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM SysLicUser");  // the upload below tells every node's caches
    }
    AtriumClient manager = AtriumClient.forItServer();
    Reply login = manager.login(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD);
    assertTrue(login.status() == 200 && manager.cookies.containsKey("BPMCSRF"), login.body());
    install(manager, "[{\"Code\":\"marketing\",\"Type\":\"Server\"},{\"Code\":\"sales\",\"Type\":\"Server\"},"
        + "{\"Code\":\"service\",\"Type\":\"Server\"},{\"Code\":\"studio\",\"Type\":\"Server\"}]");
  }

  /** The id of a user as the licence manager's user list shows it. */
  static String userId(AtriumClient manager, String name) {
    return manager.api("GET", "/0/rest/licenses/users?top=500", null).json().getJsonArray("Items")
        .getValuesAs(JsonObject.class).stream().filter(u -> u.getString("Name").equals(name))
        .map(u -> u.getString("Id")).findFirst().orElseThrow(() -> new AssertionError("no user " + name));
  }

  static Reply grant(AtriumClient manager, String product, String holderId) {
    return manager.api("PUT", "/0/rest/licenses/" + product + "/holders/" + holderId, null);
  }

  static Reply recall(AtriumClient manager, String product, String holderId) {
    return manager.api("DELETE", "/0/rest/licenses/" + product + "/holders/" + holderId, null);
  }

  /** Runs a job now and waits (at most 20 s) until a node has finished it; returns the job. */
  static JsonObject runJob(AtriumClient admin, String name) throws InterruptedException {
    Instant before = Instant.now().minusMillis(5);
    assertEquals(202, admin.api("POST", "/0/rest/jobs/" + name + "/trigger", null).status());
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonObject job = admin.api("GET", "/0/rest/jobs/" + name, null).json();
      if (!job.isNull("LastFinishedOn") && Instant.parse(job.getString("LastFinishedOn")).isAfter(before)) {
        return job;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("job " + name + " did not run within 20 s");
  }
}
