package dev.atrium.common.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/** The node's one Redis client (a pool), when {@code atrium.redis.url} is set; closed on undeploy. */
@ApplicationScoped
public class Redis {

  private static final Logger LOG = Logger.getLogger(Redis.class);
  static final String CLUSTER_SCHEME = "redis-cluster://";

  @Inject
  AtriumConfig config;

  private volatile Optional<UnifiedJedis> client;

  public Optional<UnifiedJedis> client() {
    Optional<UnifiedJedis> c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = config.redisUrl().map(Redis::connect);
          if (c.isEmpty()) {
            LOG.info("ATRIUM-0004 No atrium.redis.url: sessions and caches are kept in process (single node only)");
          }
          client = c;
        }
      }
    }
    return c;
  }

  /**
   * A client for {@code redis://[user:password@]host:port/db} (one server, or a primary behind a
   * fail-over address) or {@code redis-cluster://[user:password@]host:port,host:port,...} (a Redis
   * Cluster: the nodes are seeds, the client learns the topology and follows it).
   */
  public static UnifiedJedis connect(String url) {
    if (url.startsWith(CLUSTER_SCHEME)) {
      String rest = url.substring(CLUSTER_SCHEME.length());
      String user = null;
      String password = null;
      int at = rest.lastIndexOf('@');
      if (at >= 0) {
        String[] credentials = rest.substring(0, at).split(":", 2);
        user = credentials.length == 2 && !credentials[0].isEmpty() ? decode(credentials[0]) : null;
        password = decode(credentials[credentials.length - 1]);
        rest = rest.substring(at + 1);
      }
      Set<HostAndPort> seeds = new LinkedHashSet<>();
      for (String node : rest.replaceAll("/.*$", "").split(",")) {
        seeds.add(HostAndPort.from(node.trim()));
      }
      LOG.infof("ATRIUM-0003 Using Redis Cluster (seeds %s) for sessions and messages between nodes", seeds);
      DefaultJedisClientConfig.Builder credentials = DefaultJedisClientConfig.builder().user(user).password(password);
      return RedisClusterClient.builder().nodes(seeds).clientConfig(credentials.build()).poolConfig(pool()).build();
    }
    URI uri = URI.create(url);
    LOG.infof("ATRIUM-0003 Using Redis at %s:%d for sessions and messages between nodes", uri.getHost(), uri.getPort());
    return RedisClient.builder().fromURI(uri).poolConfig(pool()).build();
  }

  /**
   * Connections are checked (PING) when borrowed, so after a Redis restart the pool replaces its
   * dead connections instead of failing one request for each; a request waits at most 2 s for a
   * free connection, then gets a 503.
   */
  static ConnectionPoolConfig pool() {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(64);
    pool.setMaxIdle(16);
    pool.setTestOnBorrow(true);
    pool.setBlockWhenExhausted(true);
    pool.setMaxWait(Duration.ofSeconds(2));
    return pool;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @PreDestroy
  void close() {
    Optional<UnifiedJedis> c = client;
    if (c != null) {
      c.ifPresent(UnifiedJedis::close);
    }
  }
}
