package dev.atrium.webapp.rest;

import dev.atrium.common.application.AuditEntryDto;
import dev.atrium.common.application.AuditService;
import dev.atrium.common.application.PageDto;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /0/rest/audit?eventType=SIGN_IN_FAILED&targetName=ann&skip=0&top=50}: the audit log,
 * newest first, for callers with {@code CanViewSysOperationAudit}.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @EJB
  AuditService audit;

  @GET
  public PageDto<AuditEntryDto> search(@QueryParam("eventType") String eventType,
      @QueryParam("targetName") String targetName,
      @QueryParam("skip") @DefaultValue("0") String skip,
      @QueryParam("top") @DefaultValue("50") String top) {
    return audit.search(eventType, targetName, Params.number("skip", skip), Params.number("top", top));
  }
}
