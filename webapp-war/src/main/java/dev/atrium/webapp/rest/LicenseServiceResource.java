package dev.atrium.webapp.rest;

import dev.atrium.common.application.LicenceDtos.SummaryDto;
import dev.atrium.common.application.LicenceService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /0/ServiceModel/LicenseService.svc/UploadLicenses}: the upload path of the established tooling. */
@Path("LicenseService.svc")
public class LicenseServiceResource {

  @EJB
  LicenceService licences;

  @POST
  @Path("UploadLicenses")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  public SummaryDto upload(String file) {
    return licences.upload(file);
  }
}
