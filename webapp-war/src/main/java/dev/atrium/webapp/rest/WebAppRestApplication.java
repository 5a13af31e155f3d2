package dev.atrium.webapp.rest;

import dev.atrium.common.rest.AtriumJson;
import dev.atrium.common.rest.ExceptionMappers;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/** {@code /0/rest/...}: Atrium's own REST API. */
@ApplicationPath("rest")
public class WebAppRestApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(ExceptionMappers.ALL);
    classes.add(AtriumJson.class);
    classes.add(AccountResource.class);
    classes.add(ObjectResource.class);
    classes.add(WorkspaceResource.class);
    classes.add(ProfileResource.class);
    classes.add(RecordRightsResource.class);
    classes.add(ContactResource.class);
    classes.add(AuditResource.class);
    classes.add(ChangeLogResource.class);
    classes.add(UserResource.class);
    classes.add(RoleResource.class);
    classes.add(OperationResource.class);
    classes.add(SettingResource.class);
    classes.add(OAuthClientResource.class);
    classes.add(LicenceResource.class);
    classes.add(JobResource.class);
    classes.add(NotificationResource.class);
    classes.add(PingResource.class);
    return classes;
  }
}
