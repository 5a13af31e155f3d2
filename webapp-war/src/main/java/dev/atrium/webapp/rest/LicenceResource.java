package dev.atrium.webapp.rest;

import dev.atrium.common.application.LicenceDtos.RequestDto;
import dev.atrium.common.application.LicenceDtos.SummaryDto;
import dev.atrium.common.application.LicenceService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /0/rest/licenses}: what this installation holds, the licence request for the vendor
 * ({@code GET request?product=sales:25}), and the upload of a signed licence file (operation
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
}
