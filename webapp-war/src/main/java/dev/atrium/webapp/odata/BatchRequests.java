package dev.atrium.webapp.odata;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.webapp.Refusals;
import dev.atrium.webapp.UserTransactions;
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
    List<BatchRequestPart> parts = odata.createFixedFormatDeserializer().parseBatchRequest(request.getBody(), boundary, options);
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
