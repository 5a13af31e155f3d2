package dev.atrium.webapp.rest;

import dev.atrium.common.application.PageDto;
import dev.atrium.common.changelog.ChangeLogDtos.ChangeDto;
import dev.atrium.common.changelog.ChangeLogService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /0/rest/changelog}: the change log of objects with change tracking ({@code CanManageChangeLog}). */
@Path("changelog")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeLogResource {

  @EJB
  ChangeLogService changes;

  /** {@code GET /0/rest/changelog?object=Name[&recordId=guid][&skip=0][&top=50]}: newest first. */
  @GET
  public PageDto<ChangeDto> search(@QueryParam("object") String object, @QueryParam("recordId") String recordId,
      @QueryParam("skip") @DefaultValue("0") String skip, @QueryParam("top") @DefaultValue("50") String top) {
    return changes.search(object, recordId == null ? null : Params.guid(recordId), Params.number("skip", skip),
        Params.number("top", top));
  }
}
