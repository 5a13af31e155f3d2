package dev.atrium.webapp;

import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.security.SessionAuthenticationMechanism;
import dev.atrium.webapp.odata.ODataServlet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Under {@code /0}: probes and static assets are public; the API families of the wire contract
 * need a session (and its BPMCSRF header); everything else is a page of the browser application.
 */
@ApplicationScoped
public class WebAppAuthenticationMechanism extends SessionAuthenticationMechanism {

  static final String ODATA_PREFIX = "/odata";
  /** Probes, and the installable app's service worker, which browsers fetch to update it without the session. */
  static final List<String> PUBLIC = List.of("/api/healthcheck/ping", "/ping", "/sw.js");
  static final List<String> PUBLIC_PREFIXES = List.of("/assets/");
  static final List<String> API_PREFIXES =
      List.of("/rest/", ODATA_PREFIX, "/dataservice/", "/servicemodel/", "/api/");

  @Override
  protected Access classify(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (PUBLIC.contains(p) || PUBLIC_PREFIXES.stream().anyMatch(p::startsWith)) {
      return Access.PUBLIC;
    }
    return API_PREFIXES.stream().anyMatch(p::startsWith) ? Access.API : Access.PAGE;
  }

  /** OData clients read refusals in the OData error format (OData 4.01 JSON Format, 21); the other APIs in Atrium's. */
  @Override
  protected void writeRefusal(HttpServletRequest req, HttpServletResponse res, ErrorCode code, String message)
      throws IOException {
    if (path(req).toLowerCase(Locale.ROOT).startsWith(ODATA_PREFIX)) {
      ODataServlet.error(req, res, code, message);
    } else {
      super.writeRefusal(req, res, code, message);
    }
  }
}
