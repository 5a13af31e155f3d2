package dev.atrium.common.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jboss.logging.Logger;

/**
 * Runs Atrium's changelogs with Liquibase. Liquibase serialises updates with its lock table, but
 * version 4.33 creates its history table while reading the changelog, before taking the lock: on
 * an empty database, nodes that start together race there and all but one fail. A failed attempt
 * is therefore retried on a fresh connection; the retry finds the tables and waits for the lock.
 */
public final class LiquibaseRunner {

  public static final String MASTER_CHANGELOG = "db/changelog/atrium-master.xml";
  static final int ATTEMPTS = 3;
  private static final Logger LOG = Logger.getLogger(LiquibaseRunner.class);

  /** Where connections come from: the container datasource, or a test's JDBC URL. */
  @FunctionalInterface
  public interface ConnectionSource {
    Connection open() throws SQLException;
  }

  private LiquibaseRunner() {}

  /** The Liquibase scope Atrium runs in: resources from {@code loader}, no analytics. */
  public static Map<String, Object> scope(ClassLoader loader) {
    return Map.of(
        Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader),
        Scope.Attr.classLoader.name(), loader,
        "liquibase.analytics.enabled", Boolean.FALSE);
  }

  /** Applies every pending change set for the contexts; returns the database's product name. */
  public static String update(ConnectionSource connections, String contexts, ClassLoader loader) throws Exception {
    Exception last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try (Connection connection = connections.open()) {
        Database database =
            DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        Scope.child(scope(loader), () -> new CommandScope("update")
            .addArgumentValue("database", database)
            .addArgumentValue("changelogFile", MASTER_CHANGELOG)
            .addArgumentValue("contexts", contexts)
            .execute());
        return database.getDatabaseProductName();
      } catch (Exception e) {
        last = e;
        if (attempt < ATTEMPTS) {
          LOG.warnf("ATRIUM-0005 Database migration attempt %d failed (%s); retrying, another node may be"
              + " migrating the same database", attempt, e.getMessage());
          Thread.sleep(1000L * attempt);
        }
      }
    }
    throw last;
  }
}
