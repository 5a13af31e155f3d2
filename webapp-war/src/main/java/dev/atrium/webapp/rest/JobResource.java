package dev.atrium.webapp.rest;

import dev.atrium.common.application.JobAdminService;
import dev.atrium.common.application.JobAdminService.JobDto;
import dev.atrium.common.application.JobAdminService.JobRunDto;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /0/rest/jobs}: the scheduled jobs, their schedule, state and firings; pause, resume and
 * run now (operation {@code CanManageScheduledJobs}).
 */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

  @EJB
  JobAdminService jobs;

  @GET
  public List<JobDto> list() {
    return jobs.list();
  }

  @GET
  @Path("{name}")
  public JobDto get(@PathParam("name") String name) {
    return jobs.get(name);
  }

  /** The newest firings: when, on which node, attempts, outcome. */
  @GET
  @Path("{name}/runs")
  public List<JobRunDto> runs(@PathParam("name") String name, @QueryParam("top") @DefaultValue("50") String top) {
    return jobs.runs(name, Params.number("top", top));
  }

  /** Runs the job once now, on whichever node of the farm picks it up: 202. */
  @POST
  @Path("{name}/trigger")
  public Response trigger(@PathParam("name") String name) {
    jobs.trigger(name);
    return Response.accepted().build();
  }

  @POST
  @Path("{name}/pause")
  public void pause(@PathParam("name") String name) {
    jobs.pause(name);
  }

  @POST
  @Path("{name}/resume")
  public void resume(@PathParam("name") String name) {
    jobs.resume(name);
  }
}
