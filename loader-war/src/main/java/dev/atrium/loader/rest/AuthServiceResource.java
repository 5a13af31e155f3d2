package dev.atrium.loader.rest;

import dev.atrium.common.application.AuthenticationService;
import dev.atrium.common.application.LoginCode;
import dev.atrium.common.application.SignInResult;
import dev.atrium.common.security.AtriumCookies;
import dev.atrium.common.security.ForwardedHeaders;
import dev.atrium.common.security.SessionAuthenticationMechanism;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /ServiceModel/AuthService.svc/Login} and {@code /Logout}, exactly as clients of the
 * established platform expect: HTTP 200 with a {@code Code}, and the cookies {@code .ASPXAUTH},
 * {@code BPMCSRF}, {@code BPMLOADER}, {@code UserName} on success only.
 */
@Path("AuthService.svc")
@Produces(MediaType.APPLICATION_JSON)
public class AuthServiceResource {

  @EJB
  AuthenticationService authentication;

  @Context
  HttpServletRequest request;

  @Context
  HttpServletResponse servletResponse;

  @Inject
  ForwardedHeaders forwarded;

  @POST
  @Path("Login")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response login(LoginRequestDto body) {
    String user = body == null ? null : body.userName();
    String password = body == null ? null : body.userPassword();
    SignInResult result = authentication.signIn(
        user, password, AtriumCookies.read(request, AtriumCookies.SESSION), forwarded.clientAddress(request));
    return answer(result);
  }

  /**
   * {@code POST /ServiceModel/AuthService.svc/ChangePassword} with {@code UserName},
   * {@code UserPassword} (the current one) and {@code NewUserPassword}: answered like a sign-in,
   * Code 0 with the session cookies when the password was changed.
   */
  @POST
  @Path("ChangePassword")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response changePassword(ChangePasswordRequestDto body) {
    SignInResult result = body == null
        ? authentication.changePassword(null, null, null, null, forwarded.clientAddress(request))
        : authentication.changePassword(body.userName(), body.userPassword(), body.newUserPassword(),
            AtriumCookies.read(request, AtriumCookies.SESSION), forwarded.clientAddress(request));
    return answer(result);
  }

  private Response answer(SignInResult result) {
    if (result.hasSession()) {
      AtriumCookies.signedIn(result.sessionToken(), result.csrfToken(), result.userName(), forwarded.secure(request))
          .forEach(servletResponse::addCookie);
    }
    return Response.ok(new LoginResponseDto(result.code().value(), result.message(), null,
        result.passwordChangeUrl(), null)).header("Cache-Control", "no-store").build();
  }

  /** Reached only with a live session and a matching BPMCSRF header (see the mechanism). */
  @POST
  @Path("Logout")
  public Response logout() {
    String token = (String) request.getAttribute(SessionAuthenticationMechanism.TOKEN_ATTRIBUTE);
    authentication.signOut(token, forwarded.clientAddress(request));
    AtriumCookies.signedOut(forwarded.secure(request)).forEach(servletResponse::addCookie);
    return Response.ok(LoginResponseDto.of(LoginCode.SUCCESS.value(), ""))
        .header("Cache-Control", "no-store")
        .build();
  }
}
