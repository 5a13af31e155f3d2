package dev.atrium.webapp.odata;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.webapp.Refusals;
import dev.atrium.webapp.UserTransactions;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpMethod;
import org.apache.olingo.server.api.ODataHandler;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;

/**
 * OData {@code $batch} in the JSON form ({@code {"requests":[{"id","method","url","headers",
 * "body","atomicityGroup"}]}}), which Olingo 5 does not parse: each request goes through the same
 * Olingo handler as a single one. The requests of one atomicity group run in one transaction; if
 * one fails, the group is rolled back, that request answers with its error and the others of the
 * group with 424. A request whose {@code dependsOn} names a failed one answers 424 without running;
 * a URL may start with {@code $<id>}, the record an earlier request created. Without
 * {@code Prefer: odata.continue-on-error} the batch stops after a failure.
 */
final class JsonBatch {

  private record Part(String id, String method, String url, JsonObject headers, JsonValue body, String group,
      List<String> dependsOn) {}

  /** A request of an atomicity group failed: roll the group back. */
  private static final class GroupFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<JsonObject> answers;

    GroupFailed(List<JsonObject> answers) {
      super(null, null, false, false);
      this.answers = answers;
    }
  }

  private final ODataHandler handler;
  /** The OData-Version of answers that Atrium writes itself (Olingo names 4.0 on its own). */
  private static final String VERSION = "4.0";
  private final int maxRequests;
  private final int maxBytes;
  /** The answers so far, by request id: for dependsOn and for $<id> in later URLs. */
  private final Map<String, JsonObject> done = new HashMap<>();
  /** The atomicity groups run so far: whether each succeeded, for a dependsOn that names a group. */
  private final Map<String, Boolean> groups = new HashMap<>();

  JsonBatch(ODataHandler handler, int maxRequests, int maxBytes) {
    this.handler = handler;
    this.maxRequests = maxRequests;
    this.maxBytes = maxBytes;
  }

  static boolean isJsonBatch(HttpServletRequest req) {
    String type = req.getContentType();
    return "POST".equals(req.getMethod()) && req.getPathInfo() != null && req.getPathInfo().equals("/$batch")
        && type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
  }

  /** Runs the batch; returns the JSON answer. Refusals of the batch as a whole are thrown. */
  JsonObject run(HttpServletRequest req) throws IOException {
    List<Part> parts = parse(req);
    String base = req.getRequestURL().toString();
    base = base.substring(0, base.length() - "/$batch".length());
    String prefer = req.getHeader(HttpHeader.PREFER);
    boolean continueOnError = prefer != null && prefer.toLowerCase(Locale.ROOT).contains("continue-on-error");
    JsonArrayBuilder responses = Json.createArrayBuilder();
    int i = 0;
    while (i < parts.size()) {
      Part first = parts.get(i);
      int end = i + 1;
      while (first.group() != null && end < parts.size() && first.group().equals(parts.get(end).group())) {
        end++;
      }
      List<Part> unit = parts.subList(i, end);
      List<JsonObject> answers = first.group() == null ? List.of(execute(first, base, req)) : group(unit, base, req);
      answers.forEach(a -> done.put(a.getString("id"), a));
      if (first.group() != null) {
        groups.put(first.group(), answers.stream().allMatch(a -> a.getInt("status") < 400));
      }
      answers.forEach(responses::add);
      i = end;
      if (!continueOnError && answers.stream().anyMatch(a -> a.getInt("status") >= 400)) {
        break;
      }
    }
    return Json.createObjectBuilder().add("responses", responses).build();
  }

  private List<JsonObject> group(List<Part> unit, String base, HttpServletRequest req) {
    try {
      return UserTransactions.inOne(() -> {
        List<JsonObject> answers = new ArrayList<>();
        for (int k = 0; k < unit.size(); k++) {
          JsonObject answer = execute(unit.get(k), base, req);
          answers.add(answer);
          if (answer.getInt("status") >= 400) {
            List<JsonObject> failed = new ArrayList<>();
            for (int j = 0; j < unit.size(); j++) {
              failed.add(j == k ? answer : dependencyFailed(unit.get(j)));
            }
            throw new GroupFailed(failed);
          }
        }
        return answers;
      });
    } catch (GroupFailed failed) {
      return failed.answers;
    } catch (RuntimeException notCommitted) {
      AtriumException refusal = Refusals.of(notCommitted);
      return unit.stream().map(p -> error(p.id(), refusal.code(), Refusals.message(refusal))).toList();
    }
  }

  /**
   * One request: answered 424 without running if a request it depends on failed; a URL that
   * starts with {@code $<id>} continues from the record that earlier request created.
   */
  private JsonObject execute(Part part, String base, HttpServletRequest req) {
    for (String needed : part.dependsOn()) {
      boolean succeeded = groups.containsKey(needed) ? groups.get(needed)
          : done.containsKey(needed) && done.get(needed).getInt("status") < 400;
      if (!succeeded) {
        return dependencyFailed(part);
      }
    }
    Part resolved = part;
    if (part.url().startsWith("$")) {
      int end = 1;
      while (end < part.url().length() && part.url().charAt(end) != '/' && part.url().charAt(end) != '?') {
        end++;
      }
      String ref = part.url().substring(1, end);
      JsonObject earlier = done.get(ref);
      JsonObject headers = earlier == null ? null : earlier.getJsonObject("headers");
      if (headers == null || !headers.containsKey("location")) {
        return error(part.id(), ErrorCode.QUERY_INVALID, "$" + ref + " names no earlier request that created a record.");
      }
      resolved = new Part(part.id(), part.method(), headers.getString("location") + part.url().substring(end),
          part.headers(), part.body(), part.group(), part.dependsOn());
    }
    JsonObject answer = answer(resolved, send(resolved, base, req));
    done.put(part.id(), answer);
    return answer;
  }

  private ODataResponse send(Part part, String base, HttpServletRequest outer) {
    ODataRequest request = new ODataRequest();
    request.setMethod(HttpMethod.valueOf(part.method()));
    request.setProtocol("HTTP/1.1");
    String url = part.url().startsWith(base) ? part.url().substring(base.length()) : part.url();
    url = url.startsWith("/") ? url : "/" + url;
    int q = url.indexOf('?');
    request.setRawBaseUri(base);
    request.setRawODataPath(q < 0 ? url : url.substring(0, q));
    request.setRawQueryPath(q < 0 ? null : url.substring(q + 1));
    request.setRawRequestUri(base + url);
    request.setRawServiceResolutionUri(null);
    request.addHeader(HttpHeader.ACCEPT, List.of("application/json"));
    String prefer = outer.getHeader(HttpHeader.PREFER);
    if (prefer != null) {
      request.addHeader(HttpHeader.PREFER, List.of(prefer));
    }
    if (part.headers() != null) {
      for (Map.Entry<String, JsonValue> h : part.headers().entrySet()) {
        if (h.getValue() instanceof JsonString s) {
          request.setHeader(h.getKey(), s.getString());
        }
      }
    }
    if (part.body() != null && part.body().getValueType() != JsonValue.ValueType.NULL) {
      if (request.getHeader(HttpHeader.CONTENT_TYPE) == null) {
        request.setHeader(HttpHeader.CONTENT_TYPE, "application/json");
      }
      request.setBody(new ByteArrayInputStream(part.body().toString().getBytes(StandardCharsets.UTF_8)));
    }
    return handler.process(request);
  }

  private static JsonObject answer(Part part, ODataResponse response) {
    JsonObjectBuilder headers = Json.createObjectBuilder();
    for (Map.Entry<String, List<String>> h : response.getAllHeaders().entrySet()) {
      if (!h.getValue().isEmpty()) {
        headers.add(h.getKey().toLowerCase(Locale.ROOT), h.getValue().get(0));
      }
    }
    if (response.getHeader(HttpHeader.ODATA_VERSION) == null) {
      headers.add("odata-version", VERSION);
    }
    JsonObjectBuilder answer = Json.createObjectBuilder().add("id", part.id()).add("status", response.getStatusCode())
        .add("headers", headers);
    InputStream content = response.getContent();
    if (content != null) {
      try (content) {
        String text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
        String type = Objects.toString(response.getHeader(HttpHeader.CONTENT_TYPE), "");
        if (type.toLowerCase(Locale.ROOT).startsWith("application/json") && !text.isBlank()) {
          try (JsonReader reader = Json.createReader(new StringReader(text))) {
            answer.add("body", reader.readValue());
          }
        } else if (!text.isEmpty()) {
          answer.add("body", text);
        }
      } catch (IOException | JsonException e) {
        answer.add("body", JsonValue.NULL);
      }
    }
    return answer.build();
  }

  private static JsonObject dependencyFailed(Part part) {
    return error(part.id(), ErrorCode.FAILED_DEPENDENCY, ErrorCode.FAILED_DEPENDENCY.defaultMessage());
  }

  private static JsonObject error(String id, ErrorCode code, String message) {
    return Json.createObjectBuilder().add("id", id).add("status", code.status())
        .add("headers", Json.createObjectBuilder().add("content-type", "application/json").add("odata-version", VERSION))
        .add("body", Json.createObjectBuilder().add("error", Json.createObjectBuilder().add("code", code.name())
            .add("message", message))).build();
  }

  /**
   * What the JSON batch format requires of ids and groups (OData 4.01 JSON Format, 19.1): ids are
   * unique; the requests of an atomicity group are adjacent; dependsOn names earlier requests, or
   * atomicity groups that ended before, never the request's own group. Otherwise the whole batch
   * is 400, before anything runs.
   */
  private static void checkOrder(List<Part> parts) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    java.util.Set<String> endedGroups = new java.util.HashSet<>();
    String current = null;
    for (Part part : parts) {
      if (!java.util.Objects.equals(part.group(), current)) {
        if (current != null) {
          endedGroups.add(current);
        }
        if (part.group() != null && endedGroups.contains(part.group())) {
          throw new AtriumException(ErrorCode.MALFORMED_REQUEST, "The requests of atomicity group " + part.group()
              + " are not adjacent.");
        }
        current = part.group();
      }
      for (String needed : part.dependsOn()) {
        if (!ids.contains(needed) && !endedGroups.contains(needed)) {
          throw new AtriumException(ErrorCode.MALFORMED_REQUEST, "Request " + part.id() + " depends on " + needed
              + ", which is no earlier request nor an atomicity group that ended before it.");
        }
      }
      if (!ids.add(part.id())) {
        throw new AtriumException(ErrorCode.MALFORMED_REQUEST, "Two requests have the id " + part.id() + ".");
      }
    }
  }

  private List<Part> parse(HttpServletRequest req) throws IOException {
    byte[] bytes;
    try (InputStream in = req.getInputStream()) {
      bytes = in.readNBytes(maxBytes + 1);
    }
    if (bytes.length > maxBytes) {
      throw new AtriumException(ErrorCode.PAYLOAD_TOO_LARGE);
    }
    JsonArray requests;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
      JsonValue array = reader.readObject().get("requests");
      if (array == null || array.getValueType() != JsonValue.ValueType.ARRAY) {
        throw new AtriumException(ErrorCode.MALFORMED_REQUEST, "A JSON batch is {\"requests\":[...]}.");
      }
      requests = array.asJsonArray();
    } catch (JsonException | ClassCastException e) {
      throw new AtriumException(ErrorCode.MALFORMED_REQUEST, "The batch is not JSON.");
    }
    if (requests.size() > maxRequests) {
      throw new AtriumException(ErrorCode.QUERY_LIMIT_EXCEEDED,
          "A batch may hold at most " + maxRequests + " requests; this one has " + requests.size() + ".");
    }
    List<Part> parts = new ArrayList<>();
    for (JsonValue v : requests) {
      if (v.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new AtriumException(ErrorCode.MALFORMED_REQUEST, "Each request of a batch is an object.");
      }
      JsonObject r = v.asJsonObject();
      String id = r.containsKey("id") ? r.get("id").toString().replace("\"", "") : String.valueOf(parts.size() + 1);
      String method = r.getString("method", "").toUpperCase(Locale.ROOT);
      if (!List.of("GET", "POST", "PATCH", "PUT", "DELETE").contains(method) || !r.containsKey("url")) {
        throw new AtriumException(ErrorCode.MALFORMED_REQUEST, "Request " + id + " needs a method (GET, POST, PATCH, PUT, DELETE) and a url.");
      }
      JsonObject headers = r.containsKey("headers") && r.get("headers").getValueType() == JsonValue.ValueType.OBJECT
          ? r.getJsonObject("headers") : null;
      String group = r.containsKey("atomicityGroup") ? r.getString("atomicityGroup", null) : null;
      List<String> dependsOn = new ArrayList<>();
      if (r.get("dependsOn") instanceof JsonArray ids) {
        ids.forEach(d -> dependsOn.add(d instanceof JsonString str ? str.getString() : d.toString()));
      }
      parts.add(new Part(id, method, r.getString("url"), headers, r.get("body"), group, dependsOn));
    }
    checkOrder(parts);
    return parts;
  }
}
