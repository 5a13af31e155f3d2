package dev.atrium.webapp.rest;

import dev.atrium.common.application.AdminDtos.SettingDto;
import dev.atrium.common.application.AdminDtos.ValueDto;
import dev.atrium.common.application.SettingsAdminService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * {@code /0/rest/settings}: system settings, their defaults and their values per role and per
 * user (operation {@code CanManageSysSettings}).
 */
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettingResource {

  @EJB
  SettingsAdminService settings;

  @GET
  public List<SettingDto> list() {
    return settings.list();
  }

  @GET
  @Path("{code}")
  public SettingDto get(@PathParam("code") String code) {
    return settings.get(code);
  }

  @PUT
  @Path("{code}")
  public SettingDto setDefault(@PathParam("code") String code, ValueDto body) {
    return settings.setDefault(code, body);
  }

  @PUT
  @Path("{code}/values/{adminUnitId}")
  public SettingDto setValue(@PathParam("code") String code, @PathParam("adminUnitId") String adminUnitId, ValueDto body) {
    return settings.setValue(code, Params.guid(adminUnitId), body);
  }

  @DELETE
  @Path("{code}/values/{adminUnitId}")
  public SettingDto removeValue(@PathParam("code") String code, @PathParam("adminUnitId") String adminUnitId) {
    return settings.removeValue(code, Params.guid(adminUnitId));
  }

  /** The value that applies to one user: {@code {"Value":"..."}}. */
  @GET
  @Path("{code}/effective/{userId}")
  public Map<String, String> effective(@PathParam("code") String code, @PathParam("userId") String userId) {
    return Map.of("Value", settings.effective(code, Params.guid(userId)));
  }
}
