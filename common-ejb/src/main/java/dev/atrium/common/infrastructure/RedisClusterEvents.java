package dev.atrium.common.infrastructure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Events over the Redis channel {@code atrium:events}, messages {@code <topic> <payload>}. One
 * container-managed thread per node keeps the subscription, reconnecting after a failure; every
 * (re)subscription tells all listeners {@link #EVERYTHING}, since messages sent while it was away
 * are lost.
 */
public class RedisClusterEvents implements ClusterEvents {

  static final String CHANNEL = "atrium:events";
  private static final Logger LOG = Logger.getLogger(RedisClusterEvents.class);

  private final UnifiedJedis redis;
  private final ThreadFactory threads;
  private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
  private volatile boolean running = true;
  private volatile Thread subscriber;
  private final JedisPubSub pubSub = new JedisPubSub() {
    @Override
    public void onMessage(String channel, String message) {
      int space = message.indexOf(' ');
      if (space > 0) {
        deliver(message.substring(0, space), message.substring(space + 1));
      }
    }

    @Override
    public void onSubscribe(String channel, int subscribedChannels) {
      listeners.keySet().forEach(topic -> deliver(topic, EVERYTHING));
    }
  };

  public RedisClusterEvents(UnifiedJedis redis, ThreadFactory threads) {
    this.redis = redis;
    this.threads = threads;
  }

  /**
   * This node's listeners hear it at once, on the caller's thread, so that the writer's next
   * request reads the change; the other nodes hear it through Redis (and so does this one, again,
   * which is harmless: listeners only drop what they cached).
   */
  @Override
  public void publish(String topic, String payload) {
    deliver(topic, payload);
    try {
      redis.publish(CHANNEL, topic + " " + payload);
    } catch (JedisException e) {
      // Other nodes' caches expire on their own (see their maximum age).
      LOG.errorf("ATRIUM-0103 Could not announce a change of %s to the other nodes: %s", topic, e.getMessage());
    }
  }

  @Override
  public synchronized void subscribe(String topic, Consumer<String> listener) {
    listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    if (subscriber == null) {
      subscriber = threads.newThread(this::listen);
      subscriber.setName("atrium-cluster-events");
      subscriber.setDaemon(true);
      subscriber.start();
    }
  }

  private void listen() {
    long backoff = 500;
    while (running) {
      try {
        redis.subscribe(pubSub, CHANNEL);
        backoff = 500;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.warnf("ATRIUM-0104 Lost the Redis subscription (%s); retrying in %d ms", e.getMessage(), backoff);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException stop) {
          return;
        }
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  private void deliver(String topic, String payload) {
    for (Consumer<String> l : listeners.getOrDefault(topic, List.of())) {
      try {
        l.accept(payload);
      } catch (RuntimeException e) {
        LOG.errorf(e, "ATRIUM-0105 A listener of %s failed", topic);
      }
    }
  }

  void close() {
    running = false;
    try {
      if (pubSub.isSubscribed()) {
        pubSub.unsubscribe();
      }
    } catch (RuntimeException ignored) {
      // the connection may already be gone
    }
    Thread t = subscriber;
    if (t != null) {
      t.interrupt();
    }
  }
}
