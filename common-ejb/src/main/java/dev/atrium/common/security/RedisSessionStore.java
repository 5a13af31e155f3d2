package dev.atrium.common.security;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import redis.clients.jedis.UnifiedJedis;
import dev.atrium.common.infrastructure.RedisKeys;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Sessions in Redis, shared by every node of a farm: one hash per session under
 * {@code atrium:session:<sha256(token)>} with a sliding TTL, and a set per user
 * ({@code atrium:user-sessions:<userId>}) so all of a user's sessions can be ended at once. Every
 * script touches one key, so this works on a single server and on a Redis Cluster alike.
 * Reading a session is one round trip: a script returns the hash and restarts its TTL.
 */
public class RedisSessionStore implements SessionStore {

  private static final Logger LOG = Logger.getLogger(RedisSessionStore.class);

  /** HGETALL, and for a sliding (cookie) session PEXPIRE(idleMs), in one atomic step. */
  private static final String TOUCH = """
      local ms = redis.call('HGET', KEYS[1], 'idleMs')
      if not ms then return {} end
      if redis.call('HGET', KEYS[1], 'kind') ~= 'BEARER' then redis.call('PEXPIRE', KEYS[1], ms) end
      return redis.call('HGETALL', KEYS[1])
      """;

  /** HSET + PEXPIRE, atomically. */
  private static final String CREATE = """
      redis.call('HSET', KEYS[1], unpack(ARGV, 2))
      redis.call('PEXPIRE', KEYS[1], ARGV[1])
      return 1
      """;

  /**
   * The session's key into its user's index, which lives as long as the longest session in it.
   * A script of its own: in a Redis Cluster the index and the session are in different slots.
   */
  private static final String INDEX = """
      redis.call('SADD', KEYS[1], ARGV[2])
      if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
      return 1
      """;

  private final UnifiedJedis redis;

  public RedisSessionStore(UnifiedJedis redis) {
    this.redis = redis;
  }

  @Override
  public String create(UserSession session) {
    String token = SecureTokens.newToken();
    String key = SessionStore.keyOf(token);
    Map<String, String> fields = session.toFields();
    String[] args = new String[1 + fields.size() * 2];
    args[0] = Long.toString(session.lifetime().toMillis());
    int i = 1;
    for (Map.Entry<String, String> f : fields.entrySet()) {
      args[i++] = f.getKey();
      args[i++] = f.getValue();
    }
    call(() -> redis.eval(CREATE, List.of(key), List.of(args)));
    call(() -> redis.eval(INDEX, List.of(userKey(session.userId())), List.of(args[0], key)));
    return token;
  }

  @Override
  public Optional<UserSession> touch(String token) {
    Object reply = call(() -> redis.eval(TOUCH, List.of(SessionStore.keyOf(token)), List.of()));
    List<?> flat = (List<?>) reply;
    if (flat == null || flat.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
    }
    try {
      return Optional.of(UserSession.fromFields(fields));
    } catch (RuntimeException malformed) {
      LOG.warnf("ATRIUM-0101 Ignoring a malformed session entry in Redis (%s)", malformed.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  @Override
  public void delete(String token) {
    String key = SessionStore.keyOf(token);
    call(() -> {
      String user = redis.hget(key, "userId");
      redis.del(key);
      if (user != null) {
        redis.srem("atrium:user-sessions:" + user, key);
      }
      return null;
    });
  }

  @Override
  public int deleteAllOf(UUID userId) {
    String index = userKey(userId);
    return call(() -> {
      int live = 0;
      for (String key : redis.smembers(index)) {
        live += (int) redis.del(key);
      }
      redis.del(index);
      return live;
    });
  }

  @Override
  public List<SessionInfo> sessionsOf(UUID userId) {
    String index = userKey(userId);
    return call(() -> {
      List<SessionInfo> live = new ArrayList<>();
      for (String key : redis.smembers(index)) {
        String created = redis.hget(key, "createdAt");
        if (created == null) {
          redis.srem(index, key);  // expired: tidy the index
        } else {
          live.add(new SessionInfo(key.substring(KEY_PREFIX.length()), Instant.ofEpochMilli(Long.parseLong(created))));
        }
      }
      live.sort(Comparator.comparing(SessionInfo::createdAt));
      return live;
    });
  }

  @Override
  public boolean deleteById(UUID userId, String sessionId) {
    String key = KEY_PREFIX + sessionId;
    return call(() -> {
      if (!userId.toString().equals(redis.hget(key, "userId"))) {
        return false;
      }
      redis.del(key);
      redis.srem(userKey(userId), key);
      return true;
    });
  }

  /**
   * Session entries expire by themselves (TTL); a user's index keeps their keys until it expires
   * with the longest of them. This drops index members whose session is gone.
   */
  @Override
  public int purgeExpired() {
    return call(() -> {
      int removed = 0;
      for (String index : RedisKeys.scan(redis, "atrium:user-sessions:*")) {
        for (String key : redis.smembers(index)) {
          if (!redis.exists(key)) {
            removed += (int) redis.srem(index, key);
          }
        }
      }
      return removed;
    });
  }

  private static String userKey(UUID userId) {
    return "atrium:user-sessions:" + userId;
  }

  private static <T> T call(Supplier<T> command) {
    try {
      return command.get();
    } catch (JedisException e) {
      LOG.errorf("ATRIUM-0102 Redis session store unavailable: %s", e.getMessage());
      throw new AtriumException(ErrorCode.SERVICE_UNAVAILABLE);
    }
  }
}
