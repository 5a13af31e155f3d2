package dev.atrium.common.permissions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The rows of {@code SysEntitySchemaColumnRight}. */
@ApplicationScoped
public class ColumnRightsRepository {

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  /** Every column's entries in their order, by object and column (one query). */
  public ColumnRights all() {
    Map<String, Map<String, List<ColumnRight>>> byObject = new HashMap<>();
    for (Object[] row : em.createQuery("SELECT s.name, c.name, r FROM ColumnRightRow r, ObjectSchema s, ObjectColumn c "
        + "WHERE s.id = r.schemaId AND c.id = r.columnId ORDER BY r.position", Object[].class).getResultList()) {
      byObject.computeIfAbsent(ColumnRights.key((String) row[0]), k -> new HashMap<>())
          .computeIfAbsent(ColumnRights.key((String) row[1]), k -> new ArrayList<>())
          .add(((ColumnRightRow) row[2]).right());
    }
    return new ColumnRights(byObject);
  }

  /** One column's entries in their order. */
  public List<ColumnRight> of(UUID columnId) {
    return em.createQuery("SELECT r FROM ColumnRightRow r WHERE r.columnId = :id ORDER BY r.position", ColumnRightRow.class)
        .setParameter("id", columnId).getResultStream().map(ColumnRightRow::right).toList();
  }

  /**
   * Deletes an object's entries, before its columns and schema go: the rows go with their column
   * in the database, but the order of the designer's deletes is the persistence layer's, and the
   * key to SysSchema does not cascade (SQL Server allows one cascading path only, error 1785).
   */
  public void deleteOfObject(UUID schemaId) {
    em.createQuery("DELETE FROM ColumnRightRow r WHERE r.schemaId = :id").setParameter("id", schemaId).executeUpdate();
  }

  /** Replaces one column's entries with {@code rights}, in that order. */
  public void replace(UUID schemaId, UUID columnId, List<ColumnRight> rights) {
    em.createQuery("DELETE FROM ColumnRightRow r WHERE r.columnId = :id").setParameter("id", columnId).executeUpdate();
    for (int i = 0; i < rights.size(); i++) {
      em.persist(new ColumnRightRow(schemaId, columnId, i, rights.get(i)));
    }
    em.flush();
  }
}
