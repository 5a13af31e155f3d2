package dev.atrium.loader.rest;

import dev.atrium.common.rest.AtriumJson;
import dev.atrium.common.rest.ExceptionMappers;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/** {@code /ServiceModel/...}: the services of the established contract that live at the root. */
@ApplicationPath("ServiceModel")
public class LoaderRestApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(ExceptionMappers.ALL);
    classes.add(AtriumJson.class);
    classes.add(AuthServiceResource.class);
    return classes;
  }
}
