package dev.atrium.common.infrastructure;

import java.util.function.Consumer;
import redis.clients.jedis.UnifiedJedis;

/** Test access to the package-private parts of {@link RedisClusterEvents}. */
public final class RedisClusterEventsAccess {

  private final RedisClusterEvents events;

  public RedisClusterEventsAccess(UnifiedJedis redis) {
    this.events = new RedisClusterEvents(redis, Thread::new);
  }

  public void subscribe(String topic, Consumer<String> listener) {
    events.subscribe(topic, listener);
  }

  public void publish(String topic, String payload) {
    events.publish(topic, payload);
  }

  public void close() {
    events.close();
  }
}
