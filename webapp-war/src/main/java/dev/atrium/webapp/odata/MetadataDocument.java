package dev.atrium.webapp.odata;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.MetadataProcessor;
import org.apache.olingo.server.api.uri.UriInfo;

/**
 * {@code $metadata} as Olingo serializes it, with the version its format belongs to: the XML
 * CSDL is OData 4.0's, the JSON CSDL exists since 4.01 and says {@code "$Version":"4.01"}, so its
 * answer's {@code OData-Version} is 4.01 too (Olingo names 4.0 on every answer).
 */
final class MetadataDocument implements MetadataProcessor {

  private OData odata;
  private ServiceMetadata metadata;

  @Override
  public void init(OData odata, ServiceMetadata metadata) {
    this.odata = odata;
    this.metadata = metadata;
  }

  @Override
  public void readMetadata(ODataRequest request, ODataResponse response, UriInfo uriInfo, ContentType format)
      throws ODataLibraryException {
    response.setContent(odata.createSerializer(format).metadataDocument(metadata).getContent());
    response.setStatusCode(HttpStatusCode.OK.getStatusCode());
    response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    if (format.isCompatible(ContentType.APPLICATION_JSON)) {
      response.setHeader(HttpHeader.ODATA_VERSION, "4.01");
    }
  }
}
