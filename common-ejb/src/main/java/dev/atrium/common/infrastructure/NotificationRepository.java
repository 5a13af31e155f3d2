package dev.atrium.common.infrastructure;

import dev.atrium.common.domain.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;

/** Notifications for the holders of operations. */
@ApplicationScoped
public class NotificationRepository {

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  public boolean exists(String dedupKey) {
    return !em.createQuery("SELECT n.id FROM Notification n WHERE n.dedupKey = :key")
        .setParameter("key", dedupKey).setMaxResults(1).getResultList().isEmpty();
  }

  public void persist(Notification n) {
    em.persist(n);
  }

  /** Drops notifications created before {@code before}; returns how many. */
  public int purgeBefore(java.time.LocalDateTime before) {
    return em.createQuery("DELETE FROM Notification n WHERE n.createdOn < :t").setParameter("t", before).executeUpdate();
  }

  public List<String> audiences() {
    return em.createQuery("SELECT DISTINCT n.audience FROM Notification n", String.class).getResultList();
  }

  /** The newest notifications for these audiences. */
  public List<Notification> newestFor(Collection<String> audiences, int top) {
    if (audiences.isEmpty()) {
      return List.of();
    }
    return em.createQuery("SELECT n FROM Notification n WHERE n.audience IN :audiences ORDER BY n.createdOn DESC",
            Notification.class)
        .setParameter("audiences", audiences).setMaxResults(top).getResultList();
  }
}
