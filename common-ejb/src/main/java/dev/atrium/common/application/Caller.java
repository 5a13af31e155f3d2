package dev.atrium.common.application;

import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.AuditRecord;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import dev.atrium.common.security.CallerIdentity;
import dev.atrium.common.security.ClientContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.UUID;

/** Who is calling a service (from Jakarta Security) and from where, for stamping records and the audit log. */
@ApplicationScoped
public class Caller {

  /** The calling user: id, name and contact; all null for an anonymous or system call. */
  public record Who(UUID id, String name, UUID contactId) {}

  @Inject
  SecurityContext security;

  @Inject
  AdminUnitRepository users;

  @Inject
  ClientContext client;

  /**
   * The caller. Within a request this is the identity the session mechanism already resolved
   * (no database hit); elsewhere it is looked up by the principal's name.
   */
  public Who who() {
    Principal p = security.getCallerPrincipal();
    if (p == null) {
      return new Who(null, null, null);
    }
    CallerIdentity known = client.identity();
    if (known != null && known.userName().equals(p.getName())) {
      return new Who(known.userId(), known.userName(), known.contactId());
    }
    return users.findUserByLogin(p.getName())
        .map(u -> new Who(u.getId(), u.getName(), u.getContactId()))
        .orElse(new Who(null, p.getName(), null));
  }

  public String address() {
    return client.address();
  }

  /** An audit record of a successful change made by the caller. */
  public AuditRecord audit(AuditEvent event, UUID targetId, String targetName, String details) {
    Who who = who();
    return new AuditRecord(event, true, who.id(), who.name(), targetId, targetName, address(), details);
  }
}
