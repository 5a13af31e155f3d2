package dev.atrium.common.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.jboss.logging.Logger;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** The node's one Redis client (a pool), when {@code atrium.redis.url} is set; closed on undeploy. */
@ApplicationScoped
public class Redis {

  private static final Logger LOG = Logger.getLogger(Redis.class);

  @Inject
  AtriumConfig config;

  private volatile Optional<UnifiedJedis> client;

  public Optional<UnifiedJedis> client() {
    Optional<UnifiedJedis> c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = config.redisUrl().map(url -> {
            URI uri = URI.create(url);
            LOG.infof("ATRIUM-0003 Using Redis at %s:%d for sessions and messages between nodes", uri.getHost(), uri.getPort());
            return (UnifiedJedis) RedisClient.create(uri);
          });
          if (c.isEmpty()) {
            LOG.info("ATRIUM-0004 No atrium.redis.url: sessions and caches are kept in process (single node only)");
          }
          client = c;
        }
      }
    }
    return c;
  }

  @PreDestroy
  void close() {
    Optional<UnifiedJedis> c = client;
    if (c != null) {
      c.ifPresent(UnifiedJedis::close);
    }
  }
}
