package dev.atrium.webapp;

import dev.atrium.common.security.SessionAuthenticationMechanism;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * Under {@code /0}: probes and static assets are public; the API families of the wire contract
 * need a session (and its BPMCSRF header); everything else is a page of the browser application.
 */
@ApplicationScoped
public class WebAppAuthenticationMechanism extends SessionAuthenticationMechanism {

  static final List<String> PUBLIC = List.of("/api/healthcheck/ping", "/ping");
  static final List<String> PUBLIC_PREFIXES = List.of("/assets/");
  static final List<String> API_PREFIXES =
      List.of("/rest/", "/odata", "/dataservice/", "/servicemodel/", "/api/");

  @Override
  protected Access classify(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (PUBLIC.contains(p) || PUBLIC_PREFIXES.stream().anyMatch(p::startsWith)) {
      return Access.PUBLIC;
    }
    return API_PREFIXES.stream().anyMatch(p::startsWith) ? Access.API : Access.PAGE;
  }
}
