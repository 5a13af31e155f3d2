package dev.atrium.common.application;

import dev.atrium.common.domain.AdminUnit;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.AuditRecord;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.LicenceState;
import dev.atrium.common.domain.PasswordHistoryEntry;
import dev.atrium.common.domain.PasswordPolicy;
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
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sign-in, password change and sign-out.
 *
 * <ul>
 *   <li>Technical users never sign in here (they act through OAuth).
 *   <li>Failures are generic: the same message and, through a dummy hash, about the same time
 *       whether the user exists or not.
 *   <li>Lockout: after {@code LoginAttemptCount} failures within {@code UserLockoutDuration}
 *       minutes a login name is locked for that long, on every node (the counters are in Redis).
 *       After {@code LoginAttemptBeforeWarningCount} failures the message says how many attempts
 *       are left. Names without a user are counted the same way.
 *   <li>Password age: past {@code MaxPasswordAge} days, or after an administrator's reset, sign-in
 *       answers Code 5 without a session; within {@code PasswordChangeReminding} days of expiry,
 *       Code 2 with a session.
 *   <li>A password change needs the current password (and counts toward lockout), must satisfy the
 *       complexity settings and differ from the last {@code PasswordHistoryRecordCount} passwords;
 *       it ends the user's other sessions and signs in.
 *   <li>Licences: a user without a valid product gets Code 4 and no session; a licence manager
 *       without one, or anyone while more licences are assigned than owned, Code 3 and a session
 *       limited to licence management (only licence managers get in then).
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
  static final String MAX_PASSWORD_AGE = "MaxPasswordAge";
  static final String CHANGE_REMINDING = "PasswordChangeReminding";
  static final String HISTORY_COUNT = "PasswordHistoryRecordCount";
  static final String LOCKED_MESSAGE = "The account is locked after too many failed sign-ins. Try again later.";
  static final String EXPIRED_MESSAGE = "Your password has expired. Choose a new one.";
  static final String RESET_MESSAGE = "Your password was reset by an administrator. Choose a new one.";

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

  @Inject
  LicenceCache licences;

  @Inject
  Event<IdentityChanged> changed;

  @EJB
  AuditService audit;

  /** A checked credential: the user and what applies to them, or why they were refused. */
  private record Checked(AdminUnit user, CallerIdentity identity, SettingsSnapshot settings, SignInResult refusal) {}

  public SignInResult signIn(String userName, String password, String previousToken, String clientAddress) {
    if (previousToken != null) {
      sessions.delete(previousToken);
    }
    Checked c = check(userName, password, clientAddress);
    if (c.refusal() != null) {
      return c.refusal();
    }
    AdminUnit user = c.user();
    Optional<SignInResult> unlicensed = unlicensed(c, clientAddress);
    if (unlicensed.isPresent()) {
      return unlicensed.get();
    }
    Optional<Long> daysLeft = daysUntilExpiry(user, c);
    if (user.isForcePasswordChange() || daysLeft.filter(d -> d <= 0).isPresent()) {
      String message = user.isForcePasswordChange() ? RESET_MESSAGE : EXPIRED_MESSAGE;
      record(AuditEvent.SIGN_IN_FAILED, false, user.getId(), user.getName(), clientAddress, "password change required");
      return new SignInResult(LoginCode.PASSWORD_EXPIRED, message, user.getName(), null, null,
          SignInResult.PASSWORD_CHANGE_PAGE);
    }
    int remind = resolve(c, CHANGE_REMINDING);
    if (remind > 0 && daysLeft.filter(d -> d <= remind).isPresent()) {
      long d = daysLeft.get();
      return grant(c, clientAddress, LoginCode.SUCCESS_PASSWORD_CHANGE_RECOMMENDED,
          "Your password expires in " + d + (d == 1 ? " day" : " days") + ". Consider changing it.");
    }
    return grant(c, clientAddress, LoginCode.SUCCESS, "");
  }

  /** Changes a password given the current one; on success the user is signed in (Code 0). */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public SignInResult changePassword(String userName, String password, String newPassword, String previousToken,
      String clientAddress) {
    if (previousToken != null) {
      sessions.delete(previousToken);
    }
    Checked c = check(userName, password, clientAddress);
    if (c.refusal() != null) {
      return c.refusal();
    }
    Optional<SignInResult> unlicensed = unlicensed(c, clientAddress);
    if (unlicensed.isPresent()) {
      return unlicensed.get();
    }
    AdminUnit user = users.find(c.user().getId()).orElseThrow();
    List<String> problems = PasswordPolicy.of(c.settings(), user.getId(), c.identity().roles()).problems(newPassword);
    if (!problems.isEmpty()) {
      return SignInResult.refused("The new password " + String.join(", ", problems) + ".");
    }
    int history = resolve(c, HISTORY_COUNT);
    if (hasher.verify(newPassword, user.getPasswordHash())
        || users.passwordHistory(user.getId()).stream().limit(history)
            .anyMatch(h -> hasher.verify(newPassword, h.getPasswordHash()))) {
      return SignInResult.refused("The new password must differ from the current one"
          + (history > 0 ? " and the previous " + history : "") + ".");
    }
    if (history > 0) {
      users.persist(new PasswordHistoryEntry(user.getId(), user.getPasswordHash()));
    }
    user.setPassword(hasher.hash(newPassword), false, Mapping.nowUtc());
    users.flush();
    sessions.deleteAllOf(user.getId());
    changed.fire(new IdentityChanged(user.getId()));
    record(AuditEvent.PASSWORD_CHANGED, true, user.getId(), user.getName(), clientAddress, null);
    return grant(new Checked(user, c.identity(), c.settings(), null), clientAddress, LoginCode.SUCCESS, "");
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

  /** Lockout, then the password: the user if it is right, else a refusal (and the failure counted). */
  private Checked check(String userName, String password, String clientAddress) {
    if (userName == null || userName.isBlank() || password == null) {
      hasher.verifyDummy(password);
      return new Checked(null, null, null, SignInResult.failed());
    }
    String login = AdminUnit.loginCode(userName);
    Optional<AdminUnit> found = users.findUserByLogin(userName);
    Optional<CallerIdentity> identity = found.flatMap(u -> identities.get(u.getId()));
    UUID userId = found.map(AdminUnit::getId).orElse(null);
    SettingsSnapshot snapshot = settings.snapshot();
    Checked c = new Checked(found.orElse(null), identity.orElse(null), snapshot, null);

    if (attempts.isLocked(login)) {
      hasher.verifyDummy(password);
      record(AuditEvent.SIGN_IN_FAILED, false, userId, userName, clientAddress, "locked");
      return refuse(c, SignInResult.refused(LOCKED_MESSAGE));
    }
    boolean verified = found.isPresent() && found.get().isActive() && !found.get().isTechnical()
        ? hasher.verify(password, found.get().getPasswordHash())
        : hasher.verifyDummy(password);
    if (!verified) {
      return refuse(c, failed(login, userId, userName, clientAddress, c));
    }
    attempts.clearFailures(login);
    return c;
  }

  /** Code 4 and no session for a user without a licence who may not manage licences. */
  private Optional<SignInResult> unlicensed(Checked c, String clientAddress) {
    LicenceState.Decision licence = licences.decide(c.identity());
    if (licence.access() != LicenceState.Access.NONE) {
      return Optional.empty();
    }
    record(AuditEvent.SIGN_IN_FAILED, false, c.user().getId(), c.user().getName(), clientAddress, "no licence");
    return Optional.of(new SignInResult(LoginCode.NO_LICENCE, licence.reason(), c.user().getName(), null, null, null));
  }

  private static Checked refuse(Checked c, SignInResult refusal) {
    return new Checked(c.user(), c.identity(), c.settings(), refusal);
  }

  /**
   * Opens a session. A licence manager without a licence (or while sign-in is locked by
   * over-allocation) gets Code 3: a session limited to licence management.
   */
  private SignInResult grant(Checked c, String clientAddress, LoginCode code, String message) {
    AdminUnit user = c.user();
    LicenceState.Decision licence = licences.decide(c.identity());
    if (licence.access() == LicenceState.Access.LIMITED) {
      code = LoginCode.NO_LICENCE_MAY_MANAGE_LICENCES;
      message = licence.reason();
    }
    String csrf = SecureTokens.newToken();
    String token = sessions.create(UserSession.cookie(user.getId(), csrf, Instant.now(), idleTimeout(c)));
    record(AuditEvent.SIGN_IN, true, user.getId(), user.getName(), clientAddress, null);
    LOG.infof("ATRIUM-0200 User '%s' signed in from %s", user.getName(), clientAddress);
    return new SignInResult(code, message, user.getName(), token, csrf, null);
  }

  private SignInResult failed(String login, UUID userId, String userName, String clientAddress, Checked c) {
    int maxAttempts = resolve(c, ATTEMPT_COUNT);
    int warnAfter = resolve(c, WARNING_COUNT);
    int lockMinutes = resolve(c, LOCKOUT_MINUTES);
    boolean lockoutOn = maxAttempts > 0 && lockMinutes > 0;
    Duration window = Duration.ofMinutes(lockoutOn ? lockMinutes : 15);
    int failures = attempts.recordFailure(login, window);
    if (lockoutOn && failures >= maxAttempts) {
      attempts.lock(login, Duration.ofMinutes(lockMinutes));
      attempts.clearFailures(login);
      record(AuditEvent.LOCKED_OUT, false, userId, userName, clientAddress,
          failures + " failed sign-ins; locked for " + lockMinutes + " min");
      LOG.warnf("ATRIUM-0204 Login '%s' locked for %d min after %d failed sign-ins (last from %s)",
          LogSafe.text(userName), lockMinutes, failures, clientAddress);
      return SignInResult.refused(LOCKED_MESSAGE);
    }
    record(AuditEvent.SIGN_IN_FAILED, false, userId, userName, clientAddress, "failure " + failures);
    LOG.infof("ATRIUM-0202 Sign-in failed for user '%s' from %s", LogSafe.text(userName), clientAddress);
    if (lockoutOn && warnAfter > 0 && failures >= warnAfter) {
      int left = maxAttempts - failures;
      return SignInResult.refused(SignInResult.INVALID_CREDENTIALS + " " + left
          + (left == 1 ? " attempt is" : " attempts are") + " left before the account is locked.");
    }
    return SignInResult.failed();
  }

  /** Whole days until the password expires; empty when it never does. */
  private Optional<Long> daysUntilExpiry(AdminUnit user, Checked c) {
    int maxAge = resolve(c, MAX_PASSWORD_AGE);
    if (maxAge <= 0 || user.getPasswordChangedOn() == null) {
      return Optional.empty();
    }
    LocalDateTime expires = user.getPasswordChangedOn().plusDays(maxAge);
    LocalDateTime now = Mapping.nowUtc();
    return Optional.of(ChronoUnit.DAYS.between(now, expires) + (expires.isAfter(now) ? 1 : 0));
  }

  /** A setting as it applies to the user being checked (or the default for an unknown name). */
  private static int resolve(Checked c, String code) {
    UUID user = c.identity() == null ? null : c.identity().userId();
    List<UUID> roles = c.identity() == null ? List.of() : c.identity().roles();
    return c.settings().resolveInt(code, user, roles);
  }

  /**
   * {@code UserSessionTimeout} as it applies to the user (their own value, their roles', the
   * default), unless the operator fixed one with {@code atrium.session.idle-timeout}.
   */
  private Duration idleTimeout(Checked c) {
    return config.sessionIdleTimeout().orElseGet(() -> Duration.ofMinutes(resolve(c, SESSION_TIMEOUT)));
  }

  private void record(AuditEvent event, boolean success, UUID userId, String userName, String address, String details) {
    audit.recordNow(new AuditRecord(event, success, success ? userId : null, success ? userName : null,
        userId, LogSafe.text(userName), address, details));
  }
}
