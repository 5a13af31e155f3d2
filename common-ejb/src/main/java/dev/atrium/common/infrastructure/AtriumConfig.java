package dev.atrium.common.infrastructure;

import dev.atrium.common.query.QueryLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Atrium's configuration, read through MicroProfile Config (system properties, then environment
 * variables such as {@code ATRIUM_REDIS_URL}). The README's configuration reference lists every key.
 */
@ApplicationScoped
public class AtriumConfig {

  /** Quick-start mode loads demo data and prints a generated Supervisor password to the console. */
  public enum Mode { QUICKSTART, PRODUCTION }

  @Inject
  @ConfigProperty(name = "atrium.mode", defaultValue = "production")
  String mode;

  @Inject
  @ConfigProperty(name = "atrium.redis.url")
  Optional<String> redisUrl;

  @Inject
  @ConfigProperty(name = "atrium.session.idle-timeout")
  Optional<Duration> sessionIdleTimeout;

  @Inject
  @ConfigProperty(name = "atrium.license.public-keys")
  Optional<String> licensePublicKeys;

  @Inject
  @ConfigProperty(name = "atrium.license.trial", defaultValue = "P30D")
  Duration licenseTrial;

  @Inject
  @ConfigProperty(name = "atrium.scheduler.heartbeat", defaultValue = "PT1M")
  Duration schedulerHeartbeat;

  @Inject
  @ConfigProperty(name = "atrium.trusted-proxies")
  Optional<String> trustedProxies;

  @Inject
  @ConfigProperty(name = "atrium.oauth.token-lifetime", defaultValue = "PT1H")
  Duration tokenLifetime;

  @Inject
  @ConfigProperty(name = "atrium.supervisor.password")
  Optional<String> supervisorPassword;

  @Inject
  @ConfigProperty(name = "atrium.query.max-rows", defaultValue = "20000")
  int queryMaxRows;

  @Inject
  @ConfigProperty(name = "atrium.query.max-filter-nodes", defaultValue = "200")
  int queryMaxFilterNodes;

  @Inject
  @ConfigProperty(name = "atrium.query.max-path-hops", defaultValue = "4")
  int queryMaxPathHops;

  @Inject
  @ConfigProperty(name = "atrium.query.max-in-values", defaultValue = "1000")
  int queryMaxInValues;

  @Inject
  @ConfigProperty(name = "atrium.odata.max-expand-depth", defaultValue = "2")
  int odataMaxExpandDepth;

  @Inject
  @ConfigProperty(name = "atrium.odata.max-batch-requests", defaultValue = "100")
  int odataMaxBatchRequests;

  @Inject
  @ConfigProperty(name = "atrium.odata.max-request-bytes", defaultValue = "10485760")
  int odataMaxRequestBytes;

  @Inject
  @ConfigProperty(name = "atrium.records.rights-inline-limit", defaultValue = "10000")
  int recordRightsInlineLimit;

  @ConfigProperty(name = "jboss.server.data.dir", defaultValue = ".")
  String serverDataDir;

  public Mode mode() {
    return "quickstart".equalsIgnoreCase(mode.trim()) ? Mode.QUICKSTART : Mode.PRODUCTION;
  }

  /** Empty when no Redis is configured: a single node then keeps sessions in process. */
  public Optional<String> redisUrl() {
    return redisUrl.map(String::trim).filter(s -> !s.isEmpty());
  }

  /**
   * An idle timeout for every session that overrides the {@code UserSessionTimeout} setting; for
   * tests and special deployments. Empty normally.
   */
  public Optional<Duration> sessionIdleTimeout() {
    return sessionIdleTimeout;
  }

  /** Licence vendors' public keys besides the built-in one: {@code keyId:base64,...}. */
  public Optional<String> licensePublicKeys() {
    return licensePublicKeys;
  }

  /** How long a fresh installation runs as a trial (every product, everyone) until a licence is uploaded. */
  public Duration licenseTrial() {
    return licenseTrial;
  }

  /** How often the scheduler's heartbeat job records that the farm's scheduler runs. */
  public Duration schedulerHeartbeat() {
    return schedulerHeartbeat;
  }

  /** Proxies whose X-Forwarded-For/-Proto are believed (addresses or CIDR ranges). */
  public Optional<String> trustedProxies() {
    return trustedProxies;
  }

  /** How long an OAuth access token lives (fixed, from issue). */
  public Duration tokenLifetime() {
    return tokenLifetime;
  }

  /** The Supervisor's initial password, used once on the first start only. */
  public Optional<String> supervisorPassword() {
    return supervisorPassword.filter(s -> !s.isBlank());
  }

  public String serverDataDir() {
    return serverDataDir;
  }

  /** Bounds on one query of OData or DataService: rows per response, filter terms, lookup hops, values of an in list. */
  /**
   * The most records an object may have for its rights to be brought up to date in the request
   * that changed them (switch, owner column, rules); a larger table's go to the background job.
   */
  public int recordRightsInlineLimit() {
    return recordRightsInlineLimit;
  }

  public QueryLimits queryLimits() {
    return new QueryLimits(queryMaxRows, queryMaxFilterNodes, queryMaxPathHops, queryMaxInValues);
  }

  /** How deep OData's {@code $expand} may nest. */
  public int odataMaxExpandDepth() {
    return odataMaxExpandDepth;
  }

  /** How many requests one OData {@code $batch} may hold. */
  public int odataMaxBatchRequests() {
    return odataMaxBatchRequests;
  }

  /** The largest OData request body accepted, in bytes. */
  public int odataMaxRequestBytes() {
    return odataMaxRequestBytes;
  }
}
