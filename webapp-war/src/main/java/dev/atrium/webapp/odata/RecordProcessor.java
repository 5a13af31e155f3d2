package dev.atrium.webapp.odata;

import dev.atrium.common.application.RecordService;
import dev.atrium.common.data.RecordStore;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.metadata.ColumnType;
import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.EntityModel;
import dev.atrium.common.metadata.ObjectModel;
import dev.atrium.common.query.Expr;
import dev.atrium.common.query.Filter;
import dev.atrium.common.query.QueryLimits;
import dev.atrium.common.query.Select;
import dev.atrium.webapp.Refusals;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.data.Link;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmNavigationProperty;
import org.apache.olingo.commons.api.edm.EdmPrimitiveType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException;
import org.apache.olingo.commons.api.edm.EdmProperty;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpMethod;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.deserializer.DeserializerException;
import org.apache.olingo.server.api.etag.PreconditionException;
import org.apache.olingo.server.api.prefer.Preferences;
import org.apache.olingo.server.api.prefer.PreferencesApplied;
import org.apache.olingo.server.api.processor.CountEntityCollectionProcessor;
import org.apache.olingo.server.api.processor.EntityProcessor;
import org.apache.olingo.server.api.processor.PrimitiveValueProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.serializer.EntitySerializerOptions;
import org.apache.olingo.server.api.serializer.ODataSerializer;
import org.apache.olingo.server.api.serializer.PrimitiveSerializerOptions;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriParameter;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.UriResourceKind;
import org.apache.olingo.server.api.uri.UriResourceNavigation;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.AliasQueryOption;
import org.apache.olingo.server.api.uri.queryoption.ExpandItem;
import org.apache.olingo.server.api.uri.queryoption.ExpandOption;
import org.apache.olingo.server.api.uri.queryoption.FilterOption;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.OrderByOption;

/**
 * Reads and writes records for OData: turns Olingo's parsed request into the query model, runs
 * it through {@link RecordService} and serialises the records. Collections are paged by the
 * server ({@code @odata.nextLink}); {@code $expand} runs one query per expanded navigation
 * property and level, never one per record.
 */
final class RecordProcessor implements CountEntityCollectionProcessor, EntityProcessor, PrimitiveValueProcessor {

  private static final Pattern BINDING = Pattern.compile("(?:^|/)(\\w+)\\((?:guid')?([0-9a-fA-F-]{36})'?\\)$");
  private static final int IN_CHUNK = 500;

  /** What a request's path addresses: records of {@code object}, one of them ({@code key}), within {@code scope}. */
  private record Target(EdmEntitySet set, EntityModel object, UUID key, Filter scope) {}

  private final RecordService records;
  private final ObjectModel model;
  private final QueryLimits limits;
  private final int maxExpandDepth;
  private final int maxMediaBytes;
  private OData odata;
  private ServiceMetadata metadata;
  /** Records this request (or batch) may still read, its expansions included. */
  private int rowsLeft;

  RecordProcessor(RecordService records, ObjectModel model, QueryLimits limits, int maxExpandDepth, int maxMediaBytes) {
    this.records = records;
    this.model = model;
    this.limits = limits;
    this.maxExpandDepth = maxExpandDepth;
    this.maxMediaBytes = maxMediaBytes;
    this.rowsLeft = limits.maxRows();
  }

  @Override
  public void init(OData odata, ServiceMetadata metadata) {
    this.odata = odata;
    this.metadata = metadata;
  }

  // ---- collections ---------------------------------------------------------------------------

  @Override
  public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
      throws ODataApplicationException, ODataLibraryException {
    refuseUnsupported(uri);
    Target target = target(uri);
    if (target.key() != null) {
      throw new ODataApplicationException("Not a collection.", 400, Locale.ROOT, "QUERY_INVALID");
    }
    Filter filter = and(target.scope(), filterOf(uri.getFilterOption(), target.object(), uri.getAliases()));
    int skip = uri.getSkipOption() == null ? 0 : uri.getSkipOption().getValue();
    int served = skipToken(uri);
    Integer top = uri.getTopOption() == null ? null : uri.getTopOption().getValue();
    int pageSize = pageSize(request, response); // a $top beyond it is served page by page, as the next links lead
    int wanted = Math.max(0, top == null ? pageSize : Math.min(top - served, pageSize));
    List<Entity> page = fetch(target.object(), filter, orderOf(uri.getOrderByOption(), target.object(), uri.getAliases()),
        skip + served, wanted, Expansion.of(uri), 1);
    EntityCollection collection = new EntityCollection();
    collection.getEntities().addAll(page);
    boolean topReached = top != null && served + page.size() >= top;
    if (page.size() == pageSize && !topReached) {
      collection.setNext(nextLink(request, served + pageSize)); // a full page: there may be more
    }
    if (uri.getCountOption() != null && uri.getCountOption().getValue()) {
      long count = call(() -> records.count(target.object().name(), filter));
      collection.setCount((int) Math.min(count, Integer.MAX_VALUE));
    }
    EdmEntityType type = target.set().getEntityType();
    if (isMetadataFull(format)) {
      navigationLinks(type, page);
    }
    String selectList = odata.createUriHelper().buildContextURLSelectList(type, uri.getExpandOption(), uri.getSelectOption());
    ContextURL context = ContextURL.with().entitySet(target.set()).selectList(selectList).build();
    ODataSerializer serializer = odata.createSerializer(format);
    EntityCollectionSerializerOptions options = EntityCollectionSerializerOptions.with().contextURL(context)
        .id(request.getRawBaseUri() + "/" + target.set().getName()).select(uri.getSelectOption())
        .expand(uri.getExpandOption()).count(uri.getCountOption()).build();
    response.setContent(serializer.entityCollection(metadata, type, collection, options).getContent());
    response.setStatusCode(HttpStatusCode.OK.getStatusCode());
    response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
  }

  @Override
  public void countEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri)
      throws ODataApplicationException, ODataLibraryException {
    Target target = target(uri);
    Filter filter = and(target.scope(), filterOf(uri.getFilterOption(), target.object(), uri.getAliases()));
    long count = call(() -> records.count(target.object().name(), filter));
    response.setContent(new ByteArrayInputStream(Long.toString(count).getBytes(StandardCharsets.UTF_8)));
    response.setStatusCode(HttpStatusCode.OK.getStatusCode());
    response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.TEXT_PLAIN.toContentTypeString());
  }

  // ---- single records ------------------------------------------------------------------------

  @Override
  public void readEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
      throws ODataApplicationException, ODataLibraryException {
    refuseUnsupported(uri);
    Target target = target(uri);
    if (target.key() == null) {
      response.setStatusCode(HttpStatusCode.NO_CONTENT.getStatusCode()); // a lookup that is empty
      return;
    }
    List<Entity> found = fetch(target.object(), and(byId(target.key()), target.scope()), List.of(), 0, 1,
        Expansion.of(uri), 1);
    if (found.isEmpty()) {
      throw notFound(target);
    }
    if (notModified(request, response, found.get(0).getETag())) {
      return;
    }
    writeEntity(response, target, found.get(0), format, uri, HttpStatusCode.OK);
  }

  @Override
  public void createEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType requestFormat,
      ContentType responseFormat) throws ODataApplicationException, ODataLibraryException {
    Target target = target(uri);
    if (target.key() != null || target.scope() != null) {
      throw new ODataApplicationException("Records are created in their entity set.", 400, Locale.ROOT, "QUERY_INVALID");
    }
    Map<String, Object> values = values(body(request, requestFormat, target), target);
    UUID id = call(() -> records.insert(target.object().name(), values));
    String location = request.getRawBaseUri() + "/" + target.set().getName() + "(" + id + ")";
    response.setHeader(HttpHeader.LOCATION, location);
    if (returns(request, Preferences.Return.MINIMAL)) {
      applied(response, Preferences.Return.MINIMAL);
      response.setHeader("OData-EntityId", location);
      response.setStatusCode(HttpStatusCode.NO_CONTENT.getStatusCode());
      return;
    }
    Entity created = fetch(target.object(), byId(id), List.of(), 0, 1, null, 1).get(0);
    writeEntity(response, target, created, responseFormat, uri, HttpStatusCode.CREATED);
  }

  @Override
  public void updateEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType requestFormat,
      ContentType responseFormat) throws ODataApplicationException, ODataLibraryException {
    Target target = target(uri);
    requireKey(target);
    Map<String, Object> values = values(body(request, requestFormat, target), target);
    values.keySet().removeIf(k -> k.equalsIgnoreCase("Id") && target.key().equals(values.get(k)));
    if (request.getMethod() == HttpMethod.PUT) { // replace: what the body leaves out is cleared
      for (EntityField f : ObjectsEdmProvider.served(target.object())) {
        if (!f.system() && values.keySet().stream().noneMatch(k -> target.object().field(k).orElse(null) == f)) {
          values.put(f.name(), null);
        }
      }
    }
    refuseIfNoneMatch(request, target.object(), target.key());
    String ifMatch = request.getHeader(HttpHeader.IF_MATCH);
    if (!call(() -> records.update(target.object().name(), target.key(), values, ifMatch))) {
      throw notFound(target);
    }
    if (returns(request, Preferences.Return.REPRESENTATION)) { // 200 with the record as it now is
      applied(response, Preferences.Return.REPRESENTATION);
      Entity updated = fetch(target.object(), byId(target.key()), List.of(), 0, 1, null, 1).get(0);
      writeEntity(response, target, updated, responseFormat, uri, HttpStatusCode.OK);
      return;
    }
    response.setStatusCode(HttpStatusCode.NO_CONTENT.getStatusCode());
  }

  @Override
  public void deleteEntity(ODataRequest request, ODataResponse response, UriInfo uri)
      throws ODataApplicationException, ODataLibraryException {
    Target target = target(uri);
    requireKey(target);
    refuseIfNoneMatch(request, target.object(), target.key());
    String ifMatch = request.getHeader(HttpHeader.IF_MATCH);
    if (!call(() -> records.delete(target.object().name(), target.key(), ifMatch))) {
      throw notFound(target);
    }
    response.setStatusCode(HttpStatusCode.NO_CONTENT.getStatusCode());
  }

  // ---- single properties; binary columns as media ----------------------------------------------

  /** The column of one record that a path {@code Object(key)/Column[/$value]} addresses. */
  private record Media(EdmEntitySet set, EntityModel object, UUID key, EntityField column, EdmProperty property) {

    boolean binary() {
      return column.type() == ColumnType.BINARY;
    }
  }

  @Override
  public void readPrimitive(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
      throws ODataApplicationException, ODataLibraryException {
    readAddressed(request, response, uri, format, false);
  }

  @Override
  public void readPrimitiveValue(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
      throws ODataApplicationException, ODataLibraryException {
    readAddressed(request, response, uri, format, true);
  }

  /** A binary column's bytes (with or without {@code /$value}), or another property, raw or as JSON. */
  private void readAddressed(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format, boolean raw)
      throws ODataApplicationException, ODataLibraryException {
    Media addressed = addressed(uri);
    if (addressed.binary()) {
      readMedia(request, response, addressed);
    } else {
      readProperty(request, response, addressed, format, raw);
    }
  }

  /**
   * One property of a record ({@code Contact(<id>)/Name}: OData JSON with {@code value};
   * {@code .../Name/$value}: the raw value as text): 204 when it is null, 403 for a column the
   * caller may not read, the record's ETag and conditional reads as for the record.
   */
  private void readProperty(ODataRequest request, ODataResponse response, Media addressed, ContentType format,
      boolean raw) throws ODataApplicationException, ODataLibraryException {
    List<Entity> found = fetch(addressed.object(), byId(addressed.key()), List.of(), 0, 1, null, 1);
    if (found.isEmpty()) {
      throw notFound(addressed.object(), addressed.key());
    }
    Entity record = found.get(0);
    Property property = record.getProperty(propertyName(addressed.column()));
    if (property == null) {
      throw error(ErrorCode.ACCESS_DENIED, "You may not read " + addressed.property().getName() + " of "
          + addressed.object().name() + ".");
    }
    if (notModified(request, response, record.getETag())) {
      return;
    }
    if (record.getETag() != null) {
      response.setHeader(HttpHeader.ETAG, record.getETag());
    }
    if (property.getValue() == null) {
      response.setStatusCode(HttpStatusCode.NO_CONTENT.getStatusCode());
      return;
    }
    EdmProperty edm = addressed.property();
    EdmPrimitiveType type = (EdmPrimitiveType) edm.getType();
    if (raw) {
      String text;
      try {
        text = type.valueToString(property.getValue(), true, edm.getMaxLength(), edm.getPrecision(), edm.getScale(), true);
      } catch (EdmPrimitiveTypeException e) {
        throw new IllegalStateException("A stored value of " + edm.getName() + " cannot be written", e);
      }
      response.setContent(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      response.setHeader(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
    } else {
      ContextURL context = ContextURL.with().entitySet(addressed.set())
          .keyPath(odata.createUriHelper().buildKeyPredicate(addressed.set().getEntityType(), record))
          .navOrPropertyPath(edm.getName()).build();
      PrimitiveSerializerOptions options = PrimitiveSerializerOptions.with().contextURL(context).facetsFrom(edm).build();
      response.setContent(odata.createSerializer(format).primitive(metadata, type, property, options).getContent());
      response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }
    response.setStatusCode(HttpStatusCode.OK.getStatusCode());
  }

  @Override
  public void updatePrimitive(ODataRequest request, ODataResponse response, UriInfo uri, ContentType requestFormat,
      ContentType responseFormat) throws ODataApplicationException {
    writeMedia(request, response, media(uri), content(request));
  }

  @Override
  public void updatePrimitiveValue(ODataRequest request, ODataResponse response, UriInfo uri,
      ContentType requestFormat, ContentType responseFormat) throws ODataApplicationException {
    writeMedia(request, response, media(uri), content(request));
  }

  @Override
  public void deletePrimitive(ODataRequest request, ODataResponse response, UriInfo uri)
      throws ODataApplicationException {
    writeMedia(request, response, media(uri), null);
  }

  @Override
  public void deletePrimitiveValue(ODataRequest request, ODataResponse response, UriInfo uri)
      throws ODataApplicationException {
    writeMedia(request, response, media(uri), null);
  }

  /** The column a path {@code Object(key)/Column[/$value]} addresses; 501 for any other path to a property. */
  private Media addressed(UriInfo uri) throws ODataApplicationException {
    List<UriResource> parts = uri.getUriResourceParts().stream().filter(p -> p.getKind() != UriResourceKind.value)
        .toList();
    if (parts.size() == 2 && parts.get(0) instanceof UriResourceEntitySet root && !root.getKeyPredicates().isEmpty()
        && parts.get(1) instanceof UriResourcePrimitiveProperty property) {
      EntityModel object = objectOf(root.getEntitySet().getName());
      EdmProperty edm = property.getProperty();
      Optional<EntityField> column = object.field(edm.getName()).filter(f -> f.type() == ColumnType.BINARY) // media
          .or(() -> ObjectsEdmProvider.served(object).stream().filter(f -> propertyName(f).equals(edm.getName())).findFirst());
      if (column.isPresent()) {
        return new Media(root.getEntitySet(), object, key(root.getKeyPredicates()), column.get(), edm);
      }
    }
    throw error(ErrorCode.NOT_IMPLEMENTED,
        "A property is served on the path Set(key)/Property only; read the record for the others.");
  }

  /** A binary column that a change addresses; the other properties change with the record (PATCH). */
  private Media media(UriInfo uri) throws ODataApplicationException {
    Media addressed = addressed(uri);
    if (!addressed.binary()) {
      throw error(ErrorCode.NOT_IMPLEMENTED, "Only binary columns (media) change on their own path; PATCH the record to change "
          + addressed.property().getName() + ".");
    }
    return addressed;
  }

  /** 200 with the bytes, or 204 when the column is empty; the record's ETag either way. */
  private void readMedia(ODataRequest request, ODataResponse response, Media media) throws ODataApplicationException {
    RecordStore.Media found = call(() -> records.media(media.object().name(), media.key(), media.column().name()))
        .orElseThrow(() -> notFound(media.object(), media.key()));
    if (notModified(request, response, found.tag())) {
      return;
    }
    response.setHeader(HttpHeader.ETAG, found.tag());
    if (found.content() == null) {
      response.setStatusCode(HttpStatusCode.NO_CONTENT.getStatusCode());
      return;
    }
    response.setStatusCode(HttpStatusCode.OK.getStatusCode());
    response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.APPLICATION_OCTET_STREAM.toContentTypeString());
    response.setHeader(HttpHeader.CONTENT_LENGTH, Integer.toString(found.content().length));
    response.setContent(new ByteArrayInputStream(found.content()));
  }

  /** Stores (or, with null, clears) the column's content, as a change of its record: If-Match applies. */
  private void writeMedia(ODataRequest request, ODataResponse response, Media media, byte[] content)
      throws ODataApplicationException {
    refuseIfNoneMatch(request, media.object(), media.key());
    Map<String, Object> values = new HashMap<>();
    values.put(media.column().name(), content);
    String ifMatch = request.getHeader(HttpHeader.IF_MATCH);
    if (!call(() -> records.update(media.object().name(), media.key(), values, ifMatch))) {
      throw notFound(media.object(), media.key());
    }
    call(() -> records.get(media.object().name(), media.key()))
        .ifPresent(row -> response.setHeader(HttpHeader.ETAG, RecordStore.tag(row.get("ModifiedOn"))));
    response.setStatusCode(HttpStatusCode.NO_CONTENT.getStatusCode());
  }

  /**
   * A read's conditions (RFC 7232, weak comparison, by Olingo's ETag helper): true, with 304 Not
   * Modified and the tag, when If-None-Match matches the record's tag; 412 when If-Match names
   * tags and none matches.
   */
  private boolean notModified(ODataRequest request, ODataResponse response, String tag) throws ODataApplicationException {
    try {
      if (odata.createETagHelper().checkReadPreconditions(tag, request.getHeaders(HttpHeader.IF_MATCH),
          request.getHeaders(HttpHeader.IF_NONE_MATCH))) {
        response.setStatusCode(HttpStatusCode.NOT_MODIFIED.getStatusCode());
        response.setHeader(HttpHeader.ETAG, tag);
        return true;
      }
      return false;
    } catch (PreconditionException e) {
      throw error(ErrorCode.PRECONDITION_FAILED, "If-Match names no version the record has; read it again.");
    }
  }

  /**
   * A change with If-None-Match: refused with 412 when it matches the record's tag ({@code *}
   * matches any existing record), before anything changes. If-Match is compared by the store,
   * under the record's lock.
   */
  private void refuseIfNoneMatch(ODataRequest request, EntityModel object, UUID key) throws ODataApplicationException {
    List<String> ifNoneMatch = request.getHeaders(HttpHeader.IF_NONE_MATCH);
    if (ifNoneMatch == null || ifNoneMatch.isEmpty()) {
      return;
    }
    String tag = call(() -> records.get(object.name(), key)).map(row -> RecordStore.tag(row.get("ModifiedOn")))
        .orElseThrow(() -> notFound(object, key));
    try {
      odata.createETagHelper().checkChangePreconditions(tag, List.of(), ifNoneMatch);
    } catch (PreconditionException e) {
      throw error(ErrorCode.PRECONDITION_FAILED, "If-None-Match matches the record as it is: nothing was changed.");
    }
  }

  /** The raw request body, at most {@code maxMediaBytes} (413 beyond). */
  private byte[] content(ODataRequest request) throws ODataApplicationException {
    try {
      byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody().readNBytes(maxMediaBytes + 1);
      if (bytes.length > maxMediaBytes) {
        throw error(ErrorCode.PAYLOAD_TOO_LARGE, "The content is larger than " + maxMediaBytes + " bytes.");
      }
      return bytes;
    } catch (java.io.IOException e) {
      throw error(ErrorCode.VALIDATION_FAILED, "The content could not be read.");
    }
  }

  // ---- reading -------------------------------------------------------------------------------

  /**
   * A page of records of {@code object} as OData entities with their expanded navigation
   * properties: one query for the page, then one per expand item and level.
   */
  private List<Entity> fetch(EntityModel object, Filter filter, List<Select.Order> order, int skip, int top,
      Expansion expand, int depth) throws ODataApplicationException {
    List<Select.Column> columns = new ArrayList<>();
    for (EntityField f : ObjectsEdmProvider.served(object)) {
      columns.add(new Select.Column(propertyName(f), new Expr.Path(List.of(f.name())), true));
    }
    Select select = new Select(object.name(), columns, filter, order, skip, Math.min(top, rowsLeft + 1), false);
    List<Map<String, Object>> rows = call(() -> records.select(select));
    rowsLeft -= rows.size();
    if (rowsLeft < 0) {
      throw new ODataApplicationException("The response would hold more than " + limits.maxRows()
          + " records (with what $expand and the batch add). Ask for less.", 400, Locale.ROOT,
          ErrorCode.QUERY_LIMIT_EXCEEDED.name());
    }
    List<Entity> entities = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      entities.add(entity(object, row));
    }
    if (expand != null && !entities.isEmpty()) {
      expand(object, entities, expand, depth);
    }
    return entities;
  }

  /**
   * What {@code $expand} asks for, with the parameter aliases of the request, which its
   * {@code $filter} and {@code $orderby} may name.
   */
  private record Expansion(ExpandOption option, List<AliasQueryOption> aliases) {

    /** The request's expansion, or null without {@code $expand}. */
    static Expansion of(UriInfo uri) {
      return uri.getExpandOption() == null ? null : new Expansion(uri.getExpandOption(), uri.getAliases());
    }

    /** What an item of this expansion expands in turn, or null. */
    Expansion inner(ExpandItem item) {
      return item.getExpandOption() == null ? null : new Expansion(item.getExpandOption(), aliases);
    }
  }

  private void expand(EntityModel object, List<Entity> entities, Expansion expand, int depth)
      throws ODataApplicationException {
    if (depth > maxExpandDepth) {
      throw new ODataApplicationException("$expand may nest at most " + maxExpandDepth + " levels.", 400, Locale.ROOT,
          ErrorCode.QUERY_LIMIT_EXCEEDED.name());
    }
    for (ExpandItem item : expand.option().getExpandItems()) {
      if (item.isStar() || item.getResourcePath() == null) {
        throw FilterTranslator.notSupported("$expand=* (name the navigation properties)");
      }
      if (item.getLevelsOption() != null || item.getSearchOption() != null) {
        throw FilterTranslator.notSupported("$levels and $search inside $expand");
      }
      List<UriResource> parts = item.getResourcePath().getUriResourceParts();
      EdmNavigationProperty nav = ((UriResourceNavigation) parts.get(parts.size() - 1)).getProperty();
      boolean paged = item.getTopOption() != null || item.getSkipOption() != null;
      boolean counted = item.getCountOption() != null && item.getCountOption().getValue();
      if (nav.isCollection()) {
        ObjectModel.BackReference ref = ObjectsEdmProvider.backReference(model, object.name(), nav.getName()).orElseThrow();
        if (paged) {
          for (Entity parent : entities) {
            parent.getNavigationLinks().add(link(nav.getName(), null, page(ref, parent, expand, item, counted, depth)));
          }
          continue;
        }
        String via = ref.field().columnName();
        Map<Object, List<Entity>> byParent = new HashMap<>();
        for (Entity child : related(ref.object(), via, ids(entities, "Id"), expand, item, depth)) {
          byParent.computeIfAbsent(child.getProperty(via).getValue(), k -> new ArrayList<>()).add(child);
        }
        for (Entity parent : entities) {
          EntityCollection children = new EntityCollection();
          children.getEntities().addAll(byParent.getOrDefault(parent.getProperty("Id").getValue(), List.of()));
          if (counted) {
            children.setCount(children.getEntities().size()); // every matching child was read
          }
          parent.getNavigationLinks().add(link(nav.getName(), null, children));
        }
      } else {
        if (paged || counted) {
          throw FilterTranslator.badRequest("$top, $skip and $count apply to collections; " + nav.getName() + " is one record.");
        }
        EntityField lookup = object.field(nav.getName()).orElseThrow();
        EntityModel targetObject = model.object(lookup.reference()).orElseThrow();
        Map<Object, Entity> byId = new HashMap<>();
        for (Entity e : related(targetObject, "Id", ids(entities, lookup.columnName()), expand, item, depth)) {
          byId.put(e.getProperty("Id").getValue(), e);
        }
        for (Entity parent : entities) {
          Object ref = parent.getProperty(lookup.columnName()).getValue();
          parent.getNavigationLinks().add(link(nav.getName(), ref == null ? null : byId.get(ref), null));
        }
      }
    }
  }

  /**
   * One parent's page of an expanded collection ({@code $expand=Nav($top=2;$skip=1;$count=true)}):
   * a query per parent, ordered as asked and then by Id so that pages are stable, plus a count
   * per parent when asked.
   */
  private EntityCollection page(ObjectModel.BackReference ref, Entity parent, Expansion expand, ExpandItem item,
      boolean counted, int depth) throws ODataApplicationException {
    Filter mine = and(new Filter.Compare(new Expr.Path(List.of(ref.field().name())), Filter.Comparison.EQUAL,
        new Expr.Value(parent.getProperty("Id").getValue())), filterOf(item.getFilterOption(), ref.object(), expand.aliases()));
    List<Select.Order> order = new ArrayList<>(orderOf(item.getOrderByOption(), ref.object(), expand.aliases()));
    order.add(new Select.Order(new Expr.Path(List.of("Id")), false));
    int skip = item.getSkipOption() == null ? 0 : item.getSkipOption().getValue();
    int top = item.getTopOption() == null ? limits.maxRows() : item.getTopOption().getValue();
    EntityCollection children = new EntityCollection();
    if (top > 0) {
      children.getEntities().addAll(fetch(ref.object(), mine, order, skip, top, expand.inner(item), depth + 1));
    }
    if (counted) {
      long count = call(() -> records.count(ref.object().name(), mine));
      children.setCount((int) Math.min(count, Integer.MAX_VALUE));
    }
    return children;
  }

  /** The records of {@code object} whose {@code column} is one of {@code ids}, in chunks of bound parameters. */
  private List<Entity> related(EntityModel object, String column, Set<Object> ids, Expansion expand, ExpandItem item,
      int depth) throws ODataApplicationException {
    List<Entity> all = new ArrayList<>();
    List<Object> list = new ArrayList<>(ids);
    Filter extra = filterOf(item.getFilterOption(), object, expand.aliases());
    List<Select.Order> order = orderOf(item.getOrderByOption(), object, expand.aliases());
    for (int i = 0; i < list.size(); i += IN_CHUNK) {
      List<Expr> chunk = list.subList(i, Math.min(list.size(), i + IN_CHUNK)).stream().map(v -> (Expr) new Expr.Value(v)).toList();
      Filter in = and(new Filter.In(new Expr.Path(List.of(column)), chunk, false), extra);
      all.addAll(fetch(object, in, order, 0, limits.maxRows(), expand.inner(item), depth + 1));
    }
    return all;
  }

  private static Set<Object> ids(List<Entity> entities, String property) {
    Set<Object> ids = new LinkedHashSet<>();
    for (Entity e : entities) {
      Object v = e.getProperty(property).getValue();
      if (v != null) {
        ids.add(v);
      }
    }
    return ids;
  }

  private static boolean isMetadataFull(ContentType format) {
    return "full".equalsIgnoreCase(format.getParameter(ContentType.PARAMETER_ODATA_METADATA));
  }

  /**
   * {@code odata.metadata=full}: every navigation property of every record, expanded ones and
   * those inside them included, gets its {@code @odata.navigationLink}, relative to the service
   * root as the record's {@code @odata.id} is (OData 4.01 JSON Format, 4.5.9).
   */
  private static void navigationLinks(EdmEntityType type, List<Entity> entities) {
    for (Entity entity : entities) {
      for (String name : type.getNavigationPropertyNames()) {
        Link link = entity.getNavigationLink(name);
        if (link == null) {
          link = link(name, null, null);
          entity.getNavigationLinks().add(link);
        }
        link.setHref(entity.getId() + "/" + name);
        EdmEntityType target = type.getNavigationProperty(name).getType();
        if (link.getInlineEntitySet() != null) {
          navigationLinks(target, link.getInlineEntitySet().getEntities());
        } else if (link.getInlineEntity() != null) {
          navigationLinks(target, List.of(link.getInlineEntity()));
        }
      }
    }
  }

  private static Link link(String name, Entity single, EntityCollection many) {
    Link link = new Link();
    link.setTitle(name);
    link.setRel(name);
    if (many != null) {
      link.setInlineEntitySet(many);
    } else {
      link.setInlineEntity(single);
    }
    return link;
  }

  private Entity entity(EntityModel object, Map<String, Object> row) {
    Entity e = new Entity();
    for (EntityField f : object.fields()) {
      String name = propertyName(f);
      if (row.containsKey(name)) {
        Object value = row.get(name);
        if (value instanceof LocalDateTime t) {
          value = t.atZone(ZoneOffset.UTC);
        }
        e.addProperty(new Property(null, name, ValueType.PRIMITIVE, value));
      }
    }
    e.setId(URI.create(object.name() + "(" + row.get("Id") + ")"));
    e.setType(ObjectsEdmProvider.NAMESPACE + "." + object.name());
    if (row.get("ModifiedOn") != null) {
      e.setETag(RecordStore.tag(row.get("ModifiedOn")));
    }
    return e;
  }

  private void writeEntity(ODataResponse response, Target target, Entity entity, ContentType format, UriInfo uri,
      HttpStatusCode status) throws ODataLibraryException {
    EdmEntityType type = target.set().getEntityType();
    if (isMetadataFull(format)) {
      navigationLinks(type, List.of(entity));
    }
    String selectList = odata.createUriHelper().buildContextURLSelectList(type, uri.getExpandOption(), uri.getSelectOption());
    ContextURL context = ContextURL.with().entitySet(target.set()).selectList(selectList).suffix(ContextURL.Suffix.ENTITY).build();
    EntitySerializerOptions options = EntitySerializerOptions.with().contextURL(context).select(uri.getSelectOption())
        .expand(uri.getExpandOption()).build();
    response.setContent(odata.createSerializer(format).entity(metadata, type, entity, options).getContent());
    response.setStatusCode(status.getStatusCode());
    response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    if (entity.getETag() != null) {
      response.setHeader(HttpHeader.ETAG, entity.getETag());
    }
  }

  // ---- the request ---------------------------------------------------------------------------

  private Target target(UriInfo uri) throws ODataApplicationException {
    List<UriResource> parts = uri.getUriResourceParts().stream()
        .filter(p -> p.getKind() != UriResourceKind.count).toList(); // Set/$count addresses the set
    UriResourceEntitySet root = (UriResourceEntitySet) parts.get(0);
    EdmEntitySet set = root.getEntitySet();
    EntityModel object = objectOf(set.getName());
    UUID key = root.getKeyPredicates().isEmpty() ? null : key(root.getKeyPredicates());
    if (parts.size() == 1) {
      return new Target(set, object, key, null);
    }
    if (parts.size() > 2 || !(parts.get(1) instanceof UriResourceNavigation navPart) || key == null) {
      throw FilterTranslator.notSupported("A path other than Set, Set(key), Set(key)/Navigation and Set(key)/Navigation(key)");
    }
    EdmNavigationProperty nav = navPart.getProperty();
    EdmEntitySet targetSet = (EdmEntitySet) set.getRelatedBindingTarget(nav.getName());
    List<Entity> parent = fetch(object, byId(key), List.of(), 0, 1, null, 1);
    if (parent.isEmpty()) {
      throw notFound(new Target(set, object, key, null));
    }
    if (nav.isCollection()) {
      ObjectModel.BackReference ref = ObjectsEdmProvider.backReference(model, object.name(), nav.getName()).orElseThrow();
      Filter scope = new Filter.Compare(new Expr.Path(List.of(ref.field().name())), Filter.Comparison.EQUAL, new Expr.Value(key));
      UUID childKey = navPart.getKeyPredicates().isEmpty() ? null : key(navPart.getKeyPredicates());
      return new Target(targetSet, ref.object(), childKey, scope);
    }
    EntityField lookup = object.field(nav.getName()).orElseThrow();
    Object ref = parent.get(0).getProperty(lookup.columnName()).getValue();
    return new Target(targetSet, objectOf(targetSet.getName()), (UUID) ref, null);
  }

  private EntityModel objectOf(String name) throws ODataApplicationException {
    return model.object(name).orElseThrow(() -> new ODataApplicationException("No entity set " + name + ".", 404,
        Locale.ROOT, ErrorCode.NOT_FOUND.name()));
  }

  private static UUID key(List<UriParameter> keys) throws ODataApplicationException {
    String text = keys.get(0).getText();
    try {
      return UUID.fromString(text.replace("guid'", "").replace("'", ""));
    } catch (IllegalArgumentException e) {
      throw new ODataApplicationException("The key is not a GUID.", 400, Locale.ROOT, ErrorCode.INVALID_IDENTIFIER.name());
    }
  }

  private Filter filterOf(FilterOption option, EntityModel object, List<AliasQueryOption> aliases)
      throws ODataApplicationException {
    return option == null ? null : FilterTranslator.filter(model, object, option.getExpression(), aliases);
  }

  private List<Select.Order> orderOf(OrderByOption option, EntityModel object, List<AliasQueryOption> aliases)
      throws ODataApplicationException {
    List<Select.Order> order = new ArrayList<>();
    if (option != null) {
      for (OrderByItem item : option.getOrders()) {
        Expr key = FilterTranslator.orderKey(model, object, item.getExpression(), aliases);
        if (key != null) {
          order.add(new Select.Order(key, item.isDescending()));
        }
      }
    }
    return order;
  }

  private static Filter byId(UUID id) {
    return new Filter.Compare(new Expr.Path(List.of("Id")), Filter.Comparison.EQUAL, new Expr.Value(id));
  }

  private static Filter and(Filter a, Filter b) {
    return a == null ? b : b == null ? a : new Filter.Group(true, List.of(a, b));
  }

  private static int skipToken(UriInfo uri) throws ODataApplicationException {
    if (uri.getSkipTokenOption() == null) {
      return 0;
    }
    try {
      int served = Integer.parseInt(uri.getSkipTokenOption().getValue());
      if (served < 0) {
        throw new NumberFormatException();
      }
      return served;
    } catch (NumberFormatException e) {
      throw FilterTranslator.badRequest("The $skiptoken is not one this service issued.");
    }
  }

  /**
   * Rows per response (server-driven paging): the configured maximum, or less if the client
   * prefers ({@code odata.maxpagesize}, then named in {@code Preference-Applied}).
   */
  private int pageSize(ODataRequest request, ODataResponse response) {
    int size = limits.maxRows();
    Integer wanted = preferences(request).getMaxPageSize();
    if (wanted != null && wanted > 0 && wanted < size) {
      size = wanted;
      response.setHeader(HttpHeader.PREFERENCE_APPLIED, PreferencesApplied.with().maxPageSize(wanted).build().toValueString());
    }
    return size;
  }

  private Preferences preferences(ODataRequest request) {
    return odata.createPreferences(request.getHeaders(HttpHeader.PREFER));
  }

  /** Whether the client asked for {@code return=minimal} ({@code representation} otherwise after a create). */
  private boolean returns(ODataRequest request, Preferences.Return kind) {
    return preferences(request).getReturn() == kind;
  }

  private static void applied(ODataResponse response, Preferences.Return kind) {
    response.setHeader(HttpHeader.PREFERENCE_APPLIED, PreferencesApplied.with().returnRepresentation(kind).build().toValueString());
  }

  private static URI nextLink(ODataRequest request, int served) {
    StringBuilder query = new StringBuilder();
    String raw = request.getRawQueryPath();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        if (!pair.isEmpty() && !pair.startsWith("$skiptoken=") && !pair.startsWith("%24skiptoken=")) {
          query.append(pair).append('&');
        }
      }
    }
    query.append("$skiptoken=").append(URLEncoder.encode(Integer.toString(served), StandardCharsets.UTF_8));
    return URI.create(request.getRawBaseUri() + request.getRawODataPath() + "?" + query);
  }

  /**
   * The entity in the body. Clients of the reference send {@code IEEE754Compatible=true}, with
   * which Olingo takes decimals only as JSON strings, while many send numbers: both are read.
   */
  private Entity body(ODataRequest request, ContentType format, Target target) throws ODataApplicationException,
      ODataLibraryException {
    if (format == null || !format.isCompatible(ContentType.APPLICATION_JSON)) {
      // Olingo would read XML too (and the fallback below JSON whatever was declared): records are JSON only
      throw error(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Records are sent as JSON (Content-Type: application/json), not as "
          + (format == null ? "an untyped body" : format.toContentTypeString()) + ".");
    }
    byte[] bytes;
    try {
      bytes = request.getBody().readAllBytes();
    } catch (java.io.IOException e) {
      throw new ODataApplicationException("The request body could not be read.", 400, Locale.ROOT,
          ErrorCode.MALFORMED_REQUEST.name());
    }
    EdmEntityType type = target.set().getEntityType();
    boolean ieee = "true".equalsIgnoreCase(format.getParameter(ContentType.PARAMETER_IEEE754_COMPATIBLE));
    Entity entity;
    try {
      entity = odata.createDeserializer(format).entity(new ByteArrayInputStream(bytes), type).getEntity();
    } catch (DeserializerException first) {
      ContentType other = ieee ? ContentType.JSON : ContentType.create(ContentType.JSON, ContentType.PARAMETER_IEEE754_COMPATIBLE, "true");
      try {
        entity = odata.createDeserializer(other).entity(new ByteArrayInputStream(bytes), type).getEntity();
      } catch (DeserializerException second) {
        throw first;
      }
    }
    if (!entity.getNavigationLinks().isEmpty()) {
      throw FilterTranslator.notSupported("Deep insert (create the related records first and bind them with @odata.bind)");
    }
    return entity;
  }

  /** Options Atrium does not serve are refused rather than ignored. */
  private static void refuseUnsupported(UriInfo uri) throws ODataApplicationException {
    if (uri.getSearchOption() != null || uri.getApplyOption() != null || uri.getDeltaTokenOption() != null) {
      throw FilterTranslator.notSupported("$search, $apply and $deltatoken");
    }
  }

  /** The body's properties (and {@code Nav@odata.bind} links) by column, as Java values. */
  private Map<String, Object> values(Entity body, Target target) throws ODataApplicationException {
    Map<String, Object> values = new LinkedHashMap<>();
    EdmEntityType type = target.set().getEntityType();
    for (Property p : body.getProperties()) {
      EdmProperty property = (EdmProperty) type.getProperty(p.getName());
      Object value = p.getValue();
      if (value != null && property.getType() instanceof EdmPrimitiveType primitive) {
        try {
          String text = primitive.valueToString(value, true, property.getMaxLength(), property.getPrecision(),
              property.getScale(), true);
          value = primitive.valueOfString(text, true, property.getMaxLength(), property.getPrecision(),
              property.getScale(), true, FilterTranslator.javaClass(primitive));
        } catch (EdmPrimitiveTypeException e) {
          throw new ODataApplicationException("The value of " + p.getName() + " is not valid.", 400, Locale.ROOT,
              ErrorCode.VALIDATION_FAILED.name());
        }
      }
      values.put(p.getName(), value);
    }
    for (Link binding : body.getNavigationBindings()) {
      Matcher m = binding.getBindingLink() == null ? null : BINDING.matcher(binding.getBindingLink());
      if (m == null || !m.find()) {
        throw FilterTranslator.badRequest("The binding of " + binding.getTitle() + " must look like Object(<guid>).");
      }
      values.put(binding.getTitle(), m.group(2));
    }
    return values;
  }

  /** The request addresses one record, and (through a navigation path) one of its parent's. */
  private void requireKey(Target target) throws ODataApplicationException {
    if (target.key() == null) {
      throw FilterTranslator.badRequest("The request must address one record: " + target.set().getName() + "(<guid>).");
    }
    if (target.scope() != null && fetch(target.object(), and(byId(target.key()), target.scope()), List.of(), 0, 1, null, 1).isEmpty()) {
      throw notFound(target);
    }
  }

  private static ODataApplicationException notFound(Target target) {
    return notFound(target.object(), target.key());
  }

  private static ODataApplicationException notFound(EntityModel object, UUID key) {
    return new ODataApplicationException("No " + object.name() + " " + key + ".", 404, Locale.ROOT,
        ErrorCode.NOT_FOUND.name());
  }

  private static String propertyName(EntityField f) {
    return f.isLookup() ? f.columnName() : f.name();
  }

  /** Calls the service; its refusals become OData errors with Atrium's stable codes. */
  static <T> T call(Supplier<T> work) throws ODataApplicationException {
    try {
      return work.get();
    } catch (RuntimeException e) {
      AtriumException refusal = Refusals.of(e);
      // the refusal rides along as the cause: ODataErrors lists its field errors as details
      throw new ODataApplicationException(Refusals.message(refusal), refusal.code().status(), Locale.ROOT, refusal,
          refusal.code().name());
    }
  }

  private static ODataApplicationException error(ErrorCode code, String message) {
    return new ODataApplicationException(message, code.status(), Locale.ROOT, code.name());
  }
}
