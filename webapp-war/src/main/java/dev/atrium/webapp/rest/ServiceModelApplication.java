package dev.atrium.webapp.rest;

import dev.atrium.common.rest.AtriumJson;
import dev.atrium.common.rest.ExceptionMappers;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/** {@code /0/ServiceModel/...}: the services of the established contract that live under /0. */
@ApplicationPath("ServiceModel")
public class ServiceModelApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(ExceptionMappers.ALL);
    classes.add(AtriumJson.class);
    classes.add(LicenseServiceResource.class);
    return classes;
  }
}
