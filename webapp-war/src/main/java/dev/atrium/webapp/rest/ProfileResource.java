package dev.atrium.webapp.rest;

import dev.atrium.common.profile.ProfileDtos.ProfileEntryDto;
import dev.atrium.common.profile.ProfileService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /0/rest/profile}: the signed-in user's own settings, JSON objects under keys, e.g. a
 * list's columns, sort and filters in the browser workspace ({@code list.Contact}).
 */
@Path("profile")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

  @EJB
  ProfileService profile;

  /** {@code GET /0/rest/profile?prefix=list.}: the caller's entries, by key. */
  @GET
  public List<ProfileEntryDto> list(@QueryParam("prefix") String prefix) {
    return profile.list(prefix);
  }

  @GET
  @Path("{key}")
  public ProfileEntryDto get(@PathParam("key") String key) {
    return profile.get(key);
  }

  /** Stores the body, a JSON object, under the key; answers the stored entry. */
  @PUT
  @Path("{key}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ProfileEntryDto put(@PathParam("key") String key, String body) {
    return profile.put(key, body);
  }

  @DELETE
  @Path("{key}")
  public void remove(@PathParam("key") String key) {
    profile.remove(key);
  }
}
