package dev.atrium.webapp.rest;

import dev.atrium.common.application.AdminDtos.GrantDto;
import dev.atrium.common.application.AdminDtos.OperationDto;
import dev.atrium.common.application.OperationAdminService;
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

/** {@code /0/rest/operations}: system operations and their grants (operation {@code CanManageAdministration}). */
@Path("operations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperationResource {

  @EJB
  OperationAdminService operations;

  @GET
  public List<OperationDto> list() {
    return operations.list();
  }

  @PUT
  @Path("{code}/grantees/{adminUnitId}")
  public void grant(@PathParam("code") String code, @PathParam("adminUnitId") String adminUnitId, GrantDto body) {
    operations.grant(code, Params.guid(adminUnitId), body);
  }

  @DELETE
  @Path("{code}/grantees/{adminUnitId}")
  public void revoke(@PathParam("code") String code, @PathParam("adminUnitId") String adminUnitId) {
    operations.revoke(code, Params.guid(adminUnitId));
  }
}
