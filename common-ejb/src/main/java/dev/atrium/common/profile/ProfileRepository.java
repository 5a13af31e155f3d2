package dev.atrium.common.profile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A user's profile entries. */
@ApplicationScoped
public class ProfileRepository {

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  public Optional<ProfileEntry> find(UUID userId, String key) {
    return em.createQuery("SELECT p FROM ProfileEntry p WHERE p.userId = :user AND p.key = :key", ProfileEntry.class)
        .setParameter("user", userId).setParameter("key", key).getResultStream().findFirst();
  }

  /** The user's entries whose key starts with {@code prefix} (all for ""), by key. */
  public List<ProfileEntry> list(UUID userId, String prefix) {
    return em.createQuery("SELECT p FROM ProfileEntry p WHERE p.userId = :user AND p.key LIKE :prefix ESCAPE '\\' "
            + "ORDER BY p.key", ProfileEntry.class)
        .setParameter("user", userId).setParameter("prefix", prefix.replace("\\", "\\\\").replace("%", "\\%")
            .replace("_", "\\_") + "%")
        .getResultList();
  }

  public long count(UUID userId) {
    return em.createQuery("SELECT COUNT(p) FROM ProfileEntry p WHERE p.userId = :user", Long.class)
        .setParameter("user", userId).getSingleResult();
  }

  public void persist(ProfileEntry entry) {
    em.persist(entry);
    em.flush();
  }

  public void remove(ProfileEntry entry) {
    em.remove(entry);
  }
}
