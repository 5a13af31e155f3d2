package dev.atrium.common.security;

import dev.atrium.common.infrastructure.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Chooses where sign-in state lives: Redis when it is configured, otherwise in process. */
@ApplicationScoped
public class SessionStoreProducer {

  @Produces
  @ApplicationScoped
  SessionStore sessionStore(Redis redis) {
    return redis.client()
        .<SessionStore>map(RedisSessionStore::new)
        .orElseGet(() -> new InMemorySessionStore(Clock.systemUTC()));
  }

  @Produces
  @ApplicationScoped
  LoginAttempts loginAttempts(Redis redis) {
    return redis.client()
        .<LoginAttempts>map(RedisLoginAttempts::new)
        .orElseGet(() -> new InMemoryLoginAttempts(Clock.systemUTC()));
  }
}
