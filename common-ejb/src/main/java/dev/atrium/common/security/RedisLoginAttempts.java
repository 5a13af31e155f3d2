package dev.atrium.common.security;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Counters under {@code atrium:login-failures:<login>} (expiring with the window) and locks under
 * {@code atrium:login-lock:<login>} (expiring with the lockout), so every node sees the same.
 */
public class RedisLoginAttempts implements LoginAttempts {

  /** INCR, and start the window on the first failure, atomically. */
  private static final String COUNT = """
      local n = redis.call('INCR', KEYS[1])
      if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
      return n
      """;

  private final UnifiedJedis redis;

  public RedisLoginAttempts(UnifiedJedis redis) {
    this.redis = redis;
  }

  @Override
  public int recordFailure(String login, Duration window) {
    return call(() -> ((Long) redis.eval(COUNT, List.of(failures(login)), List.of(Long.toString(window.toMillis()))))
        .intValue());
  }

  @Override
  public void clearFailures(String login) {
    call(() -> redis.del(failures(login)));
  }

  @Override
  public boolean isLocked(String login) {
    return call(() -> redis.exists(lock(login)));
  }

  @Override
  public void lock(String login, Duration duration) {
    call(() -> redis.set(lock(login), "1", SetParams.setParams().px(duration.toMillis())));
  }

  @Override
  public boolean unlock(String login) {
    return call(() -> {
      boolean locked = redis.exists(lock(login));
      redis.del(lock(login), failures(login));
      return locked;
    });
  }

  private static String failures(String login) {
    return "atrium:login-failures:" + login;
  }

  private static String lock(String login) {
    return "atrium:login-lock:" + login;
  }

  private static <T> T call(Supplier<T> command) {
    try {
      return command.get();
    } catch (JedisException e) {
      throw new AtriumException(ErrorCode.SERVICE_UNAVAILABLE);
    }
  }
}
