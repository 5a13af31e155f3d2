package dev.atrium.webapp.rest;

import dev.atrium.common.application.RecordService;
import dev.atrium.common.permissions.RecordRightsDtos.RecordRightsDto;
import dev.atrium.common.permissions.RecordRightsDtos.ShareDto;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /0/rest/records/{object}/{id}/rights}: a record's permissions in an object administered
 * by records, and sharing it. Who may read the record sees its rights; who holds an operation with
 * the right to delegate may share it with a user or role and take it back.
 */
@Path("records/{object}/{id}/rights")
@Produces(MediaType.APPLICATION_JSON)
public class RecordRightsResource {

  @EJB
  RecordService records;

  @GET
  public RecordRightsDto rights(@PathParam("object") String object, @PathParam("id") String id) {
    return records.rights(object, Params.guid(id));
  }

  /** {@code {"GranteeId","Operation":"Read|Edit|Delete","Level":"Granted|Delegate"}}; answers the record's rights. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public RecordRightsDto share(@PathParam("object") String object, @PathParam("id") String id, ShareDto share) {
    return records.share(object, Params.guid(id), share);
  }

  /** Takes back an operation shared with a user or role. */
  @DELETE
  @Path("{granteeId}/{operation}")
  public void unshare(@PathParam("object") String object, @PathParam("id") String id,
      @PathParam("granteeId") String grantee, @PathParam("operation") String operation) {
    records.unshare(object, Params.guid(id), Params.guid(grantee), operation);
  }
}
