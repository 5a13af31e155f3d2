package dev.atrium.webapp.rest;

import dev.atrium.common.application.NotificationService;
import dev.atrium.common.application.NotificationService.NotificationDto;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /0/rest/notifications}: the newest notifications for what the caller may do, e.g. licence expiry. */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

  @EJB
  NotificationService notifications;

  @GET
  public List<NotificationDto> mine() {
    return notifications.mine();
  }
}
