package dev.atrium.common.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;
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

  public static List<NewCookie> signedIn(String sessionToken, String csrfToken, String userName, boolean secure) {
    return List.of(
        cookie(SESSION, sessionToken, true, secure, NewCookie.DEFAULT_MAX_AGE),
        cookie(CSRF, csrfToken, false, secure, NewCookie.DEFAULT_MAX_AGE),
        cookie(LOADER, SecureTokens.newToken(), true, secure, NewCookie.DEFAULT_MAX_AGE),
        cookie(USER_NAME, encodeUserName(userName), true, secure, USER_NAME_MAX_AGE));
  }

  /** Expires the session cookies; {@code UserName} stays to prefill the next sign-in. */
  public static List<NewCookie> signedOut(boolean secure) {
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

  private static NewCookie cookie(String name, String value, boolean httpOnly, boolean secure, int maxAge) {
    return new NewCookie.Builder(name)
        .value(value)
        .path("/")
        .httpOnly(httpOnly)
        .secure(secure)
        .sameSite(NewCookie.SameSite.LAX)
        .maxAge(maxAge)
        .build();
  }
}
