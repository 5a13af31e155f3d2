package dev.atrium.common.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every system setting and every role's and user's value, as of one moment. A value resolves
 * in this order: the user's own, then the first role in the user's roles (nearest first, see
 * {@link RoleGraph}) that has one, then the setting's default.
 */
public final class SettingsSnapshot {

  /** A setting's definition, detached from persistence. */
  public record Definition(UUID id, String code, String name, Setting.ValueType type, String defaultValue,
      Long min, Long max) {

    /** Why a value is not acceptable for this setting, or empty when it is. */
    public Optional<String> problemWith(String value) {
      if (value == null) {
        return Optional.of("must have a value");
      }
      switch (type) {
        case Integer -> {
          long n;
          try {
            n = Long.parseLong(value.trim());
          } catch (NumberFormatException e) {
            return Optional.of("must be a whole number");
          }
          if ((min != null && n < min) || (max != null && n > max)) {
            return Optional.of("must be between " + min + " and " + max);
          }
        }
        case Boolean -> {
          if (!value.equals("true") && !value.equals("false")) {
            return Optional.of("must be true or false");
          }
        }
        case Text -> {
          if (value.length() > 1000) {
            return Optional.of("must be at most 1000 characters");
          }
        }
      }
      return Optional.empty();
    }
  }

  private final Map<String, Definition> definitions;
  private final Map<UUID, Map<UUID, String>> valuesBySetting;

  public SettingsSnapshot(Map<String, Definition> definitions, Map<UUID, Map<UUID, String>> valuesBySetting) {
    this.definitions = Map.copyOf(definitions);
    this.valuesBySetting = Map.copyOf(valuesBySetting);
  }

  public Optional<Definition> definition(String code) {
    return Optional.ofNullable(definitions.get(code));
  }

  public List<Definition> definitions() {
    return definitions.values().stream().sorted(java.util.Comparator.comparing(Definition::code)).toList();
  }

  /** The role and user values of a setting, by admin unit. */
  public Map<UUID, String> valuesOf(UUID settingId) {
    return valuesBySetting.getOrDefault(settingId, Map.of());
  }

  public String resolve(String code, UUID userId, List<UUID> rolesNearestFirst) {
    Definition d = definition(code).orElseThrow(() -> new IllegalArgumentException("Unknown setting " + code));
    Map<UUID, String> values = valuesBySetting.getOrDefault(d.id(), Map.of());
    if (userId != null && values.containsKey(userId)) {
      return values.get(userId);
    }
    for (UUID role : rolesNearestFirst) {
      if (values.containsKey(role)) {
        return values.get(role);
      }
    }
    return d.defaultValue();
  }

  public int resolveInt(String code, UUID userId, List<UUID> rolesNearestFirst) {
    return Integer.parseInt(resolve(code, userId, rolesNearestFirst).trim());
  }
}
