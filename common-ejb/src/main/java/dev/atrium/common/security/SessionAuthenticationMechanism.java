package dev.atrium.common.security;

import dev.atrium.common.application.IdentityCache;
import dev.atrium.common.application.LicenceCache;
import dev.atrium.common.domain.LicenceState;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.infrastructure.Outages;
import dev.atrium.common.rest.ErrorResponses;
import dev.atrium.common.rest.ExceptionMappers;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the session behind the {@code .ASPXAUTH} cookie into the container caller (user name, and
 * as groups the codes of the user's roles and allowed operations, looked up per request in the
 * node's identity cache), on any node, for both WARs. A deactivated or deleted user's session
 * ends at their next request. An OAuth access token in {@code Authorization: Bearer} is accepted
 * instead, without BPMCSRF; each kind of token is accepted only the way it was issued. Cookie-authenticated API
 * calls must echo the {@code BPMCSRF} cookie in the {@code BPMCSRF} header (403 otherwise). Without
 * a session, API calls get 401 JSON and pages a redirect to the sign-in page.
 *
 * <p>Each WAR declares a small {@code @ApplicationScoped} subclass that classifies its paths:
 * EAR-level classes are not picked up as the WAR's mechanism.
 */
public abstract class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** Request attribute holding the caller's {@link CallerIdentity}. */
  public static final String IDENTITY_ATTRIBUTE = CallerIdentity.class.getName();
  /** Request attribute holding the caller's {@link LicenceState.Decision}. */
  public static final String LICENCE_ATTRIBUTE = LicenceState.Decision.class.getName();
  /** Request attribute holding the caller's session token (for sign-out). */
  public static final String TOKEN_ATTRIBUTE = UserSession.class.getName() + ".token";

  /** How a path treats callers without a session. */
  public enum Access {
    /** Open to anyone; a valid session is still recognised. */
    PUBLIC,
    /** A browser page: without a session, redirect to the sign-in page. */
    PAGE,
    /** An API: without a session 401 JSON; with a cookie session the BPMCSRF header is required. */
    API
  }

  @Inject
  SessionStore sessions;

  @Inject
  IdentityCache identities;

  @Inject
  LicenceCache licences;

  /** Classifies a path relative to the WAR's context root, e.g. {@code /rest/contacts}. */
  protected abstract Access classify(String path);

  @Override
  public AuthenticationStatus validateRequest(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
    // The decoded path the container dispatches on: classifying the raw URI would let
    // /0/%64ataService/... pass as a page (no BPMCSRF check) and still reach DataService.
    Access access = classify(path(req));
    try {
      String bearer = bearerToken(req);
      if (bearer != null) {
        Optional<CallerIdentity> who = identify(bearer, UserSession.Kind.BEARER);
        if (who.isPresent()) {
          return admit(req, res, ctx, who.get(), bearer, access);
        }
        if (access == Access.PUBLIC) {
          return ctx.doNothing();
        }
        res.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return reject(req, res, ErrorCode.AUTHENTICATION_REQUIRED);
      }
      String token = AtriumCookies.read(req, AtriumCookies.SESSION);
      if (token != null) {
        Optional<UserSession> session = sessions.touch(token).filter(s -> s.kind() == UserSession.Kind.COOKIE);
        Optional<CallerIdentity> who = session.flatMap(s -> identities.get(s.userId())).filter(CallerIdentity::active);
        if (session.isPresent() && who.isEmpty()) {
          sessions.delete(token);  // the user was deactivated or deleted: the session ends here too
        }
        if (who.isPresent()) {
          if (access == Access.API && !csrfMatches(req.getHeader(AtriumCookies.CSRF_HEADER), session.get().csrfToken())) {
            return reject(req, res, ErrorCode.CSRF_TOKEN_INVALID);
          }
          return admit(req, res, ctx, who.get(), token, access);
        }
      }
    } catch (AtriumException unavailable) {
      return reject(req, res, unavailable.code());
    } catch (RuntimeException e) {
      if (!Outages.databaseUnavailable(e)) {
        throw e;
      }
      ExceptionMappers.logDatabaseUnavailable(e);
      return reject(req, res, ErrorCode.SERVICE_UNAVAILABLE);
    }
    return switch (access) {
      case PUBLIC -> ctx.doNothing();
      case PAGE -> ctx.redirect("/");
      case API -> reject(req, res, ErrorCode.AUTHENTICATION_REQUIRED);
    };
  }

  /** The live identity behind a token of the given kind, if any. */
  private Optional<CallerIdentity> identify(String token, UserSession.Kind kind) {
    return sessions.touch(token).filter(s -> s.kind() == kind)
        .flatMap(s -> identities.get(s.userId())).filter(CallerIdentity::active);
  }

  /**
   * The licence check of every request: a licensed caller gets their groups; one who lost their
   * licence (recalled, expired, or sign-in locked by over-allocation) but may manage licences gets
   * only that operation; anyone else loses the session.
   */
  private AuthenticationStatus admit(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx,
      CallerIdentity who, String token, Access access) {
    LicenceState.Decision licence = licences.decide(who);
    req.setAttribute(LICENCE_ATTRIBUTE, licence);
    return switch (licence.access()) {
      case FULL -> login(req, ctx, who, token, who.groups());
      case LIMITED -> login(req, ctx, who, token, Set.of(Operations.CAN_MANAGE_LIC_USERS));
      case NONE -> {
        sessions.delete(token);
        yield access == Access.PAGE ? ctx.redirect("/") : reject(req, res, ErrorCode.LICENSE_REQUIRED, licence.reason());
      }
    };
  }

  private static AuthenticationStatus login(HttpServletRequest req, HttpMessageContext ctx, CallerIdentity who,
      String token, Set<String> groups) {
    req.setAttribute(IDENTITY_ATTRIBUTE, who);
    req.setAttribute(TOKEN_ATTRIBUTE, token);
    return ctx.notifyContainerAboutLogin(who.userName(), new HashSet<>(groups));
  }

  /** The decoded path relative to the WAR's context root, as the container dispatches on it. */
  protected static String path(HttpServletRequest req) {
    return req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
  }

  /**
   * Writes a refusal's body: Atrium's JSON error body, unless an API family has a format of its
   * own for errors (OData's under {@code /0/odata}).
   */
  protected void writeRefusal(HttpServletRequest req, HttpServletResponse res, ErrorCode code, String message)
      throws IOException {
    ErrorResponses.write(res, code, message);
  }

  /** The token of an {@code Authorization: Bearer} header (RFC 6750), if there is one. */
  private static String bearerToken(HttpServletRequest req) {
    String header = req.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = header.substring(7).trim();
      return token.isEmpty() ? null : token;
    }
    return null;
  }

  private static boolean csrfMatches(String header, String expected) {
    return header != null && MessageDigest.isEqual(
        header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Answers with the JSON error body. {@code SEND_CONTINUE} tells the container that the
   * mechanism has written the whole response (with {@code SEND_FAILURE} it would replace the body
   * with its own HTML error page).
   */
  private AuthenticationStatus reject(HttpServletRequest req, HttpServletResponse res, ErrorCode code) {
    return reject(req, res, code, code.defaultMessage());
  }

  private AuthenticationStatus reject(HttpServletRequest req, HttpServletResponse res, ErrorCode code,
      String message) {
    try {
      writeRefusal(req, res, code, message);
      // Complete the exchange (request body read, response closed), or Undertow tries to add an
      // error page of its own to the committed response and logs UT010019 for every refusal.
      req.getInputStream().transferTo(OutputStream.nullOutputStream());
      res.getOutputStream().close();
    } catch (IOException clientGone) {
      // nothing to tell a client that has gone
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }
}
