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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Licence files end to end: signed with the shipped vendor tool (standalone-config/bin/licence-sign.sh,
 * OpenSSL) by the test vendor key that the IT server trusts, then uploaded.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LicenceIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  private final AtriumClient admin = AtriumClient.supervisor();

  private String instanceId() {
    return admin.api("GET", "/0/rest/licenses", null).json().getString("InstanceId");
  }

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
    return out;
  }

  private Reply upload(String file) {
    return admin.send("POST", "/0/rest/licenses", file,
        Map.of("BPMCSRF", admin.cookies.get("BPMCSRF"), "Content-Type", "application/json"));
  }

  private static Instant inAYear() {
    return Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
  }

  @Test
  void aValidLicenceReplacesTheOneInForceWhole() throws Exception {
    String first = sign(payload(instanceId(), "ACME", inAYear(),
        "[{\"Code\":\"sales\",\"Type\":\"Named\",\"Count\":25},{\"Code\":\"studio\",\"Type\":\"Server\"}]"));
    Reply r = upload(first);
    assertEquals(200, r.status(), r.body());
    List<JsonObject> products = r.json().getJsonArray("Products").getValuesAs(JsonObject.class);
    assertEquals(List.of("sales", "studio"), products.stream().map(p -> p.getString("Code")).toList());
    assertEquals(25, products.get(0).getInt("Owned"));
    assertEquals("Server", products.get(1).getString("Type"));

    Reply second = admin.send("POST", "/0/ServiceModel/LicenseService.svc/UploadLicenses",
        sign(payload(instanceId(), "ACME", inAYear(), "[{\"Code\":\"service\",\"Type\":\"Named\",\"Count\":5}]")),
        Map.of("BPMCSRF", admin.cookies.get("BPMCSRF"), "Content-Type", "text/plain"));
    assertEquals(200, second.status(), "the established upload path: " + second.body());
    assertEquals(List.of("service"), admin.api("GET", "/0/rest/licenses", null).json().getJsonArray("Products")
        .getValuesAs(JsonObject.class).stream().map(p -> p.getString("Code")).toList(), "nothing of the first left");
    assertEquals(1, admin.api("GET", "/0/rest/audit?eventType=LICENSE_UPLOADED&top=1", null).json()
        .getJsonArray("Items").size());
  }

  @Test
  void tamperedForeignExpiredOrMalformedFilesAreRefusedAndChangeNothing() throws Exception {
    upload(sign(payload(instanceId(), "ACME", inAYear(), "[{\"Code\":\"marketing\",\"Type\":\"Named\",\"Count\":3}]")));
    String before = admin.api("GET", "/0/rest/licenses", null).body();

    String genuine = sign(payload(instanceId(), "ACME", inAYear(), "[{\"Code\":\"sales\",\"Type\":\"Named\",\"Count\":9}]"));
    JsonObject envelope = jakarta.json.Json.createReader(new java.io.StringReader(genuine)).readObject();
    byte[] payloadBytes = Base64.getDecoder().decode(envelope.getString("Payload"));
    payloadBytes[payloadBytes.length - 10] ^= 1;
    String flipped = genuine.replace(envelope.getString("Payload"), Base64.getEncoder().encodeToString(payloadBytes));
    assertError(upload(flipped), "LICENSE_SIGNATURE_INVALID");
    assertError(upload(genuine.replace("\"KeyId\":\"it-vendor\"", "\"KeyId\":\"atrium-2026\"")), "LICENSE_SIGNATURE_INVALID");
    assertError(upload(sign(payload(UUID.randomUUID().toString(), "ACME", inAYear(), "[]"))), "LICENSE_WRONG_INSTANCE");
    assertError(upload(sign(payload(instanceId(), "ACME", Instant.now().minus(1, ChronoUnit.DAYS)
        .truncatedTo(ChronoUnit.SECONDS), "[]"))), "LICENSE_EXPIRED");
    assertError(upload("{\"Payload\":\"not base64!\"}"), "LICENSE_MALFORMED");
    assertError(upload(""), "LICENSE_MALFORMED");

    admin.api("PUT", "/0/rest/settings/CustomerId", "{\"Value\":\"GLOBEX\"}");
    try {
      assertError(upload(genuine), "LICENSE_WRONG_INSTANCE");
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
    assertEquals(instanceId(), request.getString("InstanceId"));
    assertEquals(25, request.getJsonArray("Products").getJsonObject(0).getInt("Count"));
    assertEquals(400, admin.api("GET", "/0/rest/licenses/request?product=Sales:x", null).status());
  }

  @Test
  void licencesNeedCanManageLicUsers() throws Exception {
    String name = TestData.uniqueName("nolic");
    TestData.createUser(name, AdminIT.PASSWORD, TestData.USER, true, "AllEmployees");
    AtriumClient plain = AtriumClient.forItServer().signedInAs(name, AdminIT.PASSWORD);
    assertEquals(403, plain.api("GET", "/0/rest/licenses", null).status());
    assertEquals(403, plain.api("GET", "/0/rest/licenses/request?product=sales:1", null).status());
    assertEquals(403, plain.send("POST", "/0/rest/licenses", "{}", Map.of("BPMCSRF", plain.cookies.get("BPMCSRF"),
        "Content-Type", "application/json")).status());
  }

  private static void assertError(Reply r, String code) {
    assertEquals(400, r.status(), r.body());
    assertEquals(code, r.json().getString("ErrorCode"), r.body());
  }
}
