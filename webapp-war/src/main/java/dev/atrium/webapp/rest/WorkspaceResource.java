package dev.atrium.webapp.rest;

import dev.atrium.common.workspace.WorkspaceDtos.ObjectViewDto;
import dev.atrium.common.workspace.WorkspaceDtos.WorkspaceDto;
import dev.atrium.common.workspace.WorkspaceService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /0/rest/workspace}: the signed-in user, their sections with their rights, and the
 * system operations they hold; what the browser workspace's shell is built from.
 */
@Path("workspace")
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

  @EJB
  WorkspaceService workspace;

  /** With {@code ?object=Contact}: also that section's object, as {@code /objects/{name}} answers it. */
  @GET
  public WorkspaceDto get(@QueryParam("object") String object) {
    return workspace.workspace(object);
  }

  /** {@code GET /0/rest/workspace/objects/{name}}: an object's columns and related lists as lists and forms render them. */
  @GET
  @Path("objects/{name}")
  public ObjectViewDto object(@PathParam("name") String name) {
    return workspace.object(name);
  }
}
