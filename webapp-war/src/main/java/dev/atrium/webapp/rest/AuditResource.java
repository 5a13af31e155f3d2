package dev.atrium.webapp.rest;

import dev.atrium.common.application.AuditEntryDto;
import dev.atrium.common.application.AuditFilter;
import dev.atrium.common.application.AuditService;
import dev.atrium.common.application.PageDto;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /0/rest/audit?eventType=SIGN_IN_FAILED&targetName=ann&actorName=&success=false&from=&to=&skip=0&top=50}:
 * the audit log, newest first, for callers with {@code CanViewSysOperationAudit}; {@code GET
 * /0/rest/audit/event-types}: the event types it records.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @EJB
  AuditService audit;

  @GET
  public PageDto<AuditEntryDto> search(@QueryParam("eventType") String eventType,
      @QueryParam("targetName") String targetName,
      @QueryParam("actorName") String actorName,
      @QueryParam("success") String success,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("skip") @DefaultValue("0") String skip,
      @QueryParam("top") @DefaultValue("50") String top) {
    AuditFilter filter = new AuditFilter(blankless(eventType), blankless(targetName), blankless(actorName),
        Params.bool("success", success), Params.instant("from", from), Params.instant("to", to));
    return audit.search(filter, Params.number("skip", skip), Params.number("top", top));
  }

  @GET
  @Path("event-types")
  public List<String> eventTypes() {
    return audit.eventTypes();
  }

  /** An empty filter field (a cleared search box) keeps everything, as an absent one does. */
  private static String blankless(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
