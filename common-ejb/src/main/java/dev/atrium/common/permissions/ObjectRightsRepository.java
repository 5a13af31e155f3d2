package dev.atrium.common.permissions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The rows of {@code SysEntitySchemaOperationRight}. */
@ApplicationScoped
public class ObjectRightsRepository {

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  /** Every object's entries in their order, by the object's lower-case name (one query). */
  public ObjectRights all() {
    Map<String, List<ObjectRight>> byObject = new HashMap<>();
    for (Object[] row : em.createQuery("SELECT s.name, r FROM ObjectRightRow r, ObjectSchema s WHERE s.id = r.schemaId "
        + "ORDER BY r.position", Object[].class).getResultList()) {
      byObject.computeIfAbsent(((String) row[0]).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(((ObjectRightRow) row[1]).right());
    }
    return new ObjectRights(byObject);
  }

  /** One object's entries in their order. */
  public List<ObjectRight> of(UUID schemaId) {
    return em.createQuery("SELECT r FROM ObjectRightRow r WHERE r.schemaId = :id ORDER BY r.position", ObjectRightRow.class)
        .setParameter("id", schemaId).getResultStream().map(ObjectRightRow::right).toList();
  }

  /** Replaces one object's entries with {@code rights}, in that order. */
  public void replace(UUID schemaId, List<ObjectRight> rights) {
    em.createQuery("DELETE FROM ObjectRightRow r WHERE r.schemaId = :id").setParameter("id", schemaId).executeUpdate();
    for (int i = 0; i < rights.size(); i++) {
      em.persist(new ObjectRightRow(schemaId, i, rights.get(i)));
    }
    em.flush();
  }
}
