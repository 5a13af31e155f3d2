package dev.atrium.loader.oauth;

import dev.atrium.common.rest.AtriumJson;
import dev.atrium.common.rest.ExceptionMappers;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/** {@code /connect/...}: the OAuth 2.0 token endpoint for integrations. */
@ApplicationPath("connect")
public class ConnectApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(ExceptionMappers.ALL);
    classes.add(AtriumJson.class);
    classes.add(TokenResource.class);
    return classes;
  }
}
