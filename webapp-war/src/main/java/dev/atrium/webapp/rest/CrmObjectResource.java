package dev.atrium.webapp.rest;

import dev.atrium.common.application.CrmObjectService;
import dev.atrium.common.application.PageDto;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/**
 * The thin HTTP face of one CRM object: parse, call the service, shape the status. {@code GET}
 * lists ({@code ?skip=0&top=50}, at most 500) or reads one; {@code POST} creates (201 with
 * Location); {@code PUT} replaces the writable fields; {@code DELETE} answers 204.
 *
 * @param <D> the object's DTO
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class CrmObjectResource<D extends Record> {

  @Context
  UriInfo uri;

  protected abstract CrmObjectService<D> service();

  protected abstract UUID idOf(D dto);

  @GET
  public PageDto<D> list(@QueryParam("skip") @DefaultValue("0") String skip,
      @QueryParam("top") @DefaultValue("50") String top) {
    return service().list(Params.number("skip", skip), Params.number("top", top));
  }

  @GET
  @Path("{id}")
  public D get(@PathParam("id") String id) {
    return service().get(Params.guid(id));
  }

  @POST
  public Response create(D body) {
    D created = service().create(body);
    return Response.created(uri.getAbsolutePathBuilder().path(idOf(created).toString()).build())
        .entity(created).build();
  }

  @PUT
  @Path("{id}")
  public D update(@PathParam("id") String id, D body) {
    return service().update(Params.guid(id), body);
  }

  @DELETE
  @Path("{id}")
  public void delete(@PathParam("id") String id) {
    service().delete(Params.guid(id));
  }
}
