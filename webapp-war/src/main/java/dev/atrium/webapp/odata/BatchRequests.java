package dev.atrium.webapp.odata;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.webapp.Refusals;
import dev.atrium.webapp.UserTransactions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.commons.api.ex.ODataException;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.batch.BatchFacade;
import org.apache.olingo.server.api.deserializer.batch.BatchOptions;
import org.apache.olingo.server.api.deserializer.batch.BatchRequestPart;
import org.apache.olingo.server.api.deserializer.batch.ODataResponsePart;
import org.apache.olingo.server.api.processor.BatchProcessor;

/**
 * OData {@code $batch} in the multipart form: requests run in order; a change set runs in one
 * transaction and is rolled back whole if one of its requests fails. Without
 * {@code Prefer: odata.continue-on-error} the batch stops at the first failed part.
 */
final class BatchRequests implements BatchProcessor {

  private final int maxRequests;
  private OData odata;

  BatchRequests(int maxRequests) {
    this.maxRequests = maxRequests;
  }

  @Override
  public void init(OData odata, ServiceMetadata metadata) {
    this.odata = odata;
  }

  @Override
  public void processBatch(BatchFacade facade, ODataRequest request, ODataResponse response)
      throws ODataApplicationException, ODataLibraryException {
    String boundary = facade.extractBoundaryFromContentType(request.getHeader(HttpHeader.CONTENT_TYPE));
    BatchOptions options = BatchOptions.with().rawBaseUri(request.getRawBaseUri())
        .rawServiceResolutionUri(request.getRawServiceResolutionUri()).build();
    byte[] body;
    try {
      body = withoutBlankBodies(request.getBody().readAllBytes(), boundary); // the servlet bounded its size
    } catch (java.io.IOException e) {
      throw new ODataApplicationException("The batch could not be read.", 400, Locale.ROOT, ErrorCode.MALFORMED_REQUEST.name());
    }
    List<BatchRequestPart> parts = odata.createFixedFormatDeserializer()
        .parseBatchRequest(new java.io.ByteArrayInputStream(body), boundary, options);
    int requests = parts.stream().mapToInt(p -> p.getRequests().size()).sum();
    if (requests > maxRequests) {
      throw new ODataApplicationException("A batch may hold at most " + maxRequests + " requests; this one has " + requests + ".",
          400, Locale.ROOT, ErrorCode.QUERY_LIMIT_EXCEEDED.name());
    }
    String prefer = request.getHeader(HttpHeader.PREFER);
    boolean continueOnError = prefer != null && prefer.toLowerCase(Locale.ROOT).contains("continue-on-error");
    List<ODataResponsePart> responses = new ArrayList<>();
    for (BatchRequestPart part : parts) {
      ODataResponsePart answer = facade.handleBatchRequest(part);
      responses.add(answer);
      boolean failed = answer.getResponses().stream().anyMatch(r -> r.getStatusCode() >= 400);
      if (failed && !continueOnError) {
        break;
      }
    }
    String responseBoundary = "batchresponse_" + UUID.randomUUID();
    response.setContent(odata.createFixedFormatSerializer().batchResponse(responses, responseBoundary));
    response.setHeader(HttpHeader.CONTENT_TYPE, "multipart/mixed;boundary=" + responseBoundary);
    if (continueOnError) {
      response.setHeader(HttpHeader.PREFERENCE_APPLIED, "odata.continue-on-error");
    }
    response.setStatusCode(HttpStatusCode.OK.getStatusCode());
  }

  /**
   * The batch with the blank lines that some clients put after a GET's or DELETE's headers
   * removed: a body of CR and LF only, which Olingo refuses ("must not contain any body content")
   * although it carries nothing. Only top-level GET and DELETE parts are touched, where a body is
   * never meaningful; every other byte stays as sent (media bodies included).
   */
  static byte[] withoutBlankBodies(byte[] batch, String boundary) {
    String text = new String(batch, StandardCharsets.ISO_8859_1); // one char per byte: nothing is re-encoded
    String delimiter = "\r\n--" + boundary;
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    int next = text.indexOf(delimiter);
    while (next >= 0) {
      out.append(trimmedIfBodiless(text.substring(from, next)));
      from = next;
      int lineEnd = text.indexOf("\r\n", next + delimiter.length());
      if (lineEnd < 0) {
        break;
      }
      out.append(text, next, lineEnd);
      from = lineEnd;
      next = text.indexOf(delimiter, lineEnd);
    }
    out.append(text.substring(from));
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** One part (its MIME headers, a blank line, the HTTP request) without a blank body after a GET or DELETE. */
  private static String trimmedIfBodiless(String part) {
    int mimeEnd = part.indexOf("\r\n\r\n");
    if (mimeEnd < 0) {
      return part;
    }
    String http = part.substring(mimeEnd + 4);
    if (!http.startsWith("GET ") && !http.startsWith("DELETE ")) {
      return part;
    }
    int headersEnd = http.indexOf("\r\n\r\n");
    if (headersEnd < 0 || !http.substring(headersEnd + 4).chars().allMatch(c -> c == '\r' || c == '\n')) {
      return part;
    }
    return part.substring(0, mimeEnd + 4) + http.substring(0, headersEnd + 4);
  }

  @Override
  public ODataResponsePart processChangeSet(BatchFacade facade, List<ODataRequest> requests)
      throws ODataApplicationException, ODataLibraryException {
    try {
      return UserTransactions.inOne(() -> {
        List<ODataResponse> responses = new ArrayList<>();
        for (ODataRequest request : requests) {
          ODataResponse response = facade.handleODataRequest(request);
          if (response.getStatusCode() >= 400) {
            throw new Failed(response); // the change set fails as a whole
          }
          responses.add(response);
        }
        return new ODataResponsePart(responses, true);
      });
    } catch (Failed failed) {
      return new ODataResponsePart(failed.response, false);
    } catch (ODataApplicationException | ODataLibraryException e) {
      throw e;
    } catch (ODataException other) {
      throw new ODataApplicationException(other.getMessage(), 500, Locale.ROOT, ErrorCode.INTERNAL_ERROR.name());
    } catch (RuntimeException notCommitted) { // this change set fails; the batch goes on
      AtriumException refusal = Refusals.of(notCommitted);
      return new ODataResponsePart(errorResponse(refusal), false);
    }
  }

  /** A response that carries an OData error, for a change set that did not commit. */
  private ODataResponse errorResponse(AtriumException refusal) throws ODataLibraryException {
    ODataServerError error = new ODataServerError().setStatusCode(refusal.code().status()).setCode(refusal.code().name())
        .setMessage(Refusals.message(refusal));
    ODataResponse response = new ODataResponse();
    response.setStatusCode(error.getStatusCode());
    response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.JSON.toContentTypeString());
    response.setContent(odata.createSerializer(ContentType.JSON).error(error).getContent());
    return response;
  }

  /** A request of a change set failed: roll the change set back and answer with that response. */
  private static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ODataResponse response;

    Failed(ODataResponse response) {
      super(null, null, false, false);
      this.response = response;
    }
  }
}
