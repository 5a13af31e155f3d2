package dev.atrium.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A bounded, steady load on the farm: one worker per signed-in session, each sending requests one
 * after another (reads of contacts, and every {@code writeEvery}-th request the creation of an
 * account) until it is stopped, its time is up or the total count is reached. Every call is
 * recorded with its start, end and outcome.
 */
final class FarmLoad implements AutoCloseable {

  /** One request: when it started and ended (System.nanoTime), its status (0: no response). */
  record Call(long start, long end, String method, int status, String error, String location) {
    boolean failed() {
      return status < 200 || status >= 300;
    }

    @Override
    public String toString() {
      return method + " " + (status == 0 ? error : String.valueOf(status));
    }
  }

  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService workers;
  private final AtomicInteger remaining;
  private final long deadline;
  private volatile boolean stopped;

  private FarmLoad(int workerCount, int maxRequests, Duration maxTime) {
    this.workers = Executors.newFixedThreadPool(workerCount);
    this.remaining = new AtomicInteger(maxRequests);
    this.deadline = System.nanoTime() + maxTime.toNanos();
  }

  /** Starts one worker per session against {@code base}; writeEvery 0 means reads only. */
  static FarmLoad start(String base, List<Map<String, String>> sessions, int writeEvery, int maxRequests,
      Duration maxTime) {
    FarmLoad load = new FarmLoad(sessions.size(), maxRequests, maxTime);
    for (int w = 0; w < sessions.size(); w++) {
      Map<String, String> cookies = Map.copyOf(sessions.get(w));
      int worker = w;
      load.workers.submit(() -> load.work(base, cookies, writeEvery, worker));
    }
    return load;
  }

  private void work(String base, Map<String, String> cookies, int writeEvery, int worker) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    String cookieHeader = cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "));
    for (int i = 1; !stopped && System.nanoTime() < deadline && remaining.getAndDecrement() > 0; i++) {
      boolean write = writeEvery > 0 && i % writeEvery == 0;
      HttpRequest.Builder rb = HttpRequest.newBuilder().timeout(Duration.ofSeconds(20))
          .header("Cookie", cookieHeader).header("BPMCSRF", cookies.getOrDefault("BPMCSRF", ""))
          .header("Accept", "application/json");
      if (write) {
        rb.uri(URI.create(base + "/0/rest/accounts")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"Farm load " + worker + "-" + i + "\"}"));
      } else {
        rb.uri(URI.create(base + "/0/rest/contacts?top=5")).GET();
      }
      long start = System.nanoTime();
      try {
        HttpResponse<String> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
        calls.add(new Call(start, System.nanoTime(), write ? "POST" : "GET", r.statusCode(), null,
            r.headers().firstValue("Location").orElse(null)));
      } catch (IOException e) {
        calls.add(new Call(start, System.nanoTime(), write ? "POST" : "GET", 0, e.toString(), null));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Stops the workers after their current request and returns every call made. */
  List<Call> stop() {
    stopped = true;
    workers.shutdown();
    try {
      if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
