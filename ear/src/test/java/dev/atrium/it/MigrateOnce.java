package dev.atrium.it;

import dev.atrium.common.infrastructure.LiquibaseRunner;

/**
 * One "node" migrating the IT database, as its own JVM: what a WildFly node does at start
 * ({@link LiquibaseRunner}), without the server. MigrationIT starts two of these at once. (Two
 * threads of one JVM would share Liquibase's JVM-wide lock service, which two nodes never do.)
 */
public final class MigrateOnce {

  private MigrateOnce() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("liquibase.analytics.enabled", "false");
    String product = LiquibaseRunner.update(TestData::connect, "default", MigrateOnce.class.getClassLoader());
    System.out.println("migrated " + product);
  }
}
