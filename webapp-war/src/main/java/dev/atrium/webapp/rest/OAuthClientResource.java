package dev.atrium.webapp.rest;

import dev.atrium.common.application.AdminDtos.NewOAuthClientDto;
import dev.atrium.common.application.AdminDtos.OAuthClientChangeDto;
import dev.atrium.common.application.AdminDtos.OAuthClientDto;
import dev.atrium.common.application.OAuthClientAdminService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** {@code /0/rest/oauth-clients}: OAuth clients of technical users (operation {@code CanManageUsers}). */
@Path("oauth-clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OAuthClientResource {

  @EJB
  OAuthClientAdminService clients;

  @Context
  UriInfo uri;

  @GET
  public List<OAuthClientDto> list() {
    return clients.list();
  }

  @POST
  public Response register(NewOAuthClientDto body) {
    OAuthClientDto created = clients.register(body);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .header("Cache-Control", "no-store").entity(created).build();
  }

  @POST
  @Path("{id}/rotate-secret")
  public OAuthClientDto rotateSecret(@PathParam("id") String id) {
    return clients.rotateSecret(Params.guid(id));
  }

  @PUT
  @Path("{id}")
  public OAuthClientDto update(@PathParam("id") String id, OAuthClientChangeDto body) {
    return clients.update(Params.guid(id), body);
  }

  @DELETE
  @Path("{id}")
  public void delete(@PathParam("id") String id) {
    clients.delete(Params.guid(id));
  }
}
