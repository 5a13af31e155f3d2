package dev.atrium.common.application;

import static dev.atrium.common.application.Mapping.nowUtc;

import static dev.atrium.common.application.Mapping.text;

import dev.atrium.common.application.AdminDtos.NewUserDto;
import dev.atrium.common.application.AdminDtos.PasswordDto;
import dev.atrium.common.application.AdminDtos.SessionDto;
import dev.atrium.common.application.AdminDtos.UserChangeDto;
import dev.atrium.common.application.AdminDtos.UserDto;
import dev.atrium.common.domain.AdminUnit;
import dev.atrium.common.domain.AdminUnitType;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.domain.PasswordPolicy;
import dev.atrium.common.domain.RoleGraph;
import dev.atrium.common.domain.UserInRole;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import dev.atrium.common.permissions.DefaultRecordRightsRepository;
import dev.atrium.common.security.LoginAttempts;
import dev.atrium.common.security.Operations;
import dev.atrium.common.security.PasswordHasher;
import dev.atrium.common.security.SessionStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Administration of users: create, change, deactivate, delete, reset passwords, unlock, list and
 * end sessions. Deactivating, deleting or resetting the password of a user ends all their
 * sessions on every node at once. Every change is audited in its own transaction.
 */
@Stateless
@RolesAllowed(Operations.CAN_MANAGE_USERS)
public class UserAdminService {

  static final UUID SUPERVISOR = SupervisorBootstrapService.SUPERVISOR_ID;

  @Inject
  AdminUnitRepository users;

  @Inject
  DefaultRecordRightsRepository defaultRights;

  @Inject
  ObjectRuntime objects;

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  @Inject
  MembershipService membership;

  @Inject
  SessionStore sessions;

  @Inject
  LoginAttempts attempts;

  @Inject
  UserViews views;

  @Inject
  PasswordHasher hasher;

  @Inject
  SettingsCache settings;

  @Inject
  Validation validation;

  @Inject
  Caller caller;

  @Inject
  Event<IdentityChanged> changed;

  @EJB
  AuditService audit;

  /** A page of the users, by name; with {@code search}, those whose name contains it in any case. */
  public PageDto<UserDto> list(String search, int skip, int top) {
    Paging.check(skip, top);
    if (search != null && search.length() > 250) {
      throw new AtriumException(ErrorCode.VALIDATION_FAILED, "The search is longer than a user name can be.");
    }
    RoleGraph graph = users.roleGraph();
    return new PageDto<>(users.users(search, skip, top).stream().map(u -> views.of(u, graph)).toList(),
        users.countUsers(search), skip, top);
  }

  public UserDto get(UUID id) {
    return views.of(loadUser(id));
  }

  public UserDto create(NewUserDto dto) {
    validation.check(dto);
    String name = text(dto.name());
    String code = AdminUnit.loginCode(name);
    if (users.codeTaken(code)) {
      throw new AtriumException(ErrorCode.CONFLICT, "A user or role named '" + name + "' already exists.");
    }
    AdminUnitType type = "External".equals(dto.type()) ? AdminUnitType.EXTERNAL_USER : AdminUnitType.USER;
    Set<UUID> roleIds = new LinkedHashSet<>(dto.roleIds() == null ? List.of() : dto.roleIds());
    roleIds.add(UUID.fromString(type == AdminUnitType.USER ? RoleIds.ALL_EMPLOYEES : RoleIds.ALL_EXTERNAL_USERS));
    List<FieldError> errors = new ArrayList<>();
    for (UUID roleId : roleIds) {
      if (users.find(roleId).filter(AdminUnit::isRole).isEmpty()) {
        errors.add(new FieldError("RoleIds", roleId + " is not a role"));
      }
    }
    boolean technical = Boolean.TRUE.equals(dto.technical());
    if (technical && dto.password() != null) {
      errors.add(new FieldError("Password", "must be absent: technical users never sign in with a password"));
    } else if (!technical) {
      checkPassword(dto.password(), null, users.roleGraph().effectiveRoles(roleIds), errors);
    }
    Validation.fail(errors);

    LocalDateTime now = nowUtc();
    UUID byContact = caller.who().contactId();
    // The user's contact is a record of the business object Contact, written like any other.
    Map<String, Object> contact = new HashMap<>();
    contact.put("Name", name);
    contact.put("Email", text(dto.email()));
    UUID contactId = objects.store().insert(em, "Contact", contact, byContact);
    AdminUnit user = AdminUnit.create(name, code, type, null, contactId, text(dto.email()), byContact, now);
    if (technical) {
      user.setTechnical(true);
    } else {
      user.setPassword(hasher.hash(dto.password()), false, now);
    }
    users.persist(user);
    roleIds.forEach(r -> users.persist(new UserInRole(user.getId(), r)));
    users.flush();
    membership.refreshUsers(List.of(user.getId()));
    audit.record(caller.audit(AuditEvent.USER_CREATED, user.getId(), name, type.name() + (technical ? " technical" : "")));
    return views.of(user);
  }

  public UserDto update(UUID id, UserChangeDto dto) {
    validation.check(dto);
    AdminUnit user = loadUser(id);
    String name = text(dto.name());
    String code = AdminUnit.loginCode(name);
    if (!code.equals(user.getCode()) && users.codeTaken(code)) {
      throw new AtriumException(ErrorCode.CONFLICT, "A user or role named '" + name + "' already exists.");
    }
    if (!dto.active() && SUPERVISOR.equals(id)) {
      throw new AtriumException(ErrorCode.CONFLICT, "Supervisor cannot be deactivated.");
    }
    boolean deactivated = user.isActive() && !dto.active();
    user.rename(name, code);
    user.setEmail(text(dto.email()));
    user.setActive(dto.active());
    user.stampModified(caller.who().contactId(), nowUtc());
    if (deactivated) {
      sessions.deleteAllOf(id);
    }
    changed.fire(new IdentityChanged(id));
    audit.record(caller.audit(AuditEvent.USER_CHANGED, id, name, deactivated ? "deactivated" : null));
    return views.of(user);
  }

  public void delete(UUID id) {
    AdminUnit user = loadUser(id);
    if (SUPERVISOR.equals(id) || id.equals(caller.who().id())) {
      throw new AtriumException(ErrorCode.CONFLICT, "Supervisor and the caller cannot be deleted.");
    }
    sessions.deleteAllOf(id);
    defaultRights.forget(id); // the rules naming it go with it
    users.remove(user);
    users.flush();
    changed.fire(new IdentityChanged(id));
    audit.record(caller.audit(AuditEvent.USER_DELETED, id, user.getName(), null));
  }

  /** Sets a password the user must change at the next sign-in, and ends their sessions. */
  public void resetPassword(UUID id, PasswordDto dto) {
    validation.check(dto);
    AdminUnit user = loadUser(id);
    if (user.isTechnical()) {
      throw new AtriumException(ErrorCode.CONFLICT, "Technical users have no password; rotate their OAuth client's secret.");
    }
    List<FieldError> errors = new ArrayList<>();
    checkPassword(dto.password(), id, users.roleGraph().effectiveRoles(users.directRoleIds(id)), errors);
    Validation.fail(errors);
    user.setPassword(hasher.hash(dto.password()), true, nowUtc());
    sessions.deleteAllOf(id);
    changed.fire(new IdentityChanged(id));
    audit.record(caller.audit(AuditEvent.PASSWORD_RESET, id, user.getName(), null));
  }

  public void unlock(UUID id) {
    AdminUnit user = loadUser(id);
    if (attempts.unlock(user.getCode())) {
      audit.record(caller.audit(AuditEvent.UNLOCKED, id, user.getName(), null));
    }
  }

  public List<SessionDto> sessions(UUID id) {
    loadUser(id);
    return sessions.sessionsOf(id).stream().map(s -> new SessionDto(s.id(), s.createdAt())).toList();
  }

  public void endSessions(UUID id) {
    AdminUnit user = loadUser(id);
    int ended = sessions.deleteAllOf(id);
    audit.record(caller.audit(AuditEvent.SESSIONS_ENDED, id, user.getName(), ended + " sessions"));
  }

  public void endSession(UUID id, String sessionId) {
    AdminUnit user = loadUser(id);
    if (!sessions.deleteById(id, sessionId)) {
      throw new AtriumException(ErrorCode.NOT_FOUND, "No such session of this user.");
    }
    audit.record(caller.audit(AuditEvent.SESSIONS_ENDED, id, user.getName(), "1 session"));
  }

  private void checkPassword(String password, UUID userId, List<UUID> roles, List<FieldError> errors) {
    PasswordPolicy.of(settings.snapshot(), userId, roles).problems(password)
        .forEach(p -> errors.add(new FieldError("Password", p)));
  }

  private AdminUnit loadUser(UUID id) {
    return users.find(id).filter(u -> u.getType().isUser()).orElseThrow(() -> AtriumException.notFound("User", id));
  }

}
