package dev.atrium.common.infrastructure;

import dev.atrium.common.domain.InstanceRecord;
import dev.atrium.common.domain.LicenceFileRecord;
import dev.atrium.common.domain.LicenceGrant;
import dev.atrium.common.domain.LicensedProduct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** The installation, the licence in force, its products and the named licences granted. */
@ApplicationScoped
public class LicenceRepository {

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  @Inject
  AdminUnitRepository units;

  public InstanceRecord instance() {
    return em.find(InstanceRecord.class, InstanceRecord.ROW);
  }

  /** Moves the high-water mark forward to {@code now}; never back. */
  public void advanceHighWaterMark(LocalDateTime now) {
    em.createQuery("UPDATE InstanceRecord i SET i.highWaterMark = :now WHERE i.id = :row"
            + " AND (i.highWaterMark IS NULL OR i.highWaterMark < :now)")
        .setParameter("now", now).setParameter("row", InstanceRecord.ROW).executeUpdate();
  }

  public List<LicensedProduct> products() {
    return em.createQuery("SELECT p FROM LicensedProduct p ORDER BY p.productCode", LicensedProduct.class)
        .getResultList();
  }

  /** The newest file accepted: the licence in force. */
  public Optional<LicenceFileRecord> fileInForce() {
    return em.createQuery("SELECT f FROM LicenceFileRecord f ORDER BY f.createdOn DESC", LicenceFileRecord.class)
        .setMaxResults(1).getResultStream().findFirst();
  }

  public Optional<LicenceGrant> grant(UUID holderId, String product) {
    return em.createQuery("SELECT g FROM LicenceGrant g WHERE g.holderId = :holder AND g.productCode = :product",
            LicenceGrant.class)
        .setParameter("holder", holderId).setParameter("product", product).getResultStream().findFirst();
  }

  /** Grants of a product, or all grants when {@code product} is null. */
  public List<LicenceGrant> grants(String product) {
    return em.createQuery("SELECT g FROM LicenceGrant g WHERE :product IS NULL OR g.productCode = :product"
            + " ORDER BY g.productCode, g.createdOn", LicenceGrant.class)
        .setParameter("product", product).getResultList();
  }

  /** The products granted to a user directly or to any role they hold. */
  public Set<String> grantedProducts(UUID userId, Collection<UUID> roles) {
    Set<UUID> holders = new HashSet<>(roles);
    holders.add(userId);
    return new TreeSet<>(em.createQuery("SELECT DISTINCT g.productCode FROM LicenceGrant g WHERE g.holderId IN :holders",
            String.class).setParameter("holders", holders).getResultList());
  }

  /** Per product, the users it is granted to, directly or through a role. */
  public Map<String, Set<UUID>> holdersByProduct() {
    Map<String, List<UUID>> byProduct = grants(null).stream().collect(Collectors.groupingBy(
        LicenceGrant::getProductCode, TreeMap::new, Collectors.mapping(LicenceGrant::getHolderId, Collectors.toList())));
    Map<String, Set<UUID>> users = new TreeMap<>();
    byProduct.forEach((product, holders) -> {
      Set<UUID> u = new HashSet<>(units.usersAmong(holders));
      u.addAll(units.usersHoldingAny(holders));
      users.put(product, u);
    });
    return users;
  }

  /** Per product, how many users hold a named licence of it. */
  public Map<String, Integer> assignedCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    holdersByProduct().forEach((product, users) -> counts.put(product, users.size()));
    return counts;
  }

  public void persist(Object entity) {
    em.persist(entity);
  }

  public void remove(Object entity) {
    em.remove(entity);
  }

  public void flush() {
    em.flush();
  }
}
