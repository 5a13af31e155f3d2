package dev.atrium.common.infrastructure;

import java.util.function.Consumer;

/**
 * Messages between the nodes of a farm, for cache coherence: a node that changes shared state
 * publishes on a topic and every node's listeners (its own included) drop what they cached.
 * Over Redis pub/sub when Redis is configured, in process otherwise. Delivery is best effort:
 * after a lost connection listeners receive {@link #EVERYTHING} and must drop all they hold.
 */
public interface ClusterEvents {

  /** The payload that means "anything may have changed". */
  String EVERYTHING = "*";

  void publish(String topic, String payload);

  void subscribe(String topic, Consumer<String> listener);
}
