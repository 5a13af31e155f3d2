package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** OAuth 2.0 client credentials for integrations (the IT servers issue tokens for 10 seconds). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OAuthIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  private final AtriumClient admin = AtriumClient.supervisor();

  /** A technical user with a registered client: {id, clientId, clientSecret, userId, userName}. */
  static String[] registerClient(AtriumClient admin) {
    String name = TestData.uniqueName("integration");
    Reply user = admin.api("POST", "/0/rest/users", "{\"Name\":\"" + name + "\",\"Technical\":true}");
    assertEquals(201, user.status(), user.body());
    String userId = user.json().getString("Id");
    Reply client = admin.api("POST", "/0/rest/oauth-clients", "{\"Name\":\"" + name + " client\",\"UserId\":\"" + userId + "\"}");
    assertEquals(201, client.status(), client.body());
    JsonObject c = client.json();
    return new String[] {c.getString("Id"), c.getString("ClientId"), c.getString("ClientSecret"), userId, name};
  }

  static Reply token(AtriumClient client, String form) {
    return client.send("POST", "/connect/token", form, Map.of("Content-Type", "application/x-www-form-urlencoded"));
  }

  static String form(String clientId, String secret) {
    return "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
        + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
  }

  static Reply withBearer(AtriumClient client, String method, String path, String token, String json) {
    return client.send(method, path, json, json == null ? Map.of("Authorization", "Bearer " + token)
        : Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"));
  }

  @Test
  void aClientGetsATokenThatWorksWithoutCsrfAndExpires() throws Exception {
    String[] c = registerClient(admin);
    assertEquals(43, c[2].length(), "a 256-bit secret, shown once");
    assertTrue(admin.api("GET", "/0/rest/oauth-clients", null).body().contains("\"ClientSecret\":null"), "never again");

    Reply issued = token(AtriumClient.forItServer(), form(c[1], c[2]));
    assertEquals(200, issued.status(), issued.body());
    JsonObject t = issued.json();
    assertEquals(Set.of("access_token", "expires_in", "token_type", "scope"), t.keySet());
    assertEquals("Bearer", t.getString("token_type"));
    assertEquals(10, t.getInt("expires_in"));
    assertEquals("no-store", issued.header("Cache-Control").orElse(""));
    assertTrue(issued.setCookies().isEmpty(), "no cookies for integrations");

    String token = t.getString("access_token");
    AtriumClient integration = AtriumClient.forItServer();
    assertEquals(200, withBearer(integration, "GET", "/0/rest/contacts", token, null).status(), "no BPMCSRF needed");
    Reply created = withBearer(integration, "POST", "/0/rest/accounts", token, "{\"Name\":\"Made by an integration\"}");
    assertEquals(201, created.status(), created.body());

    Thread.sleep(11_000);
    Reply expired = withBearer(integration, "GET", "/0/rest/contacts", token, null);
    assertEquals(401, expired.status(), "a token lives a fixed time, used or not");
    assertTrue(expired.header("WWW-Authenticate").orElse("").contains("invalid_token"));
  }

  @Test
  void clientErrorsFollowRfc6749() {
    String[] c = registerClient(admin);
    AtriumClient anyone = AtriumClient.forItServer();
    Reply wrong = token(anyone, form(c[1], "wrong-secret"));
    assertEquals(401, wrong.status());
    assertEquals("{\"error\":\"invalid_client\"}", wrong.body());
    assertEquals(401, token(anyone, form("no-such-client", c[2])).status());
    assertEquals("invalid_request", token(anyone, "grant_type=client_credentials").json().getString("error"));
    Reply password = token(anyone, "grant_type=password&client_id=" + c[1] + "&client_secret=" + c[2]);
    assertEquals(400, password.status());
    assertEquals("unsupported_grant_type", password.json().getString("error"));

    String basic = Base64.getEncoder().encodeToString((c[1] + ":" + c[2]).getBytes(StandardCharsets.UTF_8));
    Reply viaBasic = anyone.send("POST", "/connect/token", "grant_type=client_credentials",
        Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic " + basic));
    assertEquals(200, viaBasic.status(), "client authentication by HTTP Basic");
  }

  @Test
  void rotatingTheSecretOrDeactivatingTheClientRevokesItsTokens() {
    String[] c = registerClient(admin);
    String first = token(AtriumClient.forItServer(), form(c[1], c[2])).json().getString("access_token");
    Reply rotated = admin.api("POST", "/0/rest/oauth-clients/" + c[0] + "/rotate-secret", null);
    String secret = rotated.json().getString("ClientSecret");
    assertEquals(401, withBearer(AtriumClient.forItServer(), "GET", "/0/rest/contacts", first, null).status());
    assertEquals(401, token(AtriumClient.forItServer(), form(c[1], c[2])).status(), "the old secret is gone");

    String second = token(AtriumClient.forItServer(), form(c[1], secret)).json().getString("access_token");
    assertEquals(200, withBearer(AtriumClient.forItServer(), "GET", "/0/rest/contacts", second, null).status());
    admin.api("PUT", "/0/rest/oauth-clients/" + c[0], "{\"Name\":\"off\",\"Active\":false}");
    assertEquals(401, withBearer(AtriumClient.forItServer(), "GET", "/0/rest/contacts", second, null).status());
    assertEquals(401, token(AtriumClient.forItServer(), form(c[1], secret)).status());
  }

  @Test
  void technicalUsersNeverSignInAndTokensStayInTheirLane() {
    String[] c = registerClient(admin);
    assertEquals(1, AtriumClient.forItServer().login(c[4], "").json().getInt("Code"));
    assertEquals(400, admin.api("POST", "/0/rest/users", "{\"Name\":\"" + TestData.uniqueName("t")
        + "\",\"Technical\":true,\"Password\":\"" + AdminIT.PASSWORD + "\"}").status(), "no password for technical users");

    String bearer = token(AtriumClient.forItServer(), form(c[1], c[2])).json().getString("access_token");
    AtriumClient asCookie = AtriumClient.forItServer();
    asCookie.cookies.put(".ASPXAUTH", bearer);
    asCookie.cookies.put("BPMCSRF", "");
    assertEquals(401, asCookie.send("GET", "/0/rest/contacts", null, Map.of("BPMCSRF", "")).status(),
        "an access token is not a cookie session");
    String cookieToken = AtriumClient.supervisor().cookies.get(".ASPXAUTH");
    assertEquals(401, withBearer(AtriumClient.forItServer(), "GET", "/0/rest/contacts", cookieToken, null).status(),
        "a cookie session is not a bearer token (that would skip BPMCSRF)");
    assertEquals(1, admin.api("GET", "/0/rest/audit?eventType=TOKEN_ISSUED&targetName=" + c[1], null)
        .json().getInt("Total"), "token issue audited");
  }
}
