package dev.atrium.loader;

import dev.atrium.common.security.SessionAuthenticationMechanism;
import jakarta.enterprise.context.ApplicationScoped;

/** The loader's paths are public except sign-out, which needs the session and its BPMCSRF header. */
@ApplicationScoped
public class LoaderAuthenticationMechanism extends SessionAuthenticationMechanism {

  static final String LOGOUT = "/ServiceModel/AuthService.svc/Logout";

  @Override
  protected Access classify(String path) {
    return LOGOUT.equalsIgnoreCase(path) ? Access.API : Access.PUBLIC;
  }
}
