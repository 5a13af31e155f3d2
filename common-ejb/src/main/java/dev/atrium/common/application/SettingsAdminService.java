package dev.atrium.common.application;

import static dev.atrium.common.application.Mapping.nowUtc;

import dev.atrium.common.application.AdminDtos.SettingDto;
import dev.atrium.common.application.AdminDtos.SettingValueDto;
import dev.atrium.common.application.AdminDtos.ValueDto;
import dev.atrium.common.domain.AdminUnit;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.AuditEvent;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.domain.RoleGraph;
import dev.atrium.common.domain.Setting;
import dev.atrium.common.domain.SettingValue;
import dev.atrium.common.domain.SettingsSnapshot;
import dev.atrium.common.domain.SettingsSnapshot.Definition;
import dev.atrium.common.infrastructure.AdminUnitRepository;
import dev.atrium.common.infrastructure.SettingsRepository;
import dev.atrium.common.security.Operations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Administration of system settings: defaults, and values for a role or a user. Values are checked
 * against the setting's type and bounds; every node reloads after a change commits.
 */
@Stateless
@RolesAllowed(Operations.CAN_MANAGE_SYS_SETTINGS)
public class SettingsAdminService {

  @Inject
  SettingsRepository repository;

  @Inject
  AdminUnitRepository users;

  @Inject
  Validation validation;

  @Inject
  Caller caller;

  @Inject
  Event<SettingsChanged> changed;

  @EJB
  AuditService audit;

  public List<SettingDto> list() {
    SettingsSnapshot snapshot = repository.snapshot();
    return snapshot.definitions().stream().map(d -> toDto(snapshot, d)).toList();
  }

  public SettingDto get(String code) {
    return toDto(load(code).getCode());
  }

  public SettingDto setDefault(String code, ValueDto dto) {
    validation.check(dto);
    Setting s = load(code);
    String value = checked(code, dto.value());
    s.setDefaultValue(value, nowUtc());
    changed.fire(new SettingsChanged(code));
    audit.record(caller.audit(AuditEvent.SETTING_CHANGED, null, code, "default = " + value));
    return toDto(code);
  }

  public SettingDto setValue(String code, UUID adminUnitId, ValueDto dto) {
    validation.check(dto);
    Setting s = load(code);
    AdminUnit unit = users.find(adminUnitId).orElseThrow(() -> new AtriumException(ErrorCode.UNKNOWN_REFERENCE,
        "User or role " + adminUnitId + " does not exist."));
    String value = checked(code, dto.value());
    SettingValue v = repository.findValue(s.getId(), adminUnitId).orElseGet(() -> {
      SettingValue created = new SettingValue(s.getId(), adminUnitId);
      repository.persist(created);
      return created;
    });
    v.setValue(value, nowUtc());
    changed.fire(new SettingsChanged(code));
    audit.record(caller.audit(AuditEvent.SETTING_CHANGED, adminUnitId, unit.auditName(), code + " = " + value));
    return toDto(code);
  }

  public SettingDto removeValue(String code, UUID adminUnitId) {
    Setting s = load(code);
    SettingValue v = repository.findValue(s.getId(), adminUnitId)
        .orElseThrow(() -> new AtriumException(ErrorCode.NOT_FOUND, "No value of " + code + " for " + adminUnitId + "."));
    repository.remove(v);
    changed.fire(new SettingsChanged(code));
    audit.record(caller.audit(AuditEvent.SETTING_CHANGED, adminUnitId,
        users.find(adminUnitId).map(AdminUnit::auditName).orElse(null), code + " value removed"));
    return toDto(code);
  }

  /** The value that applies to a user: their own, else their nearest role's, else the default. */
  public String effective(String code, UUID userId) {
    load(code);
    AdminUnit user = users.find(userId).filter(u -> u.getType().isUser())
        .orElseThrow(() -> AtriumException.notFound("User", userId));
    RoleGraph graph = users.roleGraph();
    return repository.snapshot().resolve(code, user.getId(), graph.effectiveRoles(users.directRoleIds(userId)));
  }

  private String checked(String code, String value) {
    Definition d = repository.snapshot().definition(code).orElseThrow();
    d.problemWith(value).ifPresent(problem -> Validation.fail(List.of(new FieldError("Value", problem))));
    return value.trim();
  }

  private Setting load(String code) {
    return repository.find(code).orElseThrow(() -> AtriumException.notFound("Setting", code));
  }

  private SettingDto toDto(String code) {
    repository.flush();
    SettingsSnapshot snapshot = repository.snapshot();
    return toDto(snapshot, snapshot.definition(code).orElseThrow());
  }

  private SettingDto toDto(SettingsSnapshot snapshot, Definition d) {
    List<SettingValueDto> values = snapshot.valuesOf(d.id()).entrySet().stream()
        .map(e -> new SettingValueDto(e.getKey(), users.find(e.getKey()).map(AdminUnit::getName).orElse(null), e.getValue()))
        .sorted(java.util.Comparator.comparing(SettingValueDto::adminUnitName, java.util.Comparator.nullsLast(String::compareTo)))
        .toList();
    return new SettingDto(d.code(), d.name(), d.type().name(), d.defaultValue(), d.min(), d.max(), values);
  }

}
