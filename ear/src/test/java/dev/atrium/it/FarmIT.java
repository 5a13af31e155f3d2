package dev.atrium.it;

import static dev.atrium.it.FarmControl.HAPROXY;
import static dev.atrium.it.FarmControl.node;
import static dev.atrium.it.FarmControl.sleep;
import static dev.atrium.it.FarmControl.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.it.AtriumClient.Reply;
import dev.atrium.it.FarmLoad.Call;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real local farm (bin/farm.sh): two WildFly nodes configured by {@code configure.sh
 * --farm-node}, HAProxy in front (standalone-config/haproxy/haproxy.cfg), a Redis with AOF and a
 * PostgreSQL database of their own. The scheduler's heartbeat fires every second on this farm.
 * Figures are printed (prefix "FARM"), never asserted as timings.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FarmIT {

  private static final FarmControl FARM = new FarmControl();
  private static final String HEARTBEAT = "scheduler-heartbeat";
  private static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
  private static final Map<String, Object> FIGURES = new LinkedHashMap<>();

  @BeforeAll
  static void startFarm() {
    long t = System.nanoTime();
    FARM.start();
    figure("farm start (2 nodes, HAProxy, Redis), s", seconds(System.nanoTime() - t));
  }

  @AfterAll
  static void stopFarm() {
    try {
      FARM.stop();
    } finally {
      FIGURES.forEach((k, v) -> System.out.println("FARM " + k + ": " + v));
    }
  }

  @Test
  @Order(1)
  void theNodesFormOneClusterWithTheirOwnIdentities() {
    for (int n = 1; n <= FarmControl.NODES; n++) {
      assertEquals("UP", FARM.haproxyStatus(n), "HAProxy checks node " + n + " on /0/ping");
      String view = FARM.cli(n, "/subsystem=jgroups/channel=ee:read-attribute(name=view)");
      assertTrue(view.contains("node1") && view.contains("node2") && view.contains("(2)"),
          "JGroups over TCP with the configured member list joins both nodes: " + view);
      String txId = FARM.cli(n, "/subsystem=transactions:read-attribute(name=node-identifier, resolve-expressions=true)");
      assertTrue(txId.contains("\"node" + n + "\""), "a transaction node identifier of its own: " + txId);
    }
  }

  @Test
  @Order(2)
  void aSessionWorksOnEveryNodeAndAWriteIsReadOnTheOtherAtOnce() {
    AtriumClient one = new AtriumClient(node(1)).signedInAs(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD);
    AtriumClient two = sameSession(one, node(2));
    assertEquals(200, two.api("GET", "/0/rest/contacts?top=1", null).status(), "node 2 knows node 1's session");

    Reply created = one.api("POST", "/0/rest/accounts", "{\"Name\":\"Counter\",\"Notes\":\"0\"}");
    assertEquals(201, created.status(), created.body());
    String path = URI.create(created.header("Location").orElseThrow()).getPath();
    // 50 increments, each read on one node and written on the other: none may be lost.
    for (int i = 0; i < 50; i++) {
      AtriumClient reader = i % 2 == 0 ? two : one;
      AtriumClient writer = i % 2 == 0 ? one : two;
      int seen = Integer.parseInt(reader.api("GET", path, null).json().getString("Notes"));
      assertEquals(i, seen, "the other node reads the value written just before");
      Reply put = writer.api("PUT", path, "{\"Name\":\"Counter\",\"Notes\":\"" + (seen + 1) + "\"}");
      assertEquals(200, put.status(), put.body());
    }
    assertEquals("50", one.api("GET", path, null).json().getString("Notes"));
    assertEquals("50", two.api("GET", path, null).json().getString("Notes"));
  }

  @Test
  @Order(3)
  void throughputThroughHaproxyAndOnOneNode() {
    List<Map<String, String>> sessions = signIn(HAPROXY, 4);
    rate(HAPROXY, sessions, Duration.ofSeconds(10)); // warm-up of both nodes
    figure("reads/s through HAProxy, 2 nodes, 4 clients", rate(HAPROXY, sessions, Duration.ofSeconds(5)));
    figure("reads/s on node 1 direct, 4 clients", rate(node(1), sessions, Duration.ofSeconds(5)));
    // HAProxy's own cost: the same node behind it, node 2 drained (both JVMs share two cores).
    FARM.haproxy("set server atrium/node2 state drain");
    try {
      figure("reads/s through HAProxy to node 1 alone, 4 clients", rate(HAPROXY, sessions, Duration.ofSeconds(5)));
    } finally {
      FARM.haproxy("set server atrium/node2 state ready");
    }
  }

  @Test
  @Order(4)
  void killingANodeUnderLoadLosesNoSessionAndFailsOnlyRequestsInFlightOnIt() throws Exception {
    int victim = nodeOfLatestHeartbeat();
    int survivor = 3 - victim;
    List<Map<String, String>> sessions = signIn(HAPROXY, 4);
    FarmLoad load = FarmLoad.start(HAPROXY, sessions, 5, 50_000, Duration.ofSeconds(40));
    sleep(5_000);
    Instant killedAt = Instant.now();
    long killStart = System.nanoTime();
    FARM.killNode(victim);
    long killed = System.nanoTime();
    assertTrue(within(Duration.ofSeconds(10), () -> !FARM.haproxyStatus(victim).equals("UP")),
        "HAProxy takes the dead node out of rotation");
    long down = System.nanoTime();
    sleep(6_000);
    List<Call> calls = load.stop();

    List<Call> failed = calls.stream().filter(Call::failed).toList();
    long inFlight = calls.stream().filter(c -> c.start() < killed && c.end() > killStart).count();
    long afterKill = calls.stream().filter(c -> c.start() > killed).count();
    figure("kill -9: requests / failed / in flight at the kill", calls.size() + " / " + failed.size() + " / " + inFlight);
    figure("kill -9: HAProxy marks the node down after, ms", (down - killed) / 1_000_000);
    figure("kill -9: slowest request, ms", calls.stream().mapToLong(c -> (c.end() - c.start()) / 1_000_000).max().orElse(0));
    assertTrue(afterKill > 100, "the load went on after the kill: " + afterKill);
    assertTrue(failed.stream().allMatch(c -> c.start() < killed),
        "only requests already in flight when the node died may fail: " + failed);
    assertTrue(failed.size() <= inFlight, failed.size() + " failed, " + inFlight + " in flight");
    assertTrue(failed.stream().allMatch(c -> c.method().equals("POST")),
        "reads in flight are retried by HAProxy on the other node: " + failed);

    for (Map<String, String> s : sessions) {
      assertEquals(200, client(HAPROXY, s).api("GET", "/0/rest/contacts?top=1", null).status(), "no session lost");
    }
    AtriumClient check = client(node(survivor), sessions.get(0));
    List<String> acknowledged = calls.stream().filter(c -> c.status() == 201).map(Call::location).toList();
    assertFalse(acknowledged.isEmpty());
    for (String location : acknowledged) {
      assertEquals(200, check.api("GET", URI.create(location).getPath(), null).status(), "acknowledged write kept");
    }

    long restart = System.nanoTime();
    FARM.startNode(victim);
    assertTrue(within(Duration.ofSeconds(30), () -> FARM.haproxyStatus(victim).equals("UP")), "the node rejoins");
    figure("killed node restarted until UP in HAProxy, s", seconds(System.nanoTime() - restart));
    for (Map<String, String> s : sessions) {
      assertEquals(200, client(node(victim), s).api("GET", "/0/rest/contacts?top=1", null).status(),
          "the restarted node serves the sessions made before");
    }

    eachHeartbeatFiredOnceWithoutGaps(killedAt, victim);
  }

  /** The heartbeat fires every second: one record per scheduled second across the kill. */
  private void eachHeartbeatFiredOnceWithoutGaps(Instant killedAt, int victim) throws Exception {
    // The survivor takes over the dead node's triggers once it misses its check-ins (about 15 s),
    // then runs the firings missed meanwhile (within the 30 s misfire threshold).
    Instant until = killedAt.plusSeconds(30);
    List<Heartbeat> beats = heartbeatsBetween(killedAt.minusSeconds(20), until);
    assertTrue(beats.size() >= 45, "a window of 50 s around the kill: " + beats.size());
    assertContinuous(beats);
    assertTrue(beats.stream().allMatch(h -> h.status().equals("Succeeded")), beats.toString());
    assertTrue(beats.stream().filter(h -> h.attempts() != 1).count() <= 1,
        "at most the firing running on the dead node is run again: " + beats);
    assertTrue(beats.stream().anyMatch(h -> h.node().startsWith("node" + victim + "-") && h.fireTime().isBefore(killedAt)),
        "the killed node ran heartbeats before it died");
    assertTrue(beats.stream().filter(h -> h.fireTime().isAfter(killedAt.plusSeconds(1)) && h.fireTime().isBefore(killedAt.plusSeconds(20)))
        .allMatch(h -> h.node().startsWith("node" + (3 - victim) + "-")), "the survivor ran the firings after the kill");
    int repeats = 0;
    for (int n = 1; n <= FarmControl.NODES; n++) {
      Matcher m = Pattern.compile("ATRIUM-0407 Job " + HEARTBEAT).matcher(FARM.serverLog(n));
      while (m.find()) {
        repeats++;
      }
    }
    assertTrue(repeats <= 1, "a firing that succeeded is not fired again: " + repeats);
    figure("heartbeats checked around the kill (one per second, no gap)", beats.size());
  }

  @Test
  @Order(5)
  void aGracefulShutdownUnderLoadFailsNothing() throws Exception {
    List<Map<String, String>> sessions = signIn(HAPROXY, 4);
    FarmLoad load = FarmLoad.start(HAPROXY, sessions, 5, 50_000, Duration.ofSeconds(60));
    sleep(4_000);
    Instant stopping = Instant.now();
    long t = System.nanoTime();
    FARM.stopNode(2);
    figure("graceful stop of a node (drain, then shutdown), s", seconds(System.nanoTime() - t));
    Instant stopped = Instant.now();
    sleep(3_000);
    List<Call> calls = load.stop();
    List<Call> failed = calls.stream().filter(Call::failed).toList();
    figure("graceful stop: requests / failed", calls.size() + " / " + failed.size());
    assertTrue(failed.isEmpty(), "no request fails when a node is drained and stopped: " + failed);
    assertTrue(calls.size() > 100, "the load ran: " + calls.size());
    List<Heartbeat> beats = heartbeatsBetween(stopping.minusSeconds(5), stopped.plusSeconds(2));
    assertContinuous(beats);
    assertTrue(beats.stream().allMatch(h -> h.attempts() == 1 && h.status().equals("Succeeded")),
        "the stopping node finished its firings and started none it could not finish: " + beats);
    assertFalse(FARM.serverLog(2).contains("ComponentIsStoppedException"),
        "the scheduler stops before the services its jobs call");
    FARM.startNode(2);
    assertTrue(within(Duration.ofSeconds(30), () -> FARM.haproxyStatus(2).equals("UP")));
  }

  @Test
  @Order(6)
  void sessionsSurviveARedisRestartAndRequestsMeanwhileGet503() {
    AtriumClient client = new AtriumClient(HAPROXY).signedInAs(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD);
    Reply created = client.api("POST", "/0/rest/accounts", "{\"Name\":\"Before the Redis restart\"}");
    assertEquals(201, created.status());
    FARM.stopRedis();
    try {
      Reply during = client.api("GET", "/0/rest/contacts?top=1", null);
      assertEquals(503, during.status(), during.body());
      assertTrue(during.header("Retry-After").isPresent(), "Retry-After tells clients when to come back");
      assertEquals("SERVICE_UNAVAILABLE", during.json().getString("ErrorCode"), during.body());
      assertEquals(200, new AtriumClient(HAPROXY).get("/0/ping").status(), "the nodes stay alive without Redis");
      assertEquals("UP", FARM.haproxyStatus(1));
    } finally {
      FARM.startRedis();
    }
    // Each node's first requests after the restart succeed: its pooled connections to the old
    // Redis are checked and replaced, not failed one request each.
    for (int n = 1; n <= FarmControl.NODES; n++) {
      assertEquals(200, sameSession(client, node(n)).api("GET", "/0/rest/contacts?top=1", null).status(),
          "the same session works again on node " + n + ", from the append-only file, without a node restart");
      new AtriumClient(node(n)).signedInAs(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD);
    }
    assertEquals(200, client.api("GET", URI.create(created.header("Location").orElseThrow()).getPath(), null).status());
  }

  @Test
  @Order(7)
  void theFarmRecoversFromADatabaseRestartWithoutLosingAcknowledgedWrites() throws Exception {
    Assumptions.assumeTrue(FARM.canControlPostgres(), "restarting PostgreSQL needs root or password-less sudo");
    AtriumClient client = new AtriumClient(HAPROXY).signedInAs(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD);
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Reply r = client.api("POST", "/0/rest/accounts", "{\"Name\":\"Before the database restart " + i + "\"}");
      assertEquals(201, r.status());
      written.add(URI.create(r.header("Location").orElseThrow()).getPath());
    }
    FARM.postgres("stop");
    try {
      for (String path : List.of("/0/rest/contacts?top=1", written.get(0))) {
        Reply during = client.api("GET", path, null);
        assertEquals(503, during.status(), "a clear 503, not a 500: " + during.body());
        assertTrue(during.header("Retry-After").isPresent());
        assertEquals("SERVICE_UNAVAILABLE", during.json().getString("ErrorCode"));
      }
      Reply write = client.api("POST", "/0/rest/accounts", "{\"Name\":\"During the outage\"}");
      assertEquals(503, write.status(), write.body());
    } finally {
      FARM.postgres("start");
    }
    long t = System.nanoTime();
    assertTrue(within(Duration.ofSeconds(30), () -> client.api("GET", "/0/rest/contacts?top=1", null).status() == 200),
        "the pools replace their dead connections by themselves");
    figure("PostgreSQL restarted until requests succeed, s", seconds(System.nanoTime() - t));
    for (int n = 1; n <= FarmControl.NODES; n++) {
      AtriumClient direct = sameSession(client, node(n));
      for (String path : written) {
        assertEquals(200, direct.api("GET", path, null).status(), "acknowledged write kept, read on node " + n);
      }
      Reply after = direct.api("POST", "/0/rest/accounts", "{\"Name\":\"After the database restart\"}");
      assertEquals(201, after.status(), "node " + n + " writes again: " + after.body());
    }
  }

  /** What node n logged after the first {@code from} characters of its log. */
  private static String sinceSuspend(int n, int from) {
    try {
      return FARM.serverLog(n).substring(from);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @Order(8)
  void firingsWhileTheServersAreSuspendedAreHandedOffAndRunOnceWhenTheyRunAgain() throws Exception {
    Instant start = Instant.now();
    // After the database restart before, Quartz waits a while before it takes triggers again.
    assertTrue(within(Duration.ofSeconds(90), () -> heartbeats().stream().anyMatch(h -> h.fireTime().isAfter(start))),
        "the heartbeat fires before the suspend");
    int[] handOffsBefore = new int[FarmControl.NODES + 1];
    int[] logBefore = new int[FarmControl.NODES + 1];
    for (int n = 1; n <= FarmControl.NODES; n++) {
      String log = FARM.serverLog(n);
      handOffsBefore[n] = handedOff(log).size();
      logBefore[n] = log.length();
    }
    Instant suspending = Instant.now();
    for (int n = 1; n <= FarmControl.NODES; n++) {
      FARM.cli(n, ":suspend");
    }
    sleep(4_000);
    for (int n = 1; n <= FarmControl.NODES; n++) {
      FARM.cli(n, ":resume");
    }
    Instant resumed = Instant.now();
    assertTrue(within(Duration.ofSeconds(30), () -> heartbeats().stream().anyMatch(h -> h.fireTime().isAfter(resumed.plusSeconds(2)))),
        "the heartbeat goes on after the resume");
    List<Instant> handedOff = new ArrayList<>();
    for (int n = 1; n <= FarmControl.NODES; n++) {
      // Only what the node logged since this test suspended it: the log goes on across the restarts
      // of the tests before, and a shutdown stands the scheduler by without a resume. A node stands
      // by only when a firing comes to it while suspended, and logs its resume just after it.
      int node = n;
      assertTrue(within(Duration.ofSeconds(10), () -> {
        String since = sinceSuspend(node, logBefore[node]);
        return count(since, "ATRIUM-0410") == count(since, "ATRIUM-0411");
      }), "node " + n + " resumed each time it stood by");
      List<Instant> mine = handedOff(FARM.serverLog(n));
      handedOff.addAll(mine.subList(handOffsBefore[n], mine.size()));
    }
    assertFalse(handedOff.isEmpty(), "a firing came while the servers were suspended");
    List<Heartbeat> beats = heartbeats();
    for (Instant firing : handedOff) {
      assertTrue(within(Duration.ofSeconds(30), () -> heartbeats().stream()
              .anyMatch(h -> h.fireTime().equals(firing) && h.status().equals("Succeeded"))),
          "the handed-off firing " + firing + " ran after the resume: " + beats);
    }
    List<Heartbeat> around = heartbeatsBetween(suspending.minusSeconds(2), resumed.plusSeconds(3));
    assertTrue(around.stream().allMatch(h -> h.status().equals("Succeeded") && h.attempts() == 1),
        "no firing was started on a suspended server and left behind: " + around);
    figure("firings handed off while both nodes were suspended for 4 s", handedOff.size());
  }

  private static List<Instant> handedOff(String log) {
    Matcher m = Pattern.compile("ATRIUM-0409 Job " + HEARTBEAT + " firing (\\S+) handed").matcher(log);
    List<Instant> found = new ArrayList<>();
    while (m.find()) {
      found.add(Instant.parse(m.group(1)));
    }
    return found;
  }

  private static int count(String log, String id) {
    return log.split(id, -1).length - 1;
  }

  // --- helpers

  record Heartbeat(Instant fireTime, String node, int attempts, String status) {}

  private static List<Heartbeat> heartbeats() {
    try (Connection c = FarmControl.database();
        PreparedStatement s = c.prepareStatement(
            "SELECT FireTime, NodeId, Attempts, Status FROM SysJobRun WHERE JobName = ? ORDER BY FireTime")) {
      s.setString(1, HEARTBEAT);
      List<Heartbeat> beats = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Timestamp fire = rs.getTimestamp(1);
          beats.add(new Heartbeat(fire.toLocalDateTime().toInstant(ZoneOffset.UTC), rs.getString(2), rs.getInt(3),
              rs.getString(4)));
        }
      }
      return beats;
    } catch (SQLException e) {
      throw new AssertionError("cannot read the heartbeat records", e);
    }
  }

  /** The heartbeats scheduled in [from, to], once the farm has fired beyond {@code to}. */
  private static List<Heartbeat> heartbeatsBetween(Instant from, Instant to) {
    assertTrue(within(Duration.ofSeconds(60), () -> heartbeats().stream().anyMatch(h -> h.fireTime().isAfter(to))),
        "the heartbeat goes on");
    return heartbeats().stream().filter(h -> !h.fireTime().isBefore(from) && !h.fireTime().isAfter(to)).toList();
  }

  /** One firing per interval: none missed, none doubled. */
  private static void assertContinuous(List<Heartbeat> beats) {
    assertFalse(beats.isEmpty());
    for (int i = 1; i < beats.size(); i++) {
      assertEquals(HEARTBEAT_INTERVAL, Duration.between(beats.get(i - 1).fireTime(), beats.get(i).fireTime()),
          "no firing missed between " + beats.get(i - 1) + " and " + beats.get(i));
    }
  }

  /** The node that ran the latest heartbeat, so that the kill interrupts the scheduler's work. */
  private static int nodeOfLatestHeartbeat() {
    assertTrue(within(Duration.ofSeconds(30), () -> !heartbeats().isEmpty()), "the heartbeat fires");
    List<Heartbeat> beats = heartbeats();
    String latest = beats.get(beats.size() - 1).node();
    return latest.startsWith("node2-") ? 2 : 1;
  }

  private static List<Map<String, String>> signIn(String base, int count) {
    return IntStream.range(0, count).mapToObj(i -> (Map<String, String>) new HashMap<>(
        new AtriumClient(base).signedInAs(AtriumClient.SUPERVISOR, AtriumClient.SUPERVISOR_PASSWORD).cookies)).toList();
  }

  private static AtriumClient client(String base, Map<String, String> cookies) {
    AtriumClient c = new AtriumClient(base);
    c.cookies.putAll(cookies);
    return c;
  }

  private static AtriumClient sameSession(AtriumClient signedIn, String base) {
    return client(base, signedIn.cookies);
  }

  /** Reads per second over a fixed time; every read must succeed. */
  private static long rate(String base, List<Map<String, String>> sessions, Duration time) {
    FarmLoad load = FarmLoad.start(base, sessions, 0, 1_000_000, time);
    sleep(time.toMillis());
    List<Call> calls = load.stop();
    assertTrue(calls.stream().noneMatch(Call::failed), "every read succeeds");
    return Math.round(calls.size() / (time.toMillis() / 1000.0));
  }

  private static void figure(String name, Object value) {
    FIGURES.put(name, value);
    System.out.println("FARM " + name + ": " + value);
  }

  private static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
  }
}
