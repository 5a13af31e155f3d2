package dev.atrium.common.application;

import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.AuditRecord;
import dev.atrium.common.domain.OAuthClient;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import dev.atrium.common.infrastructure.AtriumConfig;
import dev.atrium.common.security.PasswordHasher;
import dev.atrium.common.security.SessionStore;
import dev.atrium.common.security.UserSession;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * The OAuth 2.0 client-credentials grant (RFC 6749 section 4.4): a registered, active client with
 * its secret gets an access token for its technical user, valid on every node for
 * {@code atrium.oauth.token-lifetime} (one hour by default).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OAuthService {

  public static final String CLIENT_CREDENTIALS = "client_credentials";
  public static final String SCOPE = "api";

  /** An issued token, or the RFC 6749 error code and whether it is a 401 (invalid_client). */
  public record TokenResult(String accessToken, long expiresIn, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  @Inject
  AdminUnitRepository users;

  @Inject
  SessionStore sessions;

  @Inject
  AtriumConfig config;

  @EJB
  AuditService audit;

  public TokenResult issue(String grantType, String clientId, String clientSecret, String clientAddress) {
    if (grantType == null || clientId == null || clientSecret == null) {
      return new TokenResult(null, 0, "invalid_request");
    }
    if (!CLIENT_CREDENTIALS.equals(grantType)) {
      return new TokenResult(null, 0, "unsupported_grant_type");
    }
    Optional<OAuthClient> client = em.createQuery("SELECT c FROM OAuthClient c WHERE c.clientId = :id", OAuthClient.class)
        .setParameter("id", clientId).getResultStream().findFirst();
    boolean secretOk = MessageDigest.isEqual(
        PasswordHasher.sha256Hex(clientSecret).getBytes(StandardCharsets.US_ASCII),
        client.map(OAuthClient::getSecretHash).orElse("-").getBytes(StandardCharsets.US_ASCII));
    boolean userOk = client.flatMap(c -> users.find(c.getUserId())).filter(u -> u.isActive() && u.isTechnical()).isPresent();
    if (client.isEmpty() || !client.get().isActive() || !secretOk || !userOk) {
      audit.recordNow(new AuditRecord(AuditEvent.TOKEN_ISSUED, false, null, null, null,
          LogSafe.text(clientId), clientAddress, "invalid client"));
      return new TokenResult(null, 0, "invalid_client");
    }
    OAuthClient c = client.get();
    String token = sessions.create(UserSession.bearer(c.getUserId(), Instant.now(), config.tokenLifetime()));
    audit.recordNow(new AuditRecord(AuditEvent.TOKEN_ISSUED, true, c.getUserId(), c.getName(), c.getUserId(),
        c.getClientId(), clientAddress, null));
    return new TokenResult(token, config.tokenLifetime().toSeconds(), null);
  }
}
