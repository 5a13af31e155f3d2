package dev.atrium.loader.oauth;

import dev.atrium.common.application.OAuthService;
import dev.atrium.common.application.OAuthService.TokenResult;
import dev.atrium.common.security.ForwardedHeaders;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code POST /connect/token}, form-encoded {@code grant_type=client_credentials&client_id=...&client_secret=...}
 * (or the client's credentials in HTTP Basic): {@code {"access_token":"...","expires_in":3600,
 * "token_type":"Bearer","scope":"api"}}; errors as RFC 6749 section 5.2 ({@code {"error":"invalid_client"}}).
 */
@Path("token")
public class TokenResource {

  /** The token response of RFC 6749 section 5.1. */
  public record TokenDto(@JsonbProperty("access_token") String accessToken, @JsonbProperty("expires_in") long expiresIn,
      @JsonbProperty("token_type") String tokenType, @JsonbProperty("scope") String scope) {}

  /** The error response of RFC 6749 section 5.2. */
  public record TokenErrorDto(@JsonbProperty("error") String error) {}

  @EJB
  OAuthService oauth;

  @Context
  HttpServletRequest request;

  @Inject
  ForwardedHeaders forwarded;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  public Response token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
      @FormParam("client_secret") String clientSecret, @HeaderParam("Authorization") String authorization) {
    String[] basic = basicCredentials(authorization);
    if (basic != null) {
      clientId = basic[0];
      clientSecret = basic[1];
    }
    TokenResult result = oauth.issue(grantType, clientId, clientSecret, forwarded.clientAddress(request));
    Response.ResponseBuilder response = result.ok()
        ? Response.ok(new TokenDto(result.accessToken(), result.expiresIn(), "Bearer", OAuthService.SCOPE))
        : Response.status("invalid_client".equals(result.error()) ? 401 : 400).entity(new TokenErrorDto(result.error()));
    if ("invalid_client".equals(result.error())) {
      response.header("WWW-Authenticate", "Basic realm=\"atrium\"");
    }
    return response.type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").header("Pragma", "no-cache")
        .build();
  }

  /** Client id and secret from {@code Authorization: Basic}, form-URL-decoded (RFC 6749 section 2.3.1). */
  static String[] basicCredentials(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return null;
      }
      return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
          URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
