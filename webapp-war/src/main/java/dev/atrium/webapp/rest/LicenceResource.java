package dev.atrium.webapp.rest;

import dev.atrium.common.application.LicenceDtos.HolderDto;
import dev.atrium.common.application.LicenceDtos.RequestDto;
import dev.atrium.common.application.LicenceDtos.UserLicencesDto;
import dev.atrium.common.application.PageDto;
import dev.atrium.common.application.LicenceDtos.SummaryDto;
import dev.atrium.common.application.LicenceService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /0/rest/licenses}: what this installation holds (owned, assigned and available per
 * product), the licence request for the vendor ({@code GET request?product=sales:25}), the upload
 * of a signed licence file, and the distribution of named licences to users and roles (operation
 * {@code CanManageLicUsers}).
 */
@Path("licenses")
@Produces(MediaType.APPLICATION_JSON)
public class LicenceResource {

  @EJB
  LicenceService licences;

  @GET
  public SummaryDto summary() {
    return licences.summary();
  }

  @GET
  @Path("request")
  public Response request(@QueryParam("product") List<String> products) {
    RequestDto request = licences.request(products);
    return Response.ok(request)
        .header("Content-Disposition", "attachment; filename=\"atrium-licence-request.json\"").build();
  }

  @POST
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  public SummaryDto upload(String file) {
    return licences.upload(file);
  }

  /** Users and the named licences they hold (directly or through roles), for distributing them. */
  @GET
  @Path("users")
  public PageDto<UserLicencesDto> users(@QueryParam("skip") @DefaultValue("0") String skip,
      @QueryParam("top") @DefaultValue("50") String top) {
    return licences.users(Params.number("skip", skip), Params.number("top", top));
  }

  @GET
  @Path("{product}/holders")
  public List<HolderDto> holders(@PathParam("product") String product) {
    return licences.holders(product);
  }

  /** Grants a named licence to a user or a role; 409 {@code LICENSE_LIMIT_EXCEEDED} beyond what is owned. */
  @PUT
  @Path("{product}/holders/{holderId}")
  public HolderDto grant(@PathParam("product") String product, @PathParam("holderId") String holderId) {
    return licences.grant(product, Params.guid(holderId));
  }

  @DELETE
  @Path("{product}/holders/{holderId}")
  public void recall(@PathParam("product") String product, @PathParam("holderId") String holderId) {
    licences.recall(product, Params.guid(holderId));
  }
}
