package dev.atrium.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A client of Atrium's HTTP API that behaves like the integrators' scripts: it keeps the cookies
 * the server sets and sends them back, and echoes BPMCSRF in the header on API calls. Redirects
 * are not followed, so tests see them.
 */
final class AtriumClient {

  static final String SUPERVISOR = "Supervisor";
  static final String SUPERVISOR_PASSWORD = "It-Supervisor-Pa55word";

  /** One response, with helpers to read JSON and Set-Cookie headers. */
  record Reply(int status, Map<String, List<String>> headers, String body) {
    JsonObject json() {
      try (JsonReader r = Json.createReader(new StringReader(body))) {
        return r.readObject();
      }
    }

    jakarta.json.JsonArray jsonArray() {
      try (JsonReader r = Json.createReader(new StringReader(body))) {
        return r.readArray();
      }
    }

    Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }

    /** The Set-Cookie header of one cookie, as the server wrote it. */
    Optional<String> setCookie(String name) {
      return setCookies().stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    List<String> setCookies() {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
          .flatMap(e -> e.getValue().stream()).toList();
    }
  }

  private final String base;
  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  final Map<String, String> cookies = new LinkedHashMap<>();

  AtriumClient(String base) {
    this.base = base;
  }

  static AtriumClient forItServer() {
    return new AtriumClient(System.getProperty("atrium.it.base-url", "http://127.0.0.1:8180"));
  }

  Reply login(String user, String password) {
    String body = Json.createObjectBuilder().add("UserName", user).add("UserPassword", password).build().toString();
    return send("POST", "/ServiceModel/AuthService.svc/Login", body, Map.of("Content-Type", "application/json"));
  }

  AtriumClient signedInAs(String user, String password) {
    Reply r = login(user, password);
    if (r.status() != 200 || r.json().getInt("Code") != 0) {
      throw new AssertionError("sign-in of " + user + " failed: " + r.status() + " " + r.body());
    }
    return this;
  }

  static AtriumClient supervisor() {
    return forItServer().signedInAs(SUPERVISOR, SUPERVISOR_PASSWORD);
  }

  /** An API call as a browser script makes it: cookies plus the BPMCSRF header. */
  Reply api(String method, String path, String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (cookies.containsKey("BPMCSRF")) {
      headers.put("BPMCSRF", cookies.get("BPMCSRF"));
    }
    if (json != null) {
      headers.put("Content-Type", "application/json");
    }
    return send(method, path, json, headers);
  }

  Reply get(String path) {
    return send("GET", path, null, Map.of());
  }

  Reply send(String method, String path, String body, Map<String, String> headers) {
    HttpResponse<String> response = exchange(method, path,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body), headers,
        HttpResponse.BodyHandlers.ofString());
    Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
    reply.setCookies().forEach(this::remember);
    return reply;
  }

  /** A call with a raw body (or none), signed like {@link #api}, answered with raw bytes: media. */
  HttpResponse<byte[]> media(String method, String path, byte[] body, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
    if (cookies.containsKey("BPMCSRF")) {
      headers.put("BPMCSRF", cookies.get("BPMCSRF"));
    }
    return exchange(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body), headers, HttpResponse.BodyHandlers.ofByteArray());
  }

  private <T> HttpResponse<T> exchange(String method, String path, HttpRequest.BodyPublisher body,
      Map<String, String> headers, HttpResponse.BodyHandler<T> handler) {
    HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .method(method, body);
    headers.forEach(rb::header);
    if (!cookies.isEmpty()) {
      rb.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    try {
      return http.send(rb.build(), handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A Set-Cookie that deletes the cookie: Max-Age=0 or an Expires in 1970. */
  static boolean isExpiry(String setCookie) {
    String lower = setCookie.toLowerCase();
    return lower.contains("max-age=0") || lower.matches(".*expires=[a-z]{3}, \\d{2}-[a-z]{3}-1970.*");
  }

  private void remember(String setCookie) {
    String pair = setCookie.split(";", 2)[0];
    String name = pair.substring(0, pair.indexOf('='));
    String value = pair.substring(pair.indexOf('=') + 1);
    if (value.isEmpty() || isExpiry(setCookie)) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }
}
