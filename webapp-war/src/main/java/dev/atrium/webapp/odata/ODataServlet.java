package dev.atrium.webapp.odata;

import dev.atrium.common.application.RecordService;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.infrastructure.AtriumConfig;
import dev.atrium.common.metadata.ObjectModel;
import dev.atrium.common.rest.ErrorResponses;
import dev.atrium.common.security.Operations;
import dev.atrium.webapp.Refusals;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.serializer.CustomContentTypeSupport;
import org.apache.olingo.server.api.serializer.RepresentationType;

/**
 * OData 4 at {@code /0/odata/}, served by Apache Olingo over the business objects' metadata.
 * Needs the system operation {@code CanUseODataService}; a new Olingo handler is made per request
 * (Olingo's instances are not thread-safe), over the object model of that moment.
 */
@WebServlet(urlPatterns = "/odata/*")
public class ODataServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  /** Longest query string taken; ample for $filter with a long in list. */
  static final int MAX_QUERY_CHARS = 65_536;
  /** Deepest nesting of parentheses in the query options (Olingo's parsers recurse on them). */
  static final int MAX_NESTING = 64;

  private record Built(String fingerprint, ServiceMetadata metadata) {}

  private transient volatile Built built;

  @EJB
  RecordService records;

  @Inject
  AtriumConfig config;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!req.isUserInRole(Operations.CAN_USE_ODATA_SERVICE)) {
      error(req, resp, ErrorCode.ACCESS_DENIED, "Using OData needs the operation " + Operations.CAN_USE_ODATA_SERVICE + ".");
      return;
    }
    if (req.getContentLengthLong() > config.odataMaxRequestBytes()) {
      error(req, resp, ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than " + config.odataMaxRequestBytes() + " bytes.");
      return;
    }
    String path = req.getPathInfo();
    if (path != null && path.startsWith("/" + Vocabularies.PATH)) {
      vocabulary(req, resp, path.substring(Vocabularies.PATH.length() + 1));
      return;
    }
    String query = req.getQueryString();
    if (query != null && (query.length() > MAX_QUERY_CHARS || nesting(query) > MAX_NESTING)) {
      error(req, resp, ErrorCode.QUERY_LIMIT_EXCEEDED, "The query options are longer or nested deeper than this service takes.");
      return;
    }
    ObjectModel model;
    try {
      model = records.model();
    } catch (RuntimeException e) {
      AtriumException refusal = Refusals.of(e);
      error(req, resp, refusal.code(), Refusals.message(refusal));
      return;
    }
    OData odata = OData.newInstance();
    ServiceMetadata metadata = metadata(odata, model);
    ODataHttpHandler handler = odata.createHandler(metadata);
    handler.register(new RecordProcessor(records, model, config.queryLimits(), config.odataMaxExpandDepth(),
        config.odataMaxRequestBytes()));
    handler.register((CustomContentTypeSupport) ODataServlet::withMedia);
    handler.register(new BatchRequests(config.odataMaxBatchRequests()));
    handler.register(new ODataErrors());
    handler.register(new MetadataDocument());
    if (JsonBatch.isJsonBatch(req)) {
      jsonBatch(req, resp, handler);
      return;
    }
    try {
      handler.process(req, resp);
    } catch (StackOverflowError tooDeep) { // a last resort: the nesting check above should have caught it
      if (!resp.isCommitted()) {
        resp.reset();
        error(req, resp, ErrorCode.QUERY_LIMIT_EXCEEDED, "The request is nested too deeply.");
      }
    }
  }

  private void jsonBatch(HttpServletRequest req, HttpServletResponse resp, ODataHttpHandler handler) throws IOException {
    JsonObject answer;
    try {
      answer = new JsonBatch(handler, config.odataMaxBatchRequests(), config.odataMaxRequestBytes()).run(req);
    } catch (RuntimeException e) {
      AtriumException refusal = Refusals.of(e);
      error(req, resp, refusal.code(), Refusals.message(refusal));
      return;
    }
    byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
    resp.setStatus(200);
    resp.setContentType("application/json;odata.metadata=minimal");
    resp.setHeader("OData-Version", "4.01");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  /** The vocabulary documents as written once: they never change while the server runs. */
  private static final java.util.Map<String, byte[]> VOCABULARIES = new java.util.concurrent.ConcurrentHashMap<>();

  /** A vocabulary document that {@code $metadata} references, as CSDL XML; 404 for any other name. */
  private static void vocabulary(HttpServletRequest req, HttpServletResponse resp, String file) throws IOException {
    java.util.Optional<org.apache.olingo.commons.api.edm.provider.CsdlEdmProvider> document = Vocabularies.document(file);
    if (document.isEmpty()) {
      error(req, resp, ErrorCode.NOT_FOUND, "No vocabulary document " + file + ".");
      return;
    }
    byte[] body = VOCABULARIES.computeIfAbsent(file, f -> {
      OData odata = OData.newInstance();
      try (java.io.InputStream xml = odata.createSerializer(ContentType.APPLICATION_XML)
          .metadataDocument(odata.createServiceMetadata(document.get(), List.of())).getContent()) {
        return xml.readAllBytes();
      } catch (org.apache.olingo.server.api.serializer.SerializerException | IOException e) {
        throw new IllegalStateException("The vocabulary document " + f + " cannot be written", e);
      }
    });
    resp.setStatus(200);
    resp.setContentType("application/xml");
    resp.setHeader("OData-Version", "4.0");
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  /** Binary columns are media: their raw content may be asked for by its own type. */
  private static List<ContentType> withMedia(List<ContentType> defaults, RepresentationType type) {
    if (type != RepresentationType.PRIMITIVE && type != RepresentationType.VALUE) {
      return defaults;
    }
    List<ContentType> types = new ArrayList<>(defaults);
    types.add(ContentType.APPLICATION_OCTET_STREAM);
    return types;
  }

  /** How deep parentheses nest in the (still encoded) query string. */
  static int nesting(String query) {
    String decoded = query.replace("%28", "(").replace("%29", ")");
    int depth = 0;
    int max = 0;
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c == '(') {
        max = Math.max(max, ++depth);
      } else if (c == ')') {
        depth--;
      }
    }
    return max;
  }

  /**
   * The service metadata of a model, built once per model and shared by requests: its EDM loads
   * lazily into synchronized maps (Olingo's AbstractEdm), so it is safe to share; the OData
   * instance and the handler stay per request.
   */
  private ServiceMetadata metadata(OData odata, ObjectModel model) {
    Built built = this.built;
    if (built == null || !built.fingerprint().equals(model.fingerprint())) {
      built = new Built(model.fingerprint(), odata.createServiceMetadata(new ObjectsEdmProvider(model, config.odataMaxExpandDepth()), Vocabularies.references()));
      this.built = built;
    }
    return built.metadata();
  }

  /** An OData JSON error body, for refusals before Olingo sees the request (sign-in's too). */
  public static void error(HttpServletRequest req, HttpServletResponse resp, ErrorCode code, String message) throws IOException {
    resp.setHeader("OData-Version", "4.0");
    byte[] body = Json.createObjectBuilder().add("error", Json.createObjectBuilder()
        .add("code", code.name()).add("message", message)).build().toString().getBytes(StandardCharsets.UTF_8);
    ErrorResponses.write(resp, code, "application/json;odata.metadata=minimal", body);
  }
}
