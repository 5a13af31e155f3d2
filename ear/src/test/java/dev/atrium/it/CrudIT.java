package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /0/rest/accounts} and {@code /0/rest/contacts}: round trips and every kind of bad input. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrudIT {

  static final String SUPERVISOR_CONTACT = "410006e1-ca4e-4502-a9ec-e54d922d2c00";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  private final AtriumClient client = AtriumClient.supervisor();

  @Test
  void restPingAnswersOnlyACallerWithASession() {
    Reply ok = client.api("GET", "/0/rest/ping", null);
    assertEquals(200, ok.status(), ok.body());
    assertEquals("Ok", ok.json().getString("Status"));
    assertEquals(401, AtriumClient.forItServer().api("GET", "/0/rest/ping", null).status());
  }

  @Test
  void accountAndContactRoundTrip() {
    Reply created = client.api("POST", "/0/rest/accounts",
        "{\"Name\":\"  Fabrikam Ltd \",\"Email\":\"sales@fabrikam.example\",\"City\":\"Zürich\",\"Notes\":\"Key account\"}");
    assertEquals(201, created.status(), created.body());
    JsonObject account = created.json();
    String accountId = account.getString("Id");
    assertEquals("/0/rest/accounts/" + accountId, URI.create(created.header("Location").orElseThrow()).getPath());
    assertEquals("Fabrikam Ltd", account.getString("Name"), "text is trimmed");
    assertEquals("Zürich", account.getString("City"));
    assertEquals(SUPERVISOR_CONTACT, account.getString("CreatedById"), "stamped with the caller's contact");
    Instant createdOn = Instant.parse(account.getString("CreatedOn"));
    assertTrue(account.getString("CreatedOn").endsWith("Z"), "UTC");
    assertTrue(account.isNull("Phone"), "absent values are explicit nulls");

    assertEquals(account, client.api("GET", "/0/rest/accounts/" + accountId, null).json());

    Reply updated = client.api("PUT", "/0/rest/accounts/" + accountId,
        "{\"Name\":\"Fabrikam AG\",\"Email\":\"sales@fabrikam.example\",\"City\":\"Zürich\"}");
    assertEquals(200, updated.status(), updated.body());
    assertEquals("Fabrikam AG", updated.json().getString("Name"));
    assertTrue(updated.json().isNull("Notes"), "PUT replaces the writable fields");
    assertEquals(account.getString("CreatedOn"), updated.json().getString("CreatedOn"), "creation is not rewritten");
    assertFalse(Instant.parse(updated.json().getString("ModifiedOn")).isBefore(createdOn));

    Reply contact = client.api("POST", "/0/rest/contacts",
        "{\"Name\":\"Eve Adams\",\"AccountId\":\"" + accountId + "\",\"Email\":\"eve@fabrikam.example\"}");
    assertEquals(201, contact.status(), contact.body());
    String contactId = contact.json().getString("Id");
    assertEquals(accountId, contact.json().getString("AccountId"));

    Reply inUse = client.api("DELETE", "/0/rest/accounts/" + accountId, null);
    assertEquals(409, inUse.status());
    assertEquals("RECORD_IN_USE", inUse.json().getString("ErrorCode"));
    assertEquals(200, client.api("GET", "/0/rest/accounts/" + accountId, null).status(), "nothing was lost");

    assertEquals(204, client.api("DELETE", "/0/rest/contacts/" + contactId, null).status());
    assertEquals(204, client.api("DELETE", "/0/rest/accounts/" + accountId, null).status());
    assertEquals(404, client.api("GET", "/0/rest/accounts/" + accountId, null).status());
  }

  @Test
  void listsPageByNameWithATotal() {
    for (String name : new String[] {"Paging C", "Paging A", "Paging B"}) {
      assertEquals(201, client.api("POST", "/0/rest/accounts", "{\"Name\":\"" + name + "\"}").status());
    }
    JsonObject page = client.api("GET", "/0/rest/accounts?skip=0&top=2", null).json();
    assertEquals(2, page.getJsonArray("Items").size());
    assertEquals(2, page.getInt("Top"));
    assertTrue(page.getInt("Total") >= 3);
    String first = page.getJsonArray("Items").getJsonObject(0).getString("Name");
    String second = page.getJsonArray("Items").getJsonObject(1).getString("Name");
    assertTrue(first.compareTo(second) <= 0, "ordered by name");
  }

  @Test
  void invalidValuesAre400WithFieldErrorsAndStoreNothing() throws Exception {
    long before = TestData.count("SELECT COUNT(*) FROM Contact");
    Reply r = client.api("POST", "/0/rest/contacts", "{\"Name\":\" \",\"Email\":\"not-an-email\",\"Zip\":\""
        + "9".repeat(51) + "\"}");
    assertEquals(400, r.status());
    JsonObject body = r.json();
    assertEquals("VALIDATION_FAILED", body.getString("ErrorCode"));
    assertEquals(Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("Field", "Email").add("Message", "must be a well-formed email address"))
        .add(Json.createObjectBuilder().add("Field", "Name").add("Message", "must not be blank"))
        .add(Json.createObjectBuilder().add("Field", "Zip").add("Message", "size must be between 0 and 50"))
        .build(), body.getJsonArray("Errors"));
    assertEquals(before, TestData.count("SELECT COUNT(*) FROM Contact"));
  }

  @Test
  void malformedBodiesIdsAndReferencesAre400() {
    assertError(client.api("POST", "/0/rest/accounts", "{\"Name\":"), 400, "MALFORMED_REQUEST");
    assertError(client.api("POST", "/0/rest/accounts", "[1,2]"), 400, "MALFORMED_REQUEST");
    assertError(client.api("POST", "/0/rest/contacts", "{\"Name\":\"X\",\"AccountId\":\"not-a-guid\"}"), 400, "MALFORMED_REQUEST");
    assertError(client.send("POST", "/0/rest/accounts", null, java.util.Map.of(
        "BPMCSRF", client.cookies.get("BPMCSRF"), "Content-Type", "application/json")), 400, "MALFORMED_REQUEST");
    assertError(client.api("GET", "/0/rest/accounts/42", null), 400, "INVALID_IDENTIFIER");
    assertError(client.api("GET", "/0/rest/accounts?top=501", null), 400, "VALIDATION_FAILED");
    assertError(client.api("GET", "/0/rest/accounts?skip=x", null), 400, "VALIDATION_FAILED");
    Reply unknown = client.api("POST", "/0/rest/contacts",
        "{\"Name\":\"X\",\"AccountId\":\"" + UUID.randomUUID() + "\"}");
    assertError(unknown, 400, "UNKNOWN_REFERENCE");
    assertEquals("AccountId", unknown.json().getJsonArray("Errors").getJsonObject(0).getString("Field"));
  }

  @Test
  void unknownIdsPathsMethodsAndMediaTypesGetTheErrorBody() {
    assertError(client.api("GET", "/0/rest/contacts/" + UUID.randomUUID(), null), 404, "NOT_FOUND");
    assertError(client.api("PUT", "/0/rest/contacts/" + UUID.randomUUID(), "{\"Name\":\"Nobody\"}"), 404, "NOT_FOUND");
    assertError(client.api("DELETE", "/0/rest/contacts/" + UUID.randomUUID(), null), 404, "NOT_FOUND");
    assertError(client.api("GET", "/0/rest/no-such-thing", null), 404, "NOT_FOUND");
    Reply patch = client.api("PATCH", "/0/rest/contacts", "{}");
    assertError(patch, 405, "METHOD_NOT_ALLOWED");
    assertTrue(patch.header("Allow").orElse("").contains("POST"), "405 names the allowed methods");
    assertEquals("no-store", client.api("GET", "/0/rest/contacts", null).header("Cache-Control").orElse(""));
    Reply text = client.send("POST", "/0/rest/contacts", "Name=X", java.util.Map.of(
        "BPMCSRF", client.cookies.get("BPMCSRF"), "Content-Type", "text/plain"));
    assertError(text, 415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void aDuplicateIdIsAConflict() {
    String id = UUID.randomUUID().toString();
    assertEquals(201, client.api("POST", "/0/rest/accounts", "{\"Id\":\"" + id + "\",\"Name\":\"First\"}").status());
    assertError(client.api("POST", "/0/rest/accounts", "{\"Id\":\"" + id + "\",\"Name\":\"Second\"}"), 409, "CONFLICT");
    assertEquals("First", client.api("GET", "/0/rest/accounts/" + id, null).json().getString("Name"));
  }

  @Test
  void productionModeLoadsNoDemoData() {
    assertEquals(404, client.api("GET", "/0/rest/contacts/c0c0e6d0-5a1e-4d8a-9b0e-1b2f3c4d5e01", null).status());
  }

  private static void assertError(Reply r, int status, String code) {
    assertEquals(status, r.status(), r.body());
    assertTrue(r.header("Content-Type").orElse("").startsWith("application/json"), r.header("Content-Type").orElse(""));
    assertEquals(code, r.json().getString("ErrorCode"));
    assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + r.body());
  }
}
