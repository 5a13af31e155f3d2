package dev.atrium.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.atrium.common.infrastructure.Redis;
import dev.atrium.common.infrastructure.RedisClusterEventsAccess;
import redis.clients.jedis.UnifiedJedis;

/**
 * What the Redis session store must do, against a real Redis: a single server here
 * ({@code atrium.it.redis.url}), a Redis Cluster in {@link RedisClusterSessionStoreIT}.
 */
class RedisSessionStoreIT {

  static String url;
  static UnifiedJedis redis;
  static RedisSessionStore store;

  @BeforeAll
  static void connect() {
    use(System.getProperty("atrium.it.redis.url", "redis://127.0.0.1:6379/0"));
  }

  static void use(String redisUrl) {
    url = redisUrl;
    redis = Redis.connect(url);
    store = new RedisSessionStore(redis);
  }

  @AfterAll
  static void close() {
    redis.close();
  }

  private static UserSession session(UUID user, Duration idle) {
    return UserSession.cookie(user, "csrf-token", Instant.parse("2026-01-01T00:00:00Z"), idle);
  }

  @Test
  void roundTripsTheSessionUnderAHashedKey() {
    UUID user = UUID.randomUUID();
    UserSession s = session(user, Duration.ofMinutes(5));
    String token = store.create(s);
    assertEquals(s, store.touch(token).orElseThrow());
    String key = SessionStore.keyOf(token);
    assertTrue(redis.exists(key));
    assertFalse(redis.hgetAll(key).containsValue(token), "the token itself is never stored");
    long ttl = redis.pttl(key);
    assertTrue(ttl > 290_000 && ttl <= 300_000, "TTL is the idle timeout: " + ttl);
    store.delete(token);
    assertFalse(redis.exists(key));
  }

  @Test
  void touchRestartsTheIdleTimeout() throws InterruptedException {
    String token = store.create(session(UUID.randomUUID(), Duration.ofMillis(1500)));
    for (int i = 0; i < 3; i++) {
      Thread.sleep(800);
      assertTrue(store.touch(token).isPresent(), "kept alive by use, round " + i);
    }
    Thread.sleep(2000);
    assertFalse(store.touch(token).isPresent(), "expired after being idle");
  }

  @Test
  void anAccessTokenDoesNotSlide() throws InterruptedException {
    String token = store.create(UserSession.bearer(UUID.randomUUID(), Instant.now(), Duration.ofMillis(2000)));
    Thread.sleep(1200);
    assertEquals(UserSession.Kind.BEARER, store.touch(token).orElseThrow().kind());
    Thread.sleep(1200);
    assertFalse(store.touch(token).isPresent(), "2.4 s after issue, although used at 1.2 s");
  }

  @Test
  void deleteAllEndsEverySessionOfOneUserOnly() {
    UUID user = UUID.randomUUID();
    String a = store.create(session(user, Duration.ofMinutes(5)));
    String b = store.create(session(user, Duration.ofMinutes(5)));
    String other = store.create(session(UUID.randomUUID(), Duration.ofMinutes(5)));
    assertEquals(2, store.deleteAllOf(user));
    assertFalse(store.touch(a).isPresent());
    assertFalse(store.touch(b).isPresent());
    assertTrue(store.touch(other).isPresent());
  }

  @Test
  void purgingDropsWhatExpiredSessionsLeftInTheUserIndex() throws InterruptedException {
    UUID user = UUID.randomUUID();
    for (int i = 0; i < 5; i++) {
      store.create(session(user, Duration.ofMillis(300)));
    }
    String live = store.create(session(user, Duration.ofMinutes(5)));
    Thread.sleep(600);
    assertTrue(store.purgeExpired() >= 5, "the five expired entries (and maybe other tests' leftovers)");
    assertEquals(1, redis.scard("atrium:user-sessions:" + user), "only the live session is indexed");
    assertTrue(store.touch(live).isPresent());
  }

  @Test
  void aNodeHearsItsOwnChangeBeforePublishingReturns() {
    // A client of its own: a subscription holds a connection, which must not go back to the pool
    // the other tests use.
    try (UnifiedJedis own = Redis.connect(url)) {
      RedisClusterEventsAccess node = new RedisClusterEventsAccess(own);
      List<String> heard = new CopyOnWriteArrayList<>();
      String topic = "test-" + UUID.randomUUID();
      node.subscribe(topic, payload -> heard.add(payload + "@" + Thread.currentThread().getName()));
      node.publish(topic, "42");
      assertTrue(heard.contains("42@" + Thread.currentThread().getName()),
          "the writer's own caches are dropped before its response, not when Redis echoes it: " + heard);
      node.close();
    }
  }
}
