package dev.atrium.common.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cookies of the established wire contract. {@code .ASPXAUTH} carries the session token,
 * {@code BPMCSRF} the anti-CSRF token that scripts echo in the {@code BPMCSRF} header,
 * {@code BPMLOADER} marks the loader session and {@code UserName} remembers the login name as
 * character codes joined by {@code |}. All are {@code SameSite=Lax}, path {@code /}, and
 * {@code Secure} when the request came over TLS.
 */
public final class AtriumCookies {

  public static final String SESSION = ".ASPXAUTH";
  public static final String CSRF = "BPMCSRF";
  public static final String LOADER = "BPMLOADER";
  public static final String USER_NAME = "UserName";
  /** The header that must echo the {@code BPMCSRF} cookie on cookie-authenticated API calls. */
  public static final String CSRF_HEADER = "BPMCSRF";
  static final int USER_NAME_MAX_AGE = 30 * 24 * 3600;

  private AtriumCookies() {}

  /** Marks a cookie that lives as long as the browser session. */
  static final int SESSION_COOKIE = -1;

  public static List<Cookie> signedIn(String sessionToken, String csrfToken, String userName, boolean secure) {
    return List.of(
        cookie(SESSION, sessionToken, true, secure, SESSION_COOKIE),
        cookie(CSRF, csrfToken, false, secure, SESSION_COOKIE),
        cookie(LOADER, SecureTokens.newToken(), true, secure, SESSION_COOKIE),
        cookie(USER_NAME, encodeUserName(userName), true, secure, USER_NAME_MAX_AGE));
  }

  /** Expires the session cookies; {@code UserName} stays to prefill the next sign-in. */
  public static List<Cookie> signedOut(boolean secure) {
    return List.of(
        cookie(SESSION, "", true, secure, 0),
        cookie(CSRF, "", false, secure, 0),
        cookie(LOADER, "", true, secure, 0));
  }

  /** "Supervisor" becomes "83|117|112|101|114|118|105|115|111|114". */
  public static String encodeUserName(String userName) {
    return userName.chars().mapToObj(Integer::toString).collect(Collectors.joining("|"));
  }

  public static String read(HttpServletRequest req, String name) {
    Cookie[] cookies = req.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (name.equals(c.getName()) && !c.getValue().isEmpty()) {
          return c.getValue();
        }
      }
    }
    return null;
  }

  /** Written by the servlet container in the plain (Netscape) form the reference uses. */
  private static Cookie cookie(String name, String value, boolean httpOnly, boolean secure, int maxAge) {
    Cookie c = new Cookie(name, value);
    c.setPath("/");
    c.setHttpOnly(httpOnly);
    c.setSecure(secure);
    c.setMaxAge(maxAge);
    c.setAttribute("SameSite", "Lax");
    return c;
  }
}
