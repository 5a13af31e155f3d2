package dev.atrium.webapp.rest;

import dev.atrium.common.application.AdminDtos.LinkDto;
import dev.atrium.common.application.AdminDtos.MemberDto;
import dev.atrium.common.application.AdminDtos.NewRoleDto;
import dev.atrium.common.application.AdminDtos.RoleChangeDto;
import dev.atrium.common.application.AdminDtos.RoleDto;
import dev.atrium.common.application.AdminDtos.UserDto;
import dev.atrium.common.application.RoleAdminService;
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

/** {@code /0/rest/roles}: roles, membership and functional-role links (operation {@code CanManageUsers}). */
@Path("roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoleResource {

  @EJB
  RoleAdminService roles;

  @Context
  UriInfo uri;

  @GET
  public List<RoleDto> list() {
    return roles.list();
  }

  @GET
  @Path("{id}")
  public RoleDto get(@PathParam("id") String id) {
    return roles.get(Params.guid(id));
  }

  @POST
  public Response create(NewRoleDto body) {
    RoleDto created = roles.create(body);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
  }

  @PUT
  @Path("{id}")
  public RoleDto update(@PathParam("id") String id, RoleChangeDto body) {
    return roles.update(Params.guid(id), body);
  }

  @DELETE
  @Path("{id}")
  public void delete(@PathParam("id") String id) {
    roles.delete(Params.guid(id));
  }

  @GET
  @Path("{id}/members")
  public List<UserDto> members(@PathParam("id") String id) {
    return roles.members(Params.guid(id));
  }

  @POST
  @Path("{id}/members")
  public void addMember(@PathParam("id") String id, MemberDto body) {
    roles.addMember(Params.guid(id), body);
  }

  @DELETE
  @Path("{id}/members/{userId}")
  public void removeMember(@PathParam("id") String id, @PathParam("userId") String userId) {
    roles.removeMember(Params.guid(id), Params.guid(userId));
  }

  @POST
  @Path("{id}/org-roles")
  public void link(@PathParam("id") String id, LinkDto body) {
    roles.link(Params.guid(id), body);
  }

  @DELETE
  @Path("{id}/org-roles/{orgRoleId}")
  public void unlink(@PathParam("id") String id, @PathParam("orgRoleId") String orgRoleId) {
    roles.unlink(Params.guid(id), Params.guid(orgRoleId));
  }
}
