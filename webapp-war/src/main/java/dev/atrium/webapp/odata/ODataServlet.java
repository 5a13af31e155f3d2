package dev.atrium.webapp.odata;

import dev.atrium.common.application.RecordService;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.infrastructure.AtriumConfig;
import dev.atrium.common.metadata.ObjectModel;
import dev.atrium.common.security.Operations;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.apache.olingo.server.api.ServiceMetadata;

/**
 * OData 4 at {@code /0/odata/}, served by Apache Olingo over the business objects' metadata.
 * Needs the system operation {@code CanUseODataService}; a new Olingo handler is made per request
 * (Olingo's instances are not thread-safe), over the object model of that moment.
 */
@WebServlet(urlPatterns = "/odata/*")
public class ODataServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

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
    ObjectModel model = records.model();
    OData odata = OData.newInstance();
    ServiceMetadata metadata = odata.createServiceMetadata(new ObjectsEdmProvider(model), List.of());
    ODataHttpHandler handler = odata.createHandler(metadata);
    handler.register(new RecordProcessor(records, model, config.queryLimits(), config.odataMaxExpandDepth()));
    handler.register(new BatchRequests(config.odataMaxBatchRequests()));
    handler.register(new ODataErrors());
    handler.process(req, resp);
  }

  /** An OData JSON error body, for refusals before Olingo sees the request. */
  static void error(HttpServletRequest req, HttpServletResponse resp, ErrorCode code, String message) throws IOException {
    req.getInputStream().transferTo(OutputStream.nullOutputStream());
    resp.setStatus(code.status());
    resp.setContentType("application/json;odata.metadata=minimal");
    resp.setHeader("OData-Version", "4.0");
    byte[] body = Json.createObjectBuilder().add("error", Json.createObjectBuilder()
        .add("code", code.name()).add("message", message)).build().toString().getBytes(StandardCharsets.UTF_8);
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}
