package dev.atrium.webapp.rest;

import dev.atrium.common.application.ObjectDesignerService;
import dev.atrium.common.application.ObjectDtos.ColumnChangeDto;
import dev.atrium.common.application.ObjectDtos.DdlDto;
import dev.atrium.common.application.ObjectDtos.NewColumnsDto;
import dev.atrium.common.application.ObjectDtos.NewObjectDto;
import dev.atrium.common.application.ObjectDtos.ObjectChangeDto;
import dev.atrium.common.application.ObjectDtos.ObjectDto;
import dev.atrium.common.application.ObjectDtos.UsageDto;
import dev.atrium.common.permissions.ObjectRightsDtos.ColumnRightsChangeDto;
import dev.atrium.common.permissions.ObjectRightsDtos.ColumnRightsDto;
import dev.atrium.common.permissions.ObjectRightsDtos.DefaultRecordRightsChangeDto;
import dev.atrium.common.permissions.ObjectRightsDtos.DefaultRecordRightsDto;
import dev.atrium.common.permissions.ObjectRightsDtos.ObjectRightsChangeDto;
import dev.atrium.common.permissions.ObjectRightsDtos.ObjectRightsDto;
import dev.atrium.common.permissions.ObjectRightsService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code /0/rest/objects}: the object designer (operation {@code CanManageAdministration}).
 * Objects and their columns, created and changed without code; each change alters the live
 * database. Dropping a column or an object, and narrowing a column's type, need
 * {@code ?confirm=true}. Object permissions: {@code {name}/rights}; column permissions:
 * {@code {name}/columns/{column}/rights}.
 */
@Path("objects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ObjectResource {

  @EJB
  ObjectDesignerService designer;

  @EJB
  ObjectRightsService rights;

  @Context
  UriInfo uri;

  @GET
  public List<ObjectDto> list() {
    return designer.list();
  }

  @GET
  @Path("{name}")
  public ObjectDto get(@PathParam("name") String name) {
    return designer.get(name);
  }

  /** Creates the object and its table: 201 with Location. */
  @POST
  public Response create(NewObjectDto body) {
    ObjectDto created = designer.create(body);
    return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
  }

  @POST
  @Path("{name}/columns")
  public ObjectDto addColumns(@PathParam("name") String name, NewColumnsDto body) {
    return designer.addColumns(name, body);
  }

  @DELETE
  @Path("{name}/columns/{column}")
  public ObjectDto dropColumn(@PathParam("name") String name, @PathParam("column") String column,
      @QueryParam("confirm") @DefaultValue("false") String confirm) {
    return designer.dropColumn(name, column, "true".equalsIgnoreCase(confirm));
  }

  /** Changes a column; a change that may cut or round values needs {@code ?confirm=true}. */
  @PATCH
  @Path("{name}/columns/{column}")
  public ObjectDto changeColumn(@PathParam("name") String name, @PathParam("column") String column,
      @QueryParam("confirm") @DefaultValue("false") String confirm, ColumnChangeDto body) {
    return designer.changeColumn(name, column, body, "true".equalsIgnoreCase(confirm));
  }

  /** Changes the object's caption, display or owner column, permission and change-tracking flags. */
  @PATCH
  @Path("{name}")
  public ObjectDto changeObject(@PathParam("name") String name, ObjectChangeDto body) {
    return designer.changeObject(name, body);
  }

  /** Deletes the object, its table and its records: 204, only with {@code ?confirm=true}. */
  @DELETE
  @Path("{name}")
  public void delete(@PathParam("name") String name, @QueryParam("confirm") @DefaultValue("false") String confirm) {
    designer.deleteObject(name, "true".equalsIgnoreCase(confirm));
  }

  /** How many records the object has: what deleting it deletes. */
  @GET
  @Path("{name}/usage")
  public UsageDto usage(@PathParam("name") String name) {
    return designer.usage(name, null);
  }

  /** How many records the object has and how many hold a value in the column: what dropping it deletes. */
  @GET
  @Path("{name}/columns/{column}/usage")
  public UsageDto usage(@PathParam("name") String name, @PathParam("column") String column) {
    return designer.usage(name, column);
  }

  /** The DDL of the object's table on another DBMS ({@code ?dbms=mssql}), rendered offline. */
  @GET
  @Path("{name}/ddl")
  public DdlDto ddl(@PathParam("name") String name, @QueryParam("dbms") @DefaultValue("postgresql") String dbms) {
    return designer.ddl(name, dbms);
  }

  /** {@code GET /0/rest/objects/{name}/rights}: the object's permissions, entries in order. */
  @GET
  @Path("{name}/rights")
  public ObjectRightsDto rights(@PathParam("name") String name) {
    return rights.get(name);
  }

  /** {@code PUT /0/rest/objects/{name}/rights}: replaces the entries, in the order given. */
  @PUT
  @Path("{name}/rights")
  public ObjectRightsDto replaceRights(@PathParam("name") String name, ObjectRightsChangeDto body) {
    return rights.replace(name, body);
  }

  /** {@code GET /0/rest/objects/{name}/columns/{column}/rights}: the column's permissions, entries in order. */
  @GET
  @Path("{name}/columns/{column}/rights")
  public ColumnRightsDto columnRights(@PathParam("name") String name, @PathParam("column") String column) {
    return rights.columnRights(name, column);
  }

  /** {@code PUT /0/rest/objects/{name}/columns/{column}/rights}: replaces the column's entries, in the order given. */
  @PUT
  @Path("{name}/columns/{column}/rights")
  public ColumnRightsDto replaceColumnRights(@PathParam("name") String name, @PathParam("column") String column,
      ColumnRightsChangeDto body) {
    return rights.replaceColumnRights(name, column, body);
  }

  /** {@code GET /0/rest/objects/{name}/default-record-rights}: the object's default-rights rules, in order. */
  @GET
  @Path("{name}/default-record-rights")
  public DefaultRecordRightsDto defaultRecordRights(@PathParam("name") String name) {
    return rights.defaultRecordRights(name);
  }

  /** {@code PUT /0/rest/objects/{name}/default-record-rights}: replaces the rules; the records' rights follow. */
  @PUT
  @Path("{name}/default-record-rights")
  public DefaultRecordRightsDto replaceDefaultRecordRights(@PathParam("name") String name, DefaultRecordRightsChangeDto body) {
    return rights.replaceDefaultRecordRights(name, body);
  }

  /** {@code POST /0/rest/objects/{name}/default-record-rights/recompute}: the records' default rights brought up to date. */
  @POST
  @Path("{name}/default-record-rights/recompute")
  public DefaultRecordRightsDto recomputeDefaultRecordRights(@PathParam("name") String name) {
    return rights.recomputeDefaultRecordRights(name);
  }
}
