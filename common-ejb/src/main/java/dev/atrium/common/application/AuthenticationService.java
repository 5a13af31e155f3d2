package dev.atrium.common.application;

import dev.atrium.common.domain.AdminUnit;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import dev.atrium.common.infrastructure.AtriumConfig;
import dev.atrium.common.security.CallerIdentity;
import dev.atrium.common.security.PasswordHasher;
import dev.atrium.common.security.SecureTokens;
import dev.atrium.common.security.SessionStore;
import dev.atrium.common.security.UserSession;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sign-in and sign-out. Failures are generic (same message and, through a dummy hash, about the
 * same time whether the user exists or not); every sign-in gets a new session id and ends the
 * session the browser still presented, so a planted id never becomes a signed-in one.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuthenticationService {

  private static final Logger LOG = Logger.getLogger(AuthenticationService.class);

  @Inject
  AdminUnitRepository users;

  @Inject
  SessionStore sessions;

  @Inject
  PasswordHasher hasher;

  @Inject
  AtriumConfig config;

  @Inject
  SecurityContext security;

  @Inject
  IdentityService identities;

  @Inject
  SettingsCache settings;

  static final String SESSION_TIMEOUT_SETTING = "UserSessionTimeout";

  public SignInResult signIn(String userName, String password, String previousToken, String clientAddress) {
    if (previousToken != null) {
      sessions.delete(previousToken);
    }
    if (userName == null || userName.isBlank() || password == null) {
      hasher.verifyDummy(password);
      LOG.infof("ATRIUM-0201 Sign-in failed (no user name or password) from %s", clientAddress);
      return SignInResult.failed();
    }
    Optional<AdminUnit> found = users.findUserByLogin(userName);
    boolean verified = found.isPresent() && found.get().isActive()
        ? hasher.verify(password, found.get().getPasswordHash())
        : hasher.verifyDummy(password);
    if (!verified) {
      LOG.infof("ATRIUM-0202 Sign-in failed for user '%s' from %s", LogSafe.text(userName), clientAddress);
      return SignInResult.failed();
    }
    AdminUnit user = found.get();
    CallerIdentity identity = identities.resolve(user.getId()).orElseThrow();
    String csrf = SecureTokens.newToken();
    String token = sessions.create(new UserSession(user.getId(), csrf, Instant.now(), idleTimeout(identity)));
    LOG.infof("ATRIUM-0200 User '%s' signed in from %s", user.getName(), clientAddress);
    return new SignInResult(LoginCode.SUCCESS, "", user.getName(), token, csrf);
  }

  /**
   * {@code UserSessionTimeout} as it applies to the user (their own value, their roles', the
   * default), unless the operator fixed one with {@code atrium.session.idle-timeout}.
   */
  private Duration idleTimeout(CallerIdentity identity) {
    return config.sessionIdleTimeout()
        .orElseGet(() -> Duration.ofMinutes(settings.intValue(SESSION_TIMEOUT_SETTING, identity)));
  }

  /** Ends the caller's session; the caller is the identity the session mechanism established. */
  public void signOut(String token, String clientAddress) {
    Principal caller = security.getCallerPrincipal();
    if (caller == null || token == null) {
      throw new AtriumException(ErrorCode.AUTHENTICATION_REQUIRED);
    }
    sessions.delete(token);
    LOG.infof("ATRIUM-0203 User '%s' signed out from %s", caller.getName(), clientAddress);
  }
}
