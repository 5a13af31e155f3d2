package dev.atrium.common.infrastructure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A single node's events: delivered at once, in the publishing thread. */
public class LocalClusterEvents implements ClusterEvents {

  private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

  @Override
  public void publish(String topic, String payload) {
    listeners.getOrDefault(topic, List.of()).forEach(l -> l.accept(payload));
  }

  @Override
  public void subscribe(String topic, Consumer<String> listener) {
    listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
  }
}
