package dev.atrium.common.application;

import static dev.atrium.common.application.Mapping.nowUtc;

import static dev.atrium.common.application.Mapping.text;

import dev.atrium.common.application.AdminDtos.LinkDto;
import dev.atrium.common.application.AdminDtos.MemberDto;
import dev.atrium.common.application.AdminDtos.NewRoleDto;
import dev.atrium.common.application.AdminDtos.RoleChangeDto;
import dev.atrium.common.application.AdminDtos.RoleDto;
import dev.atrium.common.application.AdminDtos.UserDto;
import dev.atrium.common.domain.AdminUnit;
import dev.atrium.common.domain.AdminUnitType;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FunctionalRoleLink;
import dev.atrium.common.domain.RoleGraph;
import dev.atrium.common.domain.UserInRole;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import dev.atrium.common.permissions.DefaultRecordRightsRepository;
import dev.atrium.common.security.Operations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Administration of roles: the organisational tree (organisations, divisions, teams, manager
 * roles), functional roles and their links to organisational roles, and direct membership. Every
 * change recomputes the effective roles of the users it touches and is audited.
 */
@Stateless
@RolesAllowed(Operations.CAN_MANAGE_USERS)
public class RoleAdminService {

  static final Set<UUID> BUILT_IN = Set.of(UUID.fromString(RoleIds.ALL_EMPLOYEES),
      UUID.fromString(RoleIds.ALL_EXTERNAL_USERS), UUID.fromString(RoleIds.SYSTEM_ADMINISTRATORS));
  static final Map<String, AdminUnitType> TYPES = Map.of("Organisation", AdminUnitType.ORGANISATION,
      "Division", AdminUnitType.DIVISION, "ManagerRole", AdminUnitType.MANAGER_ROLE, "Team", AdminUnitType.TEAM,
      "FunctionalRole", AdminUnitType.FUNCTIONAL_ROLE);

  @Inject
  AdminUnitRepository users;

  @Inject
  DefaultRecordRightsRepository defaultRights;

  @Inject
  MembershipService membership;

  @Inject
  Validation validation;

  @Inject
  Caller caller;

  @EJB
  AuditService audit;

  @Inject
  UserViews views;

  public List<RoleDto> list() {
    Map<UUID, List<UUID>> links = links();
    return users.roles().stream().map(r -> toDto(r, links)).toList();
  }

  public RoleDto get(UUID id) {
    return toDto(loadRole(id), links());
  }

  public RoleDto create(NewRoleDto dto) {
    validation.check(dto);
    if (users.codeTaken(dto.code())) {
      throw new AtriumException(ErrorCode.CONFLICT, "A user or role with code '" + dto.code() + "' already exists.");
    }
    AdminUnitType type = TYPES.get(dto.type());
    checkParent(null, dto.parentRoleId(), type);
    AdminUnit role = AdminUnit.create(text(dto.name()), dto.code(), type, dto.parentRoleId(), null, null,
        caller.who().contactId(), nowUtc());
    users.persist(role);
    audit.record(caller.audit(AuditEvent.ROLE_CREATED, role.getId(), role.getCode(), dto.type()));
    return toDto(role, links());
  }

  public RoleDto update(UUID id, RoleChangeDto dto) {
    validation.check(dto);
    AdminUnit role = loadRole(id);
    if (BUILT_IN.contains(id) && !dto.active()) {
      throw new AtriumException(ErrorCode.CONFLICT, "Built-in roles cannot be deactivated.");
    }
    checkParent(id, dto.parentRoleId(), role.getType());
    role.rename(text(dto.name()), role.getCode());
    role.setParentRoleId(dto.parentRoleId());
    role.setActive(dto.active());
    role.stampModified(caller.who().contactId(), nowUtc());
    users.flush();
    membership.refreshHoldersOf(id);
    audit.record(caller.audit(AuditEvent.ROLE_CHANGED, id, role.getCode(), dto.active() ? null : "deactivated"));
    return toDto(role, links());
  }

  public void delete(UUID id) {
    AdminUnit role = loadRole(id);
    if (BUILT_IN.contains(id)) {
      throw new AtriumException(ErrorCode.CONFLICT, "Built-in roles cannot be deleted.");
    }
    if (users.roleInUse(id)) {
      throw new AtriumException(ErrorCode.RECORD_IN_USE,
          "The role still has members, sub-roles or functional-role links.");
    }
    defaultRights.forget(id); // the rules naming it go with it
    users.remove(role);
    audit.record(caller.audit(AuditEvent.ROLE_DELETED, id, role.getCode(), null));
  }

  public List<UserDto> members(UUID roleId) {
    loadRole(roleId);
    RoleGraph graph = users.roleGraph();
    return users.directMembers(roleId).stream().map(u -> views.of(u, graph)).toList();
  }

  public void addMember(UUID roleId, MemberDto dto) {
    validation.check(dto);
    AdminUnit role = loadRole(roleId);
    AdminUnit user = loadUser(dto.userId());
    if (users.membership(user.getId(), roleId).isPresent()) {
      return;
    }
    users.persist(new UserInRole(user.getId(), roleId));
    users.flush();
    membership.refreshUsers(List.of(user.getId()));
    audit.record(caller.audit(AuditEvent.MEMBERSHIP_CHANGED, user.getId(), user.getName(), "added to " + role.getCode()));
  }

  public void removeMember(UUID roleId, UUID userId) {
    AdminUnit role = loadRole(roleId);
    AdminUnit user = loadUser(userId);
    if (UserAdminService.SUPERVISOR.equals(userId) && roleId.toString().equals(RoleIds.SYSTEM_ADMINISTRATORS)) {
      throw new AtriumException(ErrorCode.CONFLICT, "Supervisor stays a system administrator.");
    }
    UserInRole m = users.membership(userId, roleId)
        .orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND, "The user is not a direct member of the role."));
    users.remove(m);
    users.flush();
    membership.refreshUsers(List.of(userId));
    audit.record(caller.audit(AuditEvent.MEMBERSHIP_CHANGED, userId, user.getName(), "removed from " + role.getCode()));
  }

  /** Members of the organisational role (and of the roles below it) also hold the functional role. */
  public void link(UUID functionalRoleId, LinkDto dto) {
    validation.check(dto);
    AdminUnit functional = loadRole(functionalRoleId);
    AdminUnit org = loadRole(dto.orgRoleId());
    if (functional.getType() != AdminUnitType.FUNCTIONAL_ROLE || org.getType() == AdminUnitType.FUNCTIONAL_ROLE) {
      throw new AtriumException(ErrorCode.VALIDATION_FAILED,
          "A functional role is linked to an organisational role.");
    }
    if (users.link(functionalRoleId, org.getId()).isEmpty()) {
      users.persist(new FunctionalRoleLink(functionalRoleId, org.getId()));
      users.flush();
      membership.refreshHoldersOf(org.getId());
      audit.record(caller.audit(AuditEvent.ROLE_CHANGED, functionalRoleId, functional.getCode(), "linked to " + org.getCode()));
    }
  }

  public void unlink(UUID functionalRoleId, UUID orgRoleId) {
    AdminUnit functional = loadRole(functionalRoleId);
    FunctionalRoleLink link = users.link(functionalRoleId, orgRoleId)
        .orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND, "No such link."));
    users.remove(link);
    users.flush();
    membership.refreshHoldersOf(orgRoleId);
    audit.record(caller.audit(AuditEvent.ROLE_CHANGED, functionalRoleId, functional.getCode(), "unlinked"));
  }

  private void checkParent(UUID roleId, UUID parentId, AdminUnitType type) {
    if (parentId == null) {
      return;
    }
    AdminUnit parent = users.find(parentId).filter(AdminUnit::isRole).orElseThrow(() -> new AtriumException(
        ErrorCode.UNKNOWN_REFERENCE, "The parent role does not exist."));
    if ((type == AdminUnitType.FUNCTIONAL_ROLE) != (parent.getType() == AdminUnitType.FUNCTIONAL_ROLE)) {
      throw new AtriumException(ErrorCode.VALIDATION_FAILED,
          "Functional roles sit under functional roles, organisational roles under organisational roles.");
    }
    if (roleId != null && users.roleGraph().wouldCycle(roleId, parentId)) {
      throw new AtriumException(ErrorCode.VALIDATION_FAILED, "A role cannot sit under itself or its own sub-roles.");
    }
  }

  private Map<UUID, List<UUID>> links() {
    return users.links().stream().collect(Collectors.groupingBy(FunctionalRoleLink::getFunctionalRoleId,
        Collectors.mapping(FunctionalRoleLink::getOrgRoleId, Collectors.toList())));
  }

  private RoleDto toDto(AdminUnit r, Map<UUID, List<UUID>> links) {
    String type = TYPES.entrySet().stream().filter(e -> e.getValue() == r.getType()).findFirst().orElseThrow().getKey();
    return new RoleDto(r.getId(), r.getName(), r.getCode(), type, r.getParentRoleId(), r.isActive(),
        links.getOrDefault(r.getId(), List.of()));
  }

  private AdminUnit loadRole(UUID id) {
    return users.find(id).filter(AdminUnit::isRole).orElseThrow(() -> AtriumException.notFound("Role", id));
  }

  private AdminUnit loadUser(UUID id) {
    return users.find(id).filter(u -> u.getType().isUser())
        .orElseThrow(() -> new AtriumException(ErrorCode.UNKNOWN_REFERENCE, "User " + id + " does not exist."));
  }

}
