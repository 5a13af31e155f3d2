import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator of the Atrium benchmark (bench/run.sh). JDK only; run with the source launcher:
 *
 * <pre>
 * BENCH_PASSWORD=... java bench/src/Bench.java --base http://127.0.0.1:8780 --duration 10 --warmup 5
 *     --concurrency 16 --cities bench/target/cities.txt --out bench/target/results.tsv
 *     --scenarios noop,odata-get,odata-page,ds-select,insert,batch100 [--prewarm 5] [--server-pid PID]
 *     [--user Supervisor] [--dump DIR]
 * </pre>
 *
 * Signs in once as --user, the Supervisor by default (password from the environment variable
 * BENCH_PASSWORD). odata-page-rights is odata-page, meant for a user whose record rights reach
 * part of the contacts. With
 * --prewarm S, first runs each read-only scenario of the list for S seconds, unmeasured (JIT). Then for
 * each scenario runs C workers for W seconds of warm-up (not measured) and D seconds measured.
 * Each worker sends one request at a time and records its latency in nanoseconds; a response with
 * an unexpected status (or, for DataService, without "success":true) counts as an error and is
 * not in the latencies; requests and req/s count successful responses only. Prints one line per
 * scenario and appends it to --out as scenario, side (--side, "server" by default), requests, errors,
 * req/s, p50 ms, p99 ms, client CPU cores, server CPU cores (with --server-pid), "java" (the load
 * generator), tab-separated.
 * With --dump DIR it measures nothing: it writes the read scenarios' requests and its session for
 * wrk (see {@link #dump}).
 */
public class Bench {

  /** Upper bound of requests per worker and phase, besides the time bound. */
  static final long MAX_REQUESTS_PER_WORKER = 20_000_000L;
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  static final Pattern ID = Pattern.compile("\"Id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

  record Call(HttpRequest request, int expectedStatus, String mustContain) {}

  interface Scenario {
    Call next(ThreadLocalRandom random);
  }

  record Result(String name, long requests, long errors, double perSecond, double p50Ms, double p99Ms, String firstError,
      double clientCores, double serverCores) {}

  /** The server's process, to report the CPU it used (--server-pid; optional). */
  static ProcessHandle server;

  final String base;
  final HttpClient client;
  String cookies;
  String csrf;
  List<String> contactIds;
  List<String> accountIds;
  final AtomicLong serial = new AtomicLong();
  /** While requests are written out (--dump): the body of each POST built, which HttpRequest does not keep readable. */
  final Map<HttpRequest, String> bodies = new IdentityHashMap<>();
  boolean recording;
  final String runTag = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

  Bench(String base) {
    this.base = base;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>(Map.of("--base", "http://127.0.0.1:8780", "--duration", "10",
        "--warmup", "5", "--concurrency", "16", "--scenarios", "noop,odata-get,odata-page,ds-select,insert,batch100",
        "--user", "Supervisor"));
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: --name value ... (bad argument " + args[i] + ")");
      }
      opts.put(args[i], args[++i]);
    }
    String password = System.getenv("BENCH_PASSWORD");
    if (password == null || password.isEmpty()) {
      System.err.println("Bench: set BENCH_PASSWORD to the Supervisor's password");
      System.exit(2);
    }
    int duration = Integer.parseInt(opts.get("--duration"));
    int warmup = Integer.parseInt(opts.get("--warmup"));
    int concurrency = Integer.parseInt(opts.get("--concurrency"));
    List<String> cities = opts.containsKey("--cities")
        ? Files.readAllLines(Path.of(opts.get("--cities"))).stream().filter(s -> !s.isBlank()).toList()
        : List.of("Amsterdam", "Paris", "New York");
    Path out = opts.containsKey("--out") ? Path.of(opts.get("--out")) : null;
    server = opts.containsKey("--server-pid") ? ProcessHandle.of(Long.parseLong(opts.get("--server-pid"))).orElse(null) : null;

    Bench bench = new Bench(opts.get("--base"));
    bench.login(opts.get("--user"), password);
    if (opts.containsKey("--dump")) {
      bench.dump(Path.of(opts.get("--dump")), List.of(opts.get("--scenarios").split(",")), cities, opts.get("--user"), password);
      return;
    }
    int prewarm = Integer.parseInt(opts.getOrDefault("--prewarm", "0"));
    if (prewarm > 0) {
      // The server's JIT needs far more than one scenario's warm-up; without this, the first
      // scenario measured (noop, the reference) would be measured on a half-compiled server.
      // Read-only scenarios only, so the data stay as seeded.
      for (String name : opts.get("--scenarios").split(",")) {
        if (READS.contains(name.trim())) {
          try {
            Result r = run(bench, name.trim(), bench.scenario(name.trim(), cities), concurrency, prewarm);
            System.out.printf(Locale.ROOT, "pre-warm-up %-11s %ds, %d requests, %d errors (not measured)%n",
                name.trim(), prewarm, r.requests(), r.errors());
          } catch (SetupFailure e) {
            // reported when the scenario itself runs
          }
        }
      }
    }
    for (String name : opts.get("--scenarios").split(",")) {
      Result result;
      try {
        Scenario scenario = bench.scenario(name.trim(), cities);
        run(bench, name, scenario, concurrency, warmup);   // warm-up, not measured
        result = run(bench, name, scenario, concurrency, duration);
      } catch (SetupFailure e) {
        result = new Result(name, 0, 1, 0, Double.NaN, Double.NaN, e.getMessage(), Double.NaN, Double.NaN);
      }
      String line = String.format(Locale.ROOT, "%-11s server   %8d requests %6d errors %10.1f req/s  p50 %8.3f ms  p99 %8.3f ms"
          + "  (CPU: client %.2f, server %.2f cores)", result.name(), result.requests(), result.errors(), result.perSecond(),
          result.p50Ms(), result.p99Ms(), result.clientCores(), result.serverCores());
      System.out.println(line.replace("NaN", "  -"));
      if (result.firstError() != null) {
        System.out.println("  first error (" + result.name() + "): " + result.firstError());
      }
      if (out != null) {
        String tsv = String.join("\t", result.name(), opts.getOrDefault("--side", "server"), Long.toString(result.requests()),
            Long.toString(result.errors()), String.format(Locale.ROOT, "%.1f", result.perSecond()), num(result.p50Ms()),
            num(result.p99Ms()), num2(result.clientCores()), num2(result.serverCores()), "java") + "\n";
        Files.writeString(out, tsv, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
    }
  }

  static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  static String num2(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }

  /** CPU time a process has used so far, in nanoseconds (-1 if unknown). */
  static long cpuNanos(ProcessHandle process) {
    return process == null ? -1 : process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
  }

  /** A scenario that cannot start (no ids to pick from): reported as one error. */
  static final class SetupFailure extends Exception {
    SetupFailure(String message) {
      super(message);
    }
  }

  void login(String user, String password) throws IOException, InterruptedException {
    String body = "{\"UserName\":\"" + json(user) + "\",\"UserPassword\":\"" + json(password) + "\"}";
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/ServiceModel/AuthService.svc/Login"))
        .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    Map<String, String> jar = new LinkedHashMap<>();
    for (String header : response.headers().allValues("set-cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        jar.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    if (response.statusCode() != 200 || !response.body().contains("\"Code\":0") || !jar.containsKey("BPMCSRF")) {
      System.err.println("Bench: sign-in failed: HTTP " + response.statusCode() + " " + response.body()
          + " cookies " + jar.keySet());
      System.exit(1);
    }
    csrf = jar.get("BPMCSRF");
    cookies = String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    System.out.println("signed in as " + user + " (cookies: " + String.join(", ", jar.keySet()) + ")");
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
        .header("Cookie", cookies).header("BPMCSRF", csrf).header("Accept", "application/json");
  }

  HttpRequest get(String path) {
    return request(path).GET().build();
  }

  HttpRequest post(String path, String json) {
    HttpRequest post = request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    if (recording) {
      bodies.put(post, json);
    }
    return post;
  }

  /** Up to 1,000 ids of an entity set, through OData ($select=Id&$top=1000). */
  List<String> ids(String entitySet) throws SetupFailure {
    String path = "/0/odata/" + entitySet + "?$select=Id&$top=1000";
    try {
      HttpResponse<String> response = client.send(get(path), HttpResponse.BodyHandlers.ofString());
      List<String> ids = new ArrayList<>();
      Matcher m = ID.matcher(response.body());
      while (m.find() && ids.size() < 1000) {
        ids.add(m.group(1));
      }
      if (response.statusCode() != 200 || ids.isEmpty()) {
        throw new SetupFailure("GET " + path + " -> HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
      }
      System.out.println("fetched " + ids.size() + " " + entitySet + " ids");
      return ids;
    } catch (IOException e) {
      throw new SetupFailure("GET " + path + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SetupFailure("interrupted");
    }
  }

  List<String> contactIds() throws SetupFailure {
    if (contactIds == null) {
      contactIds = ids("Contact");
    }
    return contactIds;
  }

  List<String> accountIds() throws SetupFailure {
    if (accountIds == null) {
      accountIds = ids("Account");
    }
    return accountIds;
  }

  static final String DS_SELECT = "{\"RootSchemaName\":\"Contact\",\"Columns\":{\"Items\":{"
      + "\"Name\":{\"OrderDirection\":1,\"OrderPosition\":0,\"Expression\":{\"ExpressionType\":0,\"ColumnPath\":\"Name\"}},"
      + "\"Account\":{\"Expression\":{\"ExpressionType\":0,\"ColumnPath\":\"Account\"}},"
      + "\"Email\":{\"Expression\":{\"ExpressionType\":0,\"ColumnPath\":\"Email\"}}}},"
      + "\"Filters\":{\"FilterType\":1,\"ComparisonType\":3,\"LeftExpression\":{\"ExpressionType\":0,\"ColumnPath\":\"Account\"},"
      + "\"RightExpression\":{\"ExpressionType\":2,\"Parameter\":{\"DataValueType\":10,\"Value\":\"%s\"}}},\"RowCount\":50}";
  static final String BATCH_ITEM = "{\"__type\":\"Terrasoft.Nui.ServiceModel.DataContract.InsertQuery\",\"RootSchemaName\":\"Contact\","
      + "\"ColumnValues\":{\"Items\":{\"Name\":{\"ExpressionType\":2,\"Parameter\":{\"DataValueType\":1,\"Value\":\"Batch %s\"}},"
      + "\"AccountId\":{\"ExpressionType\":2,\"Parameter\":{\"DataValueType\":0,\"Value\":\"%s\"}}}}}";

  /** The read scenarios, which leave the data as they are: each picks one of a fixed set of requests. */
  static final List<String> READS = List.of("noop", "odata-get", "odata-page", "odata-page-rights", "ds-select",
      "odata-expand", "odata-count");

  /** The page by city of odata-page; {@code more} adds query options ("&$count=true"). */
  List<Call> pages(List<String> cities, String more) {
    return cities.stream().map(city -> new Call(get("/0/odata/Contact?$filter="
        + encode("City eq '" + city.replace("'", "''") + "'") + "&$orderby=Name&$top=50" + more), 200, "\"Id\":")).toList();
  }

  /**
   * The requests a scenario with a fixed set of them picks from: the reads, and for wrk (--dump)
   * sign-in (the password sign-in of the signed-in user, without a session; its answer must say
   * "Code":0) and odata-batch100 (an OData JSON $batch of 100 contact inserts in one atomicity
   * group; every part must answer 201), each of 20 bodies naming other accounts.
   */
  List<Call> fixedCalls(String name, List<String> cities) throws SetupFailure {
    switch (name) {
      case "sign-in":
        return List.of(new Call(HttpRequest.newBuilder(URI.create(base + "/ServiceModel/AuthService.svc/Login"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(), 200, "\"Code\":0"));
      case "odata-batch100": {
        List<String> accounts = accountIds();
        List<Call> calls = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
          StringBuilder body = new StringBuilder(24_000).append("{\"requests\":[");
          for (int i = 0; i < 100; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"atomicityGroup\":\"all\",")
                .append("\"method\":\"POST\",\"url\":\"Contact\",\"headers\":{\"content-type\":\"application/json\"},")
                .append("\"body\":{\"Name\":\"Bench batch ").append(runTag).append('-').append(b).append('-').append(i)
                .append("\",\"AccountId\":\"").append(accounts.get((b * 100 + i) % accounts.size())).append("\"}}");
          }
          calls.add(new Call(post("/0/odata/$batch", body.append("]}").toString()), 200, "\"status\":201"));
        }
        return calls;
      }
      case "odata-expand":
        return pages(cities, "&$select=Name,Email&$expand=" + encode("Account($select=Name)"));
      case "odata-count":
        return pages(cities, "&$count=true");
      default:
        return readCalls(name, cities);
    }
  }

  /** The requests a read scenario picks from. */
  List<Call> readCalls(String name, List<String> cities) throws SetupFailure {
    switch (name) {
      case "noop":
        return List.of(new Call(get("/0/rest/ping"), 200, "\"Status\":\"Ok\""));
      case "odata-get":
        return contactIds().stream().map(id -> new Call(get("/0/odata/Contact(" + id + ")"), 200, null)).toList();
      case "odata-page":
      case "odata-page-rights":
        // the same page for the Supervisor (who bypasses record rights) and, signed in as the user
        // of bench/run.sh who sees a tenth of the contacts, through record rights: never empty
        return pages(cities, "");
      case "ds-select":
        return accountIds().stream().map(id -> new Call(post("/0/DataService/json/SyncReply/SelectQuery",
            String.format(Locale.ROOT, DS_SELECT, id)), 200, "\"success\":true")).toList();
      default:
        throw new SetupFailure("not a read scenario: " + name);
    }
  }

  /**
   * Writes what another load generator needs to send the read scenarios (bench/wrk/atrium.lua):
   * per scenario DIR/NAME.requests, a line per request, "METHOD, TAB, path and query, TAB, body";
   * DIR/NAME.expect, what each answer must contain, if anything; DIR/session, the Cookie header and
   * the BPMCSRF value of this sign-in. Owner-only files: the session and sign-in's password are secrets.
   */
  void dump(Path dir, List<String> names, List<String> cities, String user, String password) throws IOException, SetupFailure {
    Files.createDirectories(dir);
    ownerOnly(dir.resolve("session"), cookies + "\n" + csrf + "\n");
    recording = true;
    for (String name : names) {
      StringBuilder lines = new StringBuilder();
      List<Call> calls = fixedCalls(name, cities);
      if (name.equals("sign-in")) {
        bodies.put(calls.get(0).request(), "{\"UserName\":\"" + json(user) + "\",\"UserPassword\":\"" + json(password) + "\"}");
      }
      if (calls.get(0).mustContain() != null) {
        ownerOnly(dir.resolve(name + ".expect"), calls.get(0).mustContain());
      }
      for (Call call : calls) {
        URI uri = call.request().uri();
        lines.append(call.request().method()).append('\t').append(uri.getRawPath())
            .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append('\t')
            .append(bodies.getOrDefault(call.request(), "")).append('\n');
      }
      ownerOnly(dir.resolve(name + ".requests"), lines.toString());
    }
  }

  static void ownerOnly(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, text);
  }

  Scenario scenario(String name, List<String> cities) throws SetupFailure {
    if (READS.contains(name)) {
      List<Call> calls = readCalls(name, cities);
      return r -> calls.get(r.nextInt(calls.size()));
    }
    switch (name) {
      case "insert": {
        List<String> accounts = accountIds();
        return r -> {
          String n = runTag + "-" + serial.incrementAndGet();
          String body = "{\"Name\":\"Bench " + n + "\",\"AccountId\":\"" + accounts.get(r.nextInt(accounts.size()))
              + "\",\"Email\":\"b" + n + "@bench.example\"}";
          return new Call(post("/0/odata/Contact", body), 201, null);
        };
      }
      case "batch100": {
        List<String> accounts = accountIds();
        return r -> {
          StringBuilder body = new StringBuilder(32_000).append("{\"items\":[");
          for (int i = 0; i < 100; i++) {
            body.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, BATCH_ITEM,
                runTag + "-" + serial.incrementAndGet(), accounts.get(r.nextInt(accounts.size()))));
          }
          return new Call(post("/0/DataService/json/SyncReply/BatchQuery", body.append("]}").toString()), 200, "\"success\":true");
        };
      }
      default:
        throw new SetupFailure("unknown scenario " + name);
    }
  }

  /** Latencies of one worker, in nanoseconds. */
  static final class Latencies {
    long[] values = new long[4096];
    int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }

  record WorkerResult(Latencies latencies, long errors) {}

  static Result run(Bench bench, String name, Scenario scenario, int concurrency, int seconds)
      throws InterruptedException {
    if (seconds <= 0) {
      return new Result(name, 0, 0, 0, Double.NaN, Double.NaN, null, Double.NaN, Double.NaN);
    }
    long clientCpu0 = cpuNanos(ProcessHandle.current());
    long serverCpu0 = cpuNanos(server);
    AtomicReference<String> firstError = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<WorkerResult>> futures = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      futures.add(pool.submit(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Latencies latencies = new Latencies();
        long errors = 0;
        for (long i = 0; i < MAX_REQUESTS_PER_WORKER && System.nanoTime() < deadline; i++) {
          Call call = scenario.next(random);
          long t0 = System.nanoTime();
          try {
            HttpResponse<byte[]> response = bench.client.send(call.request(), HttpResponse.BodyHandlers.ofByteArray());
            long elapsed = System.nanoTime() - t0;
            boolean ok = response.statusCode() == call.expectedStatus();
            if (ok && call.mustContain() != null) {
              ok = new String(response.body(), StandardCharsets.UTF_8).contains(call.mustContain());
            }
            if (ok) {
              latencies.add(elapsed);
            } else {
              errors++;
              firstError.compareAndSet(null, call.request().method() + " " + call.request().uri().getRawPath()
                  + (call.request().uri().getRawQuery() == null ? "" : "?" + call.request().uri().getRawQuery())
                  + " -> HTTP " + response.statusCode() + " (expected " + call.expectedStatus() + "): "
                  + abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
            }
          } catch (IOException e) {
            errors++;
            firstError.compareAndSet(null, call.request().method() + " " + call.request().uri() + " failed: " + e);
          }
        }
        return new WorkerResult(latencies, errors);
      }));
    }
    pool.shutdown();
    long total = 0;
    long errors = 0;
    List<Latencies> all = new ArrayList<>();
    for (Future<WorkerResult> f : futures) {
      try {
        WorkerResult r = f.get(seconds + REQUEST_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
        all.add(r.latencies());
        total += r.latencies().size;
        errors += r.errors();
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        errors++;
        firstError.compareAndSet(null, "worker failed: " + e);
      }
    }
    long elapsed = System.nanoTime() - start;
    long clientCpu1 = cpuNanos(ProcessHandle.current());
    long serverCpu1 = cpuNanos(server);
    pool.shutdownNow();
    long[] merged = new long[(int) total];
    int at = 0;
    for (Latencies l : all) {
      System.arraycopy(l.values, 0, merged, at, l.size);
      at += l.size;
    }
    Arrays.sort(merged);
    return new Result(name, total, errors, total / (elapsed / 1e9), percentile(merged, 0.50), percentile(merged, 0.99),
        firstError.get(), cores(clientCpu0, clientCpu1, elapsed), cores(serverCpu0, serverCpu1, elapsed));
  }

  /** Average number of cores busy over {@code elapsed} (NaN if unknown). */
  static double cores(long cpu0, long cpu1, long elapsed) {
    return cpu0 < 0 || cpu1 < 0 ? Double.NaN : (cpu1 - cpu0) / (double) elapsed;
  }

  /** Nearest-rank percentile in milliseconds (NaN if there are none). */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  static String abbreviate(String s) {
    String oneLine = s.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= 2000 ? oneLine : oneLine.substring(0, 2000) + "...";
  }
}
