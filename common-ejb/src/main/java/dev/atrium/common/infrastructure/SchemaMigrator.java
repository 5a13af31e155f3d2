package dev.atrium.common.infrastructure;

import dev.atrium.common.infrastructure.AtriumConfig.Mode;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Brings the database schema up to date at deployment, against the container datasource (see
 * {@link LiquibaseRunner} for how nodes that start together stay safe). Quick-start mode adds the
 * demo data (context {@code demo}).
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

  public static final String DATASOURCE = "java:jboss/datasources/AtriumDS";
  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

  @Resource(lookup = DATASOURCE)
  DataSource dataSource;

  @Inject
  AtriumConfig config;

  public void migrate() {
    String contexts = config.mode() == Mode.QUICKSTART ? "default,demo" : "default";
    long started = System.nanoTime();
    try {
      String product = LiquibaseRunner.update(dataSource::getConnection, contexts, SchemaMigrator.class.getClassLoader());
      LOG.infof("ATRIUM-0001 Database schema is up to date (%s, contexts %s) in %d ms",
          product, contexts, (System.nanoTime() - started) / 1_000_000);
    } catch (Exception e) {
      throw new IllegalStateException("ATRIUM-0002 Database migration failed", e);
    }
  }
}
