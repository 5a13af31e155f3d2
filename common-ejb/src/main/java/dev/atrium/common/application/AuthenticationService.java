package dev.atrium.common.application;

import dev.atrium.common.domain.AdminUnit;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.AuditRecord;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.SettingsSnapshot;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import dev.atrium.common.infrastructure.AtriumConfig;
import dev.atrium.common.security.CallerIdentity;
import dev.atrium.common.security.LoginAttempts;
import dev.atrium.common.security.PasswordHasher;
import dev.atrium.common.security.SecureTokens;
import dev.atrium.common.security.SessionStore;
import dev.atrium.common.security.UserSession;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sign-in and sign-out.
 *
 * <ul>
 *   <li>Failures are generic: the same message and, through a dummy hash, about the same time
 *       whether the user exists or not.
 *   <li>Lockout: after {@code LoginAttemptCount} failures within {@code UserLockoutDuration}
 *       minutes a login name is locked for that long, on every node (the counters are in Redis).
 *       After {@code LoginAttemptBeforeWarningCount} failures the message says how many attempts
 *       are left. Names without a user are counted the same way.
 *   <li>Every sign-in gets a new session id and ends the session the browser still presented.
 *   <li>Every outcome is written to the audit log.
 * </ul>
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuthenticationService {

  private static final Logger LOG = Logger.getLogger(AuthenticationService.class);
  static final String SESSION_TIMEOUT = "UserSessionTimeout";
  static final String ATTEMPT_COUNT = "LoginAttemptCount";
  static final String WARNING_COUNT = "LoginAttemptBeforeWarningCount";
  static final String LOCKOUT_MINUTES = "UserLockoutDuration";
  static final String LOCKED_MESSAGE = "The account is locked after too many failed sign-ins. Try again later.";

  @Inject
  AdminUnitRepository users;

  @Inject
  SessionStore sessions;

  @Inject
  LoginAttempts attempts;

  @Inject
  PasswordHasher hasher;

  @Inject
  AtriumConfig config;

  @Inject
  SecurityContext security;

  @Inject
  IdentityCache identities;

  @Inject
  SettingsCache settings;

  @EJB
  AuditService audit;

  public SignInResult signIn(String userName, String password, String previousToken, String clientAddress) {
    if (previousToken != null) {
      sessions.delete(previousToken);
    }
    if (userName == null || userName.isBlank() || password == null) {
      hasher.verifyDummy(password);
      return SignInResult.failed();
    }
    String login = AdminUnit.loginCode(userName);
    Optional<AdminUnit> found = users.findUserByLogin(userName);
    Optional<CallerIdentity> identity = found.flatMap(u -> identities.get(u.getId()));
    UUID userId = found.map(AdminUnit::getId).orElse(null);
    Policy policy = policyFor(identity);

    if (attempts.isLocked(login)) {
      hasher.verifyDummy(password);
      record(AuditEvent.SIGN_IN_FAILED, false, userId, userName, clientAddress, "locked");
      return new SignInResult(LoginCode.FAILURE, LOCKED_MESSAGE, null, null, null);
    }
    boolean verified = found.isPresent() && found.get().isActive()
        ? hasher.verify(password, found.get().getPasswordHash())
        : hasher.verifyDummy(password);
    if (!verified) {
      return failed(login, userId, userName, clientAddress, policy);
    }

    attempts.clearFailures(login);
    AdminUnit user = found.get();
    String csrf = SecureTokens.newToken();
    String token = sessions.create(new UserSession(user.getId(), csrf, Instant.now(), idleTimeout(identity.orElseThrow())));
    record(AuditEvent.SIGN_IN, true, user.getId(), user.getName(), clientAddress, null);
    LOG.infof("ATRIUM-0200 User '%s' signed in from %s", user.getName(), clientAddress);
    return new SignInResult(LoginCode.SUCCESS, "", user.getName(), token, csrf);
  }

  /** Ends the caller's session; the caller is the identity the session mechanism established. */
  public void signOut(String token, String clientAddress) {
    Principal caller = security.getCallerPrincipal();
    if (caller == null || token == null) {
      throw new AtriumException(ErrorCode.AUTHENTICATION_REQUIRED);
    }
    sessions.delete(token);
    record(AuditEvent.SIGN_OUT, true, null, caller.getName(), clientAddress, null);
    LOG.infof("ATRIUM-0203 User '%s' signed out from %s", caller.getName(), clientAddress);
  }

  /** The lockout settings as they apply to a user (their own, their roles', the defaults). */
  private record Policy(int maxAttempts, int warnAfter, int lockMinutes) {}

  private Policy policyFor(Optional<CallerIdentity> identity) {
    SettingsSnapshot s = settings.snapshot();
    UUID user = identity.map(CallerIdentity::userId).orElse(null);
    List<UUID> roles = identity.map(CallerIdentity::roles).orElse(List.of());
    return new Policy(s.resolveInt(ATTEMPT_COUNT, user, roles), s.resolveInt(WARNING_COUNT, user, roles),
        s.resolveInt(LOCKOUT_MINUTES, user, roles));
  }

  private SignInResult failed(String login, UUID userId, String userName, String clientAddress, Policy policy) {
    boolean lockoutOn = policy.maxAttempts() > 0 && policy.lockMinutes() > 0;
    Duration window = Duration.ofMinutes(lockoutOn ? policy.lockMinutes() : 15);
    int failures = attempts.recordFailure(login, window);
    if (lockoutOn && failures >= policy.maxAttempts()) {
      attempts.lock(login, Duration.ofMinutes(policy.lockMinutes()));
      attempts.clearFailures(login);
      record(AuditEvent.LOCKED_OUT, false, userId, userName, clientAddress,
          failures + " failed sign-ins; locked for " + policy.lockMinutes() + " min");
      LOG.warnf("ATRIUM-0204 Login '%s' locked for %d min after %d failed sign-ins (last from %s)",
          LogSafe.text(userName), policy.lockMinutes(), failures, clientAddress);
      return new SignInResult(LoginCode.FAILURE, LOCKED_MESSAGE, null, null, null);
    }
    record(AuditEvent.SIGN_IN_FAILED, false, userId, userName, clientAddress, "failure " + failures);
    LOG.infof("ATRIUM-0202 Sign-in failed for user '%s' from %s", LogSafe.text(userName), clientAddress);
    if (lockoutOn && policy.warnAfter() > 0 && failures >= policy.warnAfter()) {
      int left = policy.maxAttempts() - failures;
      return new SignInResult(LoginCode.FAILURE, SignInResult.INVALID_CREDENTIALS + " " + left
          + (left == 1 ? " attempt is" : " attempts are") + " left before the account is locked.", null, null, null);
    }
    return SignInResult.failed();
  }

  /**
   * {@code UserSessionTimeout} as it applies to the user (their own value, their roles', the
   * default), unless the operator fixed one with {@code atrium.session.idle-timeout}.
   */
  private Duration idleTimeout(CallerIdentity identity) {
    return config.sessionIdleTimeout()
        .orElseGet(() -> Duration.ofMinutes(settings.intValue(SESSION_TIMEOUT, identity)));
  }

  private void record(AuditEvent event, boolean success, UUID userId, String userName, String address, String details) {
    audit.recordNow(new AuditRecord(event, success, success ? userId : null, success ? userName : null,
        userId, LogSafe.text(userName), address, details));
  }
}
