package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.atrium.common.infrastructure.LiquibaseRunner;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Liquibase at deployment: on an empty database it creates everything; on an already migrated
 * one it finds nothing to do and keeps the data; two nodes migrating at once apply each change
 * set exactly once ({@link LiquibaseRunner}, the code the server runs, from two threads at once).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MigrationIT {

  private static final String MASTER = LiquibaseRunner.MASTER_CHANGELOG;

  @Deployment(name = "ear", managed = false, testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  @ArquillianResource
  Deployer deployer;

  @Test
  void migratesAnEmptyDatabaseAndRedeploysOnAMigratedOneWithoutChange() throws Exception {
    resetSchema();
    deployer.deploy("ear");
    try {
      long applied = TestData.count("SELECT COUNT(*) FROM DATABASECHANGELOG");
      assertEquals(expectedChangeSets(), applied, "every change set but the demo data");
      assertEquals(1, TestData.count("SELECT COUNT(*) FROM SysAdminUnit WHERE Code = 'supervisor' AND PasswordHash IS NOT NULL"),
          "the Supervisor got its password from configuration");
      String id = AtriumClient.supervisor().api("POST", "/0/rest/accounts", "{\"Name\":\"Survives redeploy\"}")
          .json().getString("Id");

      deployer.undeploy("ear");
      deployer.deploy("ear");

      assertEquals(applied, TestData.count("SELECT COUNT(*) FROM DATABASECHANGELOG"), "nothing re-applied");
      assertEquals(200, AtriumClient.supervisor().api("GET", "/0/rest/accounts/" + id, null).status(), "data kept");
    } finally {
      deployer.undeploy("ear");
    }
  }

  @Test
  void twoNodesStartingTogetherApplyEachChangeSetOnce() throws Exception {
    resetSchema();
    System.setProperty("liquibase.analytics.enabled", "false");
    CountDownLatch start = new CountDownLatch(1);
    Callable<String> node = () -> {
      start.await();
      return LiquibaseRunner.update(TestData::connect, "default", MigrationIT.class.getClassLoader());
    };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> nodes = List.of(pool.submit(node), pool.submit(node));
      start.countDown();
      for (Future<String> f : nodes) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(expectedChangeSets(), TestData.count("SELECT COUNT(*) FROM DATABASECHANGELOG"));
    assertEquals(expectedChangeSets(), TestData.count("SELECT COUNT(DISTINCT ID) FROM DATABASECHANGELOG"));
    assertEquals(4, TestData.count("SELECT COUNT(*) FROM SysAdminUnit"), "built-in rows inserted once");
    assertEquals(0, TestData.count("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = TRUE"), "lock released");
  }

  /** Drops everything in the IT database, as on a new installation. */
  private static void resetSchema() throws Exception {
    try (Connection c = TestData.connect(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
  }

  /** The change sets of the shipped changelogs that run outside quick-start mode. */
  private static long expectedChangeSets() throws IOException {
    List<String> files = new ArrayList<>();
    Matcher include = Pattern.compile("<include file=\"([^\"]+)\"").matcher(read(MASTER));
    while (include.find()) {
      files.add(include.group(1));
    }
    long count = 0;
    for (String file : files) {
      Matcher changeSet = Pattern.compile("<changeSet [^>]*>").matcher(read(file));
      while (changeSet.find()) {
        if (!changeSet.group().contains("context=\"demo\"")) {
          count++;
        }
      }
    }
    assertTrue(count > 0);
    return count;
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = MigrationIT.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
