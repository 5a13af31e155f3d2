package dev.atrium.common.permissions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** The rows of {@code SysEntitySchemaRecordDefRight}: the default-rights rules of objects. */
@ApplicationScoped
public class DefaultRecordRightsRepository {

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  /** One object's rules in their order. */
  public List<DefaultRecordRight> of(UUID schemaId) {
    return em.createQuery("SELECT r FROM DefaultRecordRightRow r WHERE r.schemaId = :id ORDER BY r.position",
        DefaultRecordRightRow.class).setParameter("id", schemaId).getResultStream().map(DefaultRecordRightRow::rule).toList();
  }

  /** Replaces one object's rules with {@code rules}, in that order. */
  public void replace(UUID schemaId, List<DefaultRecordRight> rules) {
    em.createQuery("DELETE FROM DefaultRecordRightRow r WHERE r.schemaId = :id").setParameter("id", schemaId).executeUpdate();
    em.flush();
    for (int i = 0; i < rules.size(); i++) {
      em.persist(new DefaultRecordRightRow(schemaId, i, rules.get(i)));
    }
    em.flush();
  }

  /**
   * Removes every rule that names the user or role, as author or grantee: what its deletion does
   * (the table's references to admin units do not cascade, SQL Server allowing one path). The
   * rights the rules gave went with the unit (a grantee's rows cascade) or stay until the object's
   * defaults are recomputed (an author's).
   */
  public int forget(UUID unitId) {
    return em.createQuery("DELETE FROM DefaultRecordRightRow r WHERE r.authorId = :u OR r.granteeId = :u")
        .setParameter("u", unitId).executeUpdate();
  }
}
