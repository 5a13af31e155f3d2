package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import java.util.UUID;

/** Users and roles for the access tests, made as an administrator makes them (the roles through the admin API). */
final class People {

  static final String PASSWORD = "Records-Pa55word-1";

  private People() {}

  /** A user with a contact of their own. */
  record Person(String name, UUID userId, UUID contactId) {
    /** Signed in now (sessions of the test server time out after 8 s idle). */
    AtriumClient signIn() {
      return AtriumClient.forItServer().signedInAs(name, PASSWORD);
    }
  }

  /** An employee (All employees) named {@code name} (make it unique), whose contact the administrator adds through OData. */
  static Person employee(AtriumClient admin, String name) throws Exception {
    UUID id = TestData.createUser(name, PASSWORD, TestData.USER, true, "AllEmployees");
    Reply created = admin.api("POST", "/0/odata/Contact", "{\"Name\":\"" + name + "\"}");
    assertEquals(201, created.status(), created.body());
    UUID contact = UUID.fromString(created.json().getString("Id"));
    TestData.linkContact(id, contact);
    return new Person(name, id, contact);
  }

  /** A new role of the type ("Division", "ManagerRole", "FunctionalRole", ...) under {@code parent} (or none). */
  static String role(AtriumClient admin, String type, String parent) {
    String code = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Reply r = admin.api("POST", "/0/rest/roles", "{\"Name\":\"" + code + "\",\"Code\":\"" + code + "\",\"Type\":\"" + type + "\""
        + (parent == null ? "" : ",\"ParentRoleId\":\"" + parent + "\"") + "}");
    assertEquals(201, r.status(), r.body());
    return r.json().getString("Id");
  }

  /** Makes the user a member of the role (their effective roles recomputed by the server). */
  static void member(AtriumClient admin, String role, UUID user) {
    Reply r = admin.api("POST", "/0/rest/roles/" + role + "/members", "{\"UserId\":\"" + user + "\"}");
    assertTrue(r.status() / 100 == 2, r.body());
  }
}
