package dev.atrium.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AtriumCookiesTest {

  @Test
  void userNameIsEncodedAsCharacterCodes() {
    assertEquals("83|117|112|101|114|118|105|115|111|114", AtriumCookies.encodeUserName("Supervisor"));
  }

  @Test
  void signInCookiesCarryTheContractFlags() {
    List<Cookie> cookies = AtriumCookies.signedIn("tok", "csrf", "Supervisor", false);
    Map<String, Cookie> byName = cookies.stream().collect(Collectors.toMap(Cookie::getName, Function.identity()));
    assertEquals(List.of(".ASPXAUTH", "BPMCSRF", "BPMLOADER", "UserName"), cookies.stream().map(Cookie::getName).toList());
    assertTrue(byName.get(".ASPXAUTH").isHttpOnly());
    assertFalse(byName.get("BPMCSRF").isHttpOnly(), "scripts must read the CSRF token");
    assertTrue(byName.get("BPMLOADER").isHttpOnly());
    assertTrue(byName.get("UserName").isHttpOnly());
    assertTrue(byName.get("UserName").getMaxAge() > 0, "UserName is persistent");
    assertEquals(-1, byName.get(".ASPXAUTH").getMaxAge(), "session cookie");
    cookies.forEach(c -> {
      assertEquals("/", c.getPath());
      assertEquals("Lax", c.getAttribute("SameSite"));
      assertFalse(c.getSecure());
    });
    assertTrue(AtriumCookies.signedIn("t", "c", "u", true).stream().allMatch(Cookie::getSecure));
    assertTrue(AtriumCookies.signedOut(false).stream().allMatch(c -> c.getMaxAge() == 0), "sign-out expires them");
  }
}
