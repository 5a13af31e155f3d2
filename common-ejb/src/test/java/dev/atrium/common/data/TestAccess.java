package dev.atrium.common.data;

import dev.atrium.common.metadata.EntityField;
import dev.atrium.common.metadata.EntityModel;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/** What the record layer's tests need beside it: a caller's access, and a unit of work. */
public final class TestAccess {
  private TestAccess() {}

  /**
   * A caller who may read the objects and columns the predicates accept (and change the columns
   * they read), and under record permissions reaches the records whose rights name one of {@code units}.
   */
  public static RecordAccess of(Predicate<EntityModel> objects, BiPredicate<EntityModel, EntityField> columns, List<UUID> units) {
    return new RecordAccess() {
      @Override
      public boolean readsObject(EntityModel object) {
        return objects.test(object);
      }

      @Override
      public boolean readsColumn(EntityModel object, EntityField field) {
        return columns.test(object, field);
      }

      @Override
      public boolean changesColumn(EntityModel object, EntityField field, boolean insert) {
        return columns.test(object, field);
      }

      @Override
      public Optional<List<UUID>> recordGrantees(EntityModel object, RecordOperation operation) {
        return object.recordRightsInForce() ? Optional.of(units) : Optional.empty();
      }
    };
  }

  /** Runs the work in a transaction of its own and commits it. */
  public static <T> T inTx(EntityManagerFactory emf, Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }
}
