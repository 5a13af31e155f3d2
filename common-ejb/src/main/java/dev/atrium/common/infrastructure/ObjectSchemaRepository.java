package dev.atrium.common.infrastructure;

import dev.atrium.common.domain.ObjectColumn;
import dev.atrium.common.domain.ObjectDefinition;
import dev.atrium.common.domain.ObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** The metadata of business objects ({@code SysSchema}, {@code SysSchemaColumn}). */
@ApplicationScoped
public class ObjectSchemaRepository {

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  /** Every object with its columns (two queries). */
  public List<ObjectDefinition> all() {
    Map<UUID, List<ObjectColumn>> columns = em.createQuery(
            "SELECT c FROM ObjectColumn c ORDER BY c.schemaId, c.position", ObjectColumn.class)
        .getResultStream().collect(Collectors.groupingBy(ObjectColumn::getSchemaId));
    return em.createQuery("SELECT s FROM ObjectSchema s ORDER BY s.name", ObjectSchema.class).getResultStream()
        .map(s -> new ObjectDefinition(s, columns.getOrDefault(s.getId(), List.of()))).toList();
  }

  /** By name, case-insensitively (names are unquoted SQL identifiers). */
  public Optional<ObjectDefinition> find(String name) {
    return em.createQuery("SELECT s FROM ObjectSchema s WHERE UPPER(s.name) = :name", ObjectSchema.class)
        .setParameter("name", name.toUpperCase(Locale.ROOT)).getResultStream().findFirst()
        .map(s -> new ObjectDefinition(s, em.createQuery(
                "SELECT c FROM ObjectColumn c WHERE c.schemaId = :id ORDER BY c.position", ObjectColumn.class)
            .setParameter("id", s.getId()).getResultList()));
  }

  public void persist(Object metadata) {
    em.persist(metadata);
  }

  public void flush() {
    em.flush();
  }

  public void remove(Object metadata) {
    em.remove(em.contains(metadata) ? metadata : em.merge(metadata));
  }

  public <T> T merge(T metadata) {
    return em.contains(metadata) ? metadata : em.merge(metadata);
  }

  /** The names of the tables in the database, upper-cased, whether the metadata knows them or not. */
  public static Set<String> tableNames(DataSource dataSource) throws SQLException {
    Set<String> names = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
      }
    }
    return names;
  }
}
