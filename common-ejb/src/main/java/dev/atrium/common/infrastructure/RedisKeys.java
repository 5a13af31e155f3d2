package dev.atrium.common.infrastructure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Key scans that work on a single Redis server and on a Redis Cluster (every node scanned). */
public final class RedisKeys {

  private RedisKeys() {}

  /** Every key matching the pattern, from every node. */
  public static List<String> scan(UnifiedJedis redis, String pattern) {
    List<String> keys = new ArrayList<>();
    ScanParams params = new ScanParams().match(pattern).count(500);
    if (redis instanceof RedisClusterClient cluster) {
      Collection<ConnectionPool> nodes = cluster.getClusterNodes().values();
      for (ConnectionPool node : nodes) {
        try (Connection connection = node.getResource(); Jedis jedis = new Jedis(connection)) {
          if (jedis.info("replication").contains("role:master")) {
            scanInto(keys, params, jedis::scan);
          }
        }
      }
    } else {
      scanInto(keys, params, redis::scan);
    }
    return keys;
  }

  private interface Scanner {
    ScanResult<String> scan(String cursor, ScanParams params);
  }

  private static void scanInto(List<String> keys, ScanParams params, Scanner scanner) {
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = scanner.scan(cursor, params);
      keys.addAll(page.getResult());
      cursor = page.getCursor();
    } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
  }
}
