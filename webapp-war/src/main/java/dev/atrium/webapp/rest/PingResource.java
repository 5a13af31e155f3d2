package dev.atrium.webapp.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code GET /0/rest/ping}: answers {@code {"Status":"Ok"}} to a caller with a valid session or
 * token, touching nothing else. Integrators use it to check their credentials; the benchmark uses
 * it as the cost of an authenticated JAX-RS request that does no work.
 */
@Path("ping")
public class PingResource {

  private static final Map<String, String> OK = Map.of("Status", "Ok");

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> ping() {
    return OK;
  }
}
