package dev.atrium.common.infrastructure;

import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.PartyRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The JPA repository of one entity type. Persistence failures are translated here: an integrity
 * violation (SQLSTATE class 23 on every supported DBMS) becomes a 409 error code.
 */
public abstract class Repository<E extends PartyRecord> {

  @PersistenceContext(unitName = "atrium")
  protected EntityManager em;

  private final Class<E> type;

  protected Repository(Class<E> type) {
    this.type = type;
  }

  public Optional<E> find(UUID id) {
    return Optional.ofNullable(em.find(type, id));
  }

  public boolean exists(UUID id) {
    return find(id).isPresent();
  }

  /** One page ordered by name, then id, so paging is stable. */
  public List<E> page(int skip, int top) {
    String entity = em.getMetamodel().entity(type).getName();
    return em.createQuery("SELECT e FROM " + entity + " e ORDER BY e.name, e.id", type)
        .setFirstResult(skip)
        .setMaxResults(top)
        .getResultList();
  }

  public long count() {
    String entity = em.getMetamodel().entity(type).getName();
    return em.createQuery("SELECT COUNT(e) FROM " + entity + " e", Long.class).getSingleResult();
  }

  public void insert(E entity) {
    em.persist(entity);
    flush(ErrorCode.CONFLICT);
  }

  public void update() {
    flush(ErrorCode.CONFLICT);
  }

  public void delete(E entity) {
    em.remove(entity);
    flush(ErrorCode.RECORD_IN_USE);
  }

  private void flush(ErrorCode onIntegrityViolation) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (isIntegrityViolation(e)) {
        throw new AtriumException(onIntegrityViolation);
      }
      throw e;
    }
  }

  public static boolean isIntegrityViolation(Throwable e) {
    return hasSqlState(e, "23");
  }

  /** Whether a cause of {@code e} is an SQL error of the SQLSTATE class {@code stateClass} (two characters). */
  public static boolean hasSqlState(Throwable e, String stateClass) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(stateClass)) {
        return true;
      }
    }
    return false;
  }
}
