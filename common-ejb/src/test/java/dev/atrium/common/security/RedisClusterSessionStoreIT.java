package dev.atrium.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.common.infrastructure.Redis;
import dev.atrium.common.infrastructure.RedisClusterEventsAccess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The session store contract and the messages between nodes on a real Redis Cluster of three
 * masters, started on loopback for this test by standalone-config/bin/redis-cluster.sh.
 */
class RedisClusterSessionStoreIT extends RedisSessionStoreIT {

  static final String SCRIPT = "../standalone-config/bin/redis-cluster.sh";
  static final Path DIR = Path.of("target", "redis-cluster");
  static final String URL = "redis-cluster://127.0.0.1:7101,127.0.0.1:7102,127.0.0.1:7103";

  /** Hides the single server's set-up: this class runs the contract on the cluster only. */
  @BeforeAll
  static void connect() {
    run("stop");
    run("start", "7101", "7102", "7103");
    use(URL);
    assertTrue(redis instanceof RedisClusterClient);
  }

  @AfterAll
  static void close() {
    redis.close();
    run("stop");
  }

  private static void run(String... args) {
    try {
      runScript(args);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void runScript(String... args) throws Exception {
    String[] command = new String[args.length + 3];
    command[0] = "bash";
    command[1] = SCRIPT;
    command[2] = args[0];
    command[3] = DIR.toString();
    System.arraycopy(args, 1, command, 4, args.length - 1);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
  }

  @Test
  void aUsersSessionsSpreadOverTheMastersAndAreStillEndedTogether() {
    UUID user = UUID.randomUUID();
    Set<Integer> masters = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      String token = store.create(UserSession.cookie(user, "csrf", java.time.Instant.now(), java.time.Duration.ofMinutes(5)));
      masters.add(JedisClusterCRC16.getSlot(SessionStore.keyOf(token)) * 3 / 16384);
    }
    assertEquals(3, masters.size(), "40 sessions land in all three masters' slot ranges");
    assertEquals(40, store.deleteAllOf(user));
  }

  @Test
  void aMessagePublishedByOneNodeReachesAnotherThroughTheCluster() throws Exception {
    try (UnifiedJedis other = Redis.connect(URL)) {
      RedisClusterEventsAccess sender = new RedisClusterEventsAccess(redis);
      RedisClusterEventsAccess receiver = new RedisClusterEventsAccess(other);
      BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
      String topic = "test-" + UUID.randomUUID();
      receiver.subscribe(topic, received::add);
      assertEquals("*", received.poll(10, TimeUnit.SECONDS), "on subscribing, listeners drop everything");
      sender.publish(topic, "42");
      assertEquals("42", received.poll(10, TimeUnit.SECONDS));
      receiver.close();
    }
  }
}
