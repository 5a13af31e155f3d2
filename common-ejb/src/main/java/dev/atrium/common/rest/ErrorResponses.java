package dev.atrium.common.rest;

import dev.atrium.common.domain.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds the error body for JAX-RS and for code that writes the servlet response itself. */
public final class ErrorResponses {

  /** Seconds a client should wait before retrying a 503. */
  public static final String RETRY_AFTER_SECONDS = "5";
  private static final String JSON_UTF8 = MediaType.APPLICATION_JSON + ";charset=utf-8";

  private ErrorResponses() {}

  public static Response response(ErrorCode code, ErrorBody body) {
    Response.ResponseBuilder rb = Response.status(code.status()).type(JSON_UTF8).entity(body);
    if (code == ErrorCode.SERVICE_UNAVAILABLE) {
      rb.header("Retry-After", RETRY_AFTER_SECONDS);
    }
    return rb.build();
  }

  public static void write(HttpServletResponse res, ErrorCode code) throws IOException {
    write(res, code, code.defaultMessage());
  }

  public static void write(HttpServletResponse res, ErrorCode code, String message) throws IOException {
    write(res, code, JSON_UTF8, AtriumJson.JSONB.toJson(ErrorBody.of(code, message, List.of())).getBytes(StandardCharsets.UTF_8));
  }

  /** An error body in another format (OData's), with the status and headers of every error. */
  public static void write(HttpServletResponse res, ErrorCode code, String contentType, byte[] body) throws IOException {
    res.setStatus(code.status());
    res.setContentType(contentType);
    res.setHeader("Cache-Control", "no-store");
    if (code == ErrorCode.SERVICE_UNAVAILABLE) {
      res.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    }
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
