package dev.atrium.common.application;

import static dev.atrium.common.application.Mapping.nowUtc;

import static dev.atrium.common.application.Mapping.text;
import static dev.atrium.common.application.Mapping.utc;

import dev.atrium.common.application.AdminDtos.NewOAuthClientDto;
import dev.atrium.common.application.AdminDtos.OAuthClientChangeDto;
import dev.atrium.common.application.AdminDtos.OAuthClientDto;
import dev.atrium.common.domain.AdminUnit;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.OAuthClient;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import dev.atrium.common.security.Operations;
import dev.atrium.common.security.PasswordHasher;
import dev.atrium.common.security.SecureTokens;
import dev.atrium.common.security.SessionStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Registers OAuth clients for technical users, rotates their secrets and switches them off. The
 * secret is shown once; rotating it or deactivating the client revokes the tokens already issued.
 */
@Stateless
@RolesAllowed(Operations.CAN_MANAGE_USERS)
public class OAuthClientAdminService {

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  @Inject
  AdminUnitRepository users;

  @Inject
  SessionStore sessions;

  @Inject
  Validation validation;

  @Inject
  Caller caller;

  @EJB
  AuditService audit;

  public List<OAuthClientDto> list() {
    return em.createQuery("SELECT c FROM OAuthClient c ORDER BY c.name", OAuthClient.class).getResultStream()
        .map(c -> toDto(c, null)).toList();
  }

  public OAuthClientDto register(NewOAuthClientDto dto) {
    validation.check(dto);
    AdminUnit user = users.find(dto.userId()).filter(AdminUnit::isTechnical).orElseThrow(() ->
        new AtriumException(ErrorCode.UNKNOWN_REFERENCE, "UserId must name a technical user."));
    boolean taken = em.createQuery("SELECT COUNT(c) FROM OAuthClient c WHERE c.userId = :u", Long.class)
        .setParameter("u", user.getId()).getSingleResult() > 0;
    if (taken) {
      throw new AtriumException(ErrorCode.CONFLICT, "This technical user already has an OAuth client.");
    }
    String secret = SecureTokens.newToken();
    OAuthClient client = new OAuthClient(text(dto.name()), UUID.randomUUID().toString(),
        PasswordHasher.sha256Hex(secret), user.getId());
    client.stampCreated(caller.who().contactId(), nowUtc());
    em.persist(client);
    audit.record(caller.audit(AuditEvent.USER_CHANGED, user.getId(), user.getName(), "OAuth client registered"));
    return toDto(client, secret);
  }

  public OAuthClientDto rotateSecret(UUID id) {
    OAuthClient client = load(id);
    String secret = SecureTokens.newToken();
    client.setSecretHash(PasswordHasher.sha256Hex(secret));
    client.stampModified(caller.who().contactId(), nowUtc());
    sessions.deleteAllOf(client.getUserId());
    audit.record(caller.audit(AuditEvent.USER_CHANGED, client.getUserId(), client.getName(), "OAuth secret rotated"));
    return toDto(client, secret);
  }

  public OAuthClientDto update(UUID id, OAuthClientChangeDto dto) {
    validation.check(dto);
    OAuthClient client = load(id);
    client.setName(text(dto.name()));
    client.setActive(dto.active());
    client.stampModified(caller.who().contactId(), nowUtc());
    if (!dto.active()) {
      sessions.deleteAllOf(client.getUserId());
    }
    audit.record(caller.audit(AuditEvent.USER_CHANGED, client.getUserId(), client.getName(),
        dto.active() ? "OAuth client changed" : "OAuth client deactivated"));
    return toDto(client, null);
  }

  public void delete(UUID id) {
    OAuthClient client = load(id);
    sessions.deleteAllOf(client.getUserId());
    em.remove(client);
    audit.record(caller.audit(AuditEvent.USER_CHANGED, client.getUserId(), client.getName(), "OAuth client deleted"));
  }

  private OAuthClient load(UUID id) {
    OAuthClient c = em.find(OAuthClient.class, id);
    if (c == null) {
      throw AtriumException.notFound("OAuth client", id);
    }
    return c;
  }

  private static OAuthClientDto toDto(OAuthClient c, String secret) {
    return new OAuthClientDto(c.getId(), c.getName(), c.getClientId(), secret, c.getUserId(), c.isActive(),
        utc(c.getCreatedOn()));
  }

}
