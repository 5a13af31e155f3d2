package dev.atrium.webapp.rest;

import dev.atrium.common.application.AdminDtos.NewUserDto;
import dev.atrium.common.application.AdminDtos.PasswordDto;
import dev.atrium.common.application.AdminDtos.SessionDto;
import dev.atrium.common.application.AdminDtos.UserChangeDto;
import dev.atrium.common.application.AdminDtos.UserDto;
import dev.atrium.common.application.PageDto;
import dev.atrium.common.application.UserAdminService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** {@code /0/rest/users}: user administration (operation {@code CanManageUsers}). */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

  @EJB
  UserAdminService users;

  @Context
  UriInfo uri;

  @GET
  public PageDto<UserDto> list(@QueryParam("search") String search, @QueryParam("skip") @DefaultValue("0") String skip,
      @QueryParam("top") @DefaultValue("50") String top) {
    return users.list(search, Params.number("skip", skip), Params.number("top", top));
  }

  @GET
  @Path("{id}")
  public UserDto get(@PathParam("id") String id) {
    return users.get(Params.guid(id));
  }

  @POST
  public Response create(NewUserDto body) {
    UserDto created = users.create(body);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
  }

  @PUT
  @Path("{id}")
  public UserDto update(@PathParam("id") String id, UserChangeDto body) {
    return users.update(Params.guid(id), body);
  }

  @DELETE
  @Path("{id}")
  public void delete(@PathParam("id") String id) {
    users.delete(Params.guid(id));
  }

  @POST
  @Path("{id}/reset-password")
  public void resetPassword(@PathParam("id") String id, PasswordDto body) {
    users.resetPassword(Params.guid(id), body);
  }

  @POST
  @Path("{id}/unlock")
  public void unlock(@PathParam("id") String id) {
    users.unlock(Params.guid(id));
  }

  @GET
  @Path("{id}/sessions")
  public List<SessionDto> sessions(@PathParam("id") String id) {
    return users.sessions(Params.guid(id));
  }

  @DELETE
  @Path("{id}/sessions")
  public void endSessions(@PathParam("id") String id) {
    users.endSessions(Params.guid(id));
  }

  @DELETE
  @Path("{id}/sessions/{sessionId}")
  public void endSession(@PathParam("id") String id, @PathParam("sessionId") String sessionId) {
    users.endSession(Params.guid(id), sessionId);
  }
}
