package dev.atrium.common.infrastructure;

import dev.atrium.common.domain.Setting;
import dev.atrium.common.domain.SettingValue;
import dev.atrium.common.domain.SettingsSnapshot;
import dev.atrium.common.domain.SettingsSnapshot.Definition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** System settings and their per-role and per-user values. */
@ApplicationScoped
public class SettingsRepository {

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  public SettingsSnapshot snapshot() {
    Map<String, Definition> definitions = new HashMap<>();
    for (Setting s : em.createQuery("SELECT s FROM Setting s", Setting.class).getResultList()) {
      definitions.put(s.getCode(), new Definition(s.getId(), s.getCode(), s.getName(), s.getValueType(),
          s.getDefaultValue(), s.getMinValue(), s.getMaxValue()));
    }
    Map<UUID, Map<UUID, String>> values = new HashMap<>();
    for (SettingValue v : em.createQuery("SELECT v FROM SettingValue v", SettingValue.class).getResultList()) {
      values.computeIfAbsent(v.getSettingId(), k -> new HashMap<>()).put(v.getAdminUnitId(), v.getValue());
    }
    return new SettingsSnapshot(definitions, values);
  }

  public Optional<Setting> find(String code) {
    return em.createQuery("SELECT s FROM Setting s WHERE s.code = :code", Setting.class)
        .setParameter("code", code).getResultStream().findFirst();
  }

  public Optional<SettingValue> findValue(UUID settingId, UUID adminUnitId) {
    return em.createQuery("SELECT v FROM SettingValue v WHERE v.settingId = :s AND v.adminUnitId = :u", SettingValue.class)
        .setParameter("s", settingId).setParameter("u", adminUnitId).getResultStream().findFirst();
  }

  public void persist(SettingValue value) {
    em.persist(value);
  }

  public void remove(SettingValue value) {
    em.remove(value);
  }

  public void flush() {
    em.flush();
  }
}
