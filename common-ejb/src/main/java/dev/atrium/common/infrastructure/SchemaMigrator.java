package dev.atrium.common.infrastructure;

import dev.atrium.common.infrastructure.AtriumConfig.Mode;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jboss.logging.Logger;

/**
 * Brings the database schema up to date with Liquibase against the container datasource. Liquibase's
 * own lock table serialises nodes that start together; the second one finds nothing to do.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

  public static final String DATASOURCE = "java:jboss/datasources/AtriumDS";
  static final String MASTER_CHANGELOG = "db/changelog/atrium-master.xml";
  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

  @Resource(lookup = DATASOURCE)
  DataSource dataSource;

  @Inject
  AtriumConfig config;

  public void migrate() {
    String contexts = config.mode() == Mode.QUICKSTART ? "default,demo" : "default";
    ClassLoader loader = SchemaMigrator.class.getClassLoader();
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Map<String, Object> scope = Map.of(
          Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader),
          Scope.Attr.classLoader.name(), loader,
          "liquibase.analytics.enabled", Boolean.FALSE);
      Scope.child(scope, () -> new CommandScope("update")
          .addArgumentValue("database", database)
          .addArgumentValue("changelogFile", MASTER_CHANGELOG)
          .addArgumentValue("contexts", contexts)
          .execute());
      LOG.infof("ATRIUM-0001 Database schema is up to date (%s, contexts %s) in %d ms",
          database.getDatabaseProductName(), contexts, (System.nanoTime() - started) / 1_000_000);
    } catch (Exception e) {
      throw new IllegalStateException("ATRIUM-0002 Database migration failed", e);
    }
  }
}
