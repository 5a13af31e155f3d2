package dev.atrium.common.security;

import dev.atrium.common.infrastructure.AtriumConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.time.Clock;
import org.jboss.logging.Logger;
import redis.clients.jedis.RedisClient;

/** Chooses the session store: Redis when {@code atrium.redis.url} is set, otherwise in-process. */
@ApplicationScoped
public class SessionStoreProducer {

  private static final Logger LOG = Logger.getLogger(SessionStoreProducer.class);

  @Produces
  @ApplicationScoped
  SessionStore sessionStore(AtriumConfig config) {
    return config.redisUrl()
        .<SessionStore>map(url -> {
          URI uri = URI.create(url);
          LOG.infof("ATRIUM-0003 Sessions are kept in Redis at %s:%d", uri.getHost(), uri.getPort());
          return new RedisSessionStore(RedisClient.create(uri));
        })
        .orElseGet(() -> {
          LOG.info("ATRIUM-0004 Sessions are kept in process (no atrium.redis.url): single node only");
          return new InMemorySessionStore(Clock.systemUTC());
        });
  }

  void close(@Disposes SessionStore store) {
    store.close();
  }
}
