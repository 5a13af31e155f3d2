package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import jakarta.json.JsonObject;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Behind a TLS-terminating proxy: this IT server trusts 127.0.0.1 as a proxy
 * ({@code atrium.trusted-proxies}), so its X-Forwarded-Proto and X-Forwarded-For count. TwoNodeIT
 * shows the second node, which trusts no one, ignoring the same headers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProxyIT {

  static final Map<String, String> FORWARDED = Map.of("Content-Type", "application/json",
      "X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.1, 203.0.113.7");

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  static Reply loginThroughProxy(AtriumClient client, String name, String password) {
    return client.send("POST", "/ServiceModel/AuthService.svc/Login",
        "{\"UserName\":\"" + name + "\",\"UserPassword\":\"" + password + "\"}", FORWARDED);
  }

  @Test
  void httpsAtTheProxyMakesCookiesSecureAndTheAuditNamesTheRealClient() throws Exception {
    String name = TestData.uniqueName("proxied");
    TestData.createUser(name, "Proxied-Pa55word", TestData.USER, true, "AllEmployees");
    Reply r = loginThroughProxy(AtriumClient.forItServer(), name, "Proxied-Pa55word");
    assertEquals(0, r.json().getInt("Code"));
    for (String cookie : new String[] {".ASPXAUTH", "BPMCSRF", "BPMLOADER", "UserName"}) {
      assertTrue(r.setCookie(cookie).orElseThrow().contains("; secure"), cookie + ": " + r.setCookie(cookie));
    }
    assertEquals("max-age=31536000", r.header("Strict-Transport-Security").orElse(""));

    JsonObject entry = AtriumClient.supervisor().api("GET", "/0/rest/audit?eventType=SIGN_IN&targetName=" + name, null)
        .json().getJsonArray("Items").getJsonObject(0);
    assertEquals("203.0.113.7", entry.getString("ClientAddress"), "the right-most untrusted hop");
  }
}
