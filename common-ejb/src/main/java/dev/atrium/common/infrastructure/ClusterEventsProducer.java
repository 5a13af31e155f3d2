package dev.atrium.common.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** Redis pub/sub when Redis is configured, otherwise delivery in this JVM. */
@ApplicationScoped
public class ClusterEventsProducer {

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Produces
  @ApplicationScoped
  ClusterEvents clusterEvents(Redis redis) {
    return redis.client()
        .<ClusterEvents>map(client -> new RedisClusterEvents(client, threads))
        .orElseGet(LocalClusterEvents::new);
  }

  void close(@Disposes ClusterEvents events) {
    if (events instanceof RedisClusterEvents redis) {
      redis.close();
    }
  }
}
