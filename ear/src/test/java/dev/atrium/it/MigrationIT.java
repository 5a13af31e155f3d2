package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
 * set exactly once ({@link LiquibaseRunner}, the code the server runs, in two JVMs at once).
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
    List<Process> nodes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      nodes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          "-Datrium.it.db.url=" + System.getProperty("atrium.it.db.url"),
          "-Datrium.it.db.user=" + System.getProperty("atrium.it.db.user"),
          "-Datrium.it.db.password=" + System.getProperty("atrium.it.db.password"),
          MigrateOnce.class.getName()).redirectErrorStream(true).redirectOutput(log(i).toFile()).start());
    }
    for (int i = 0; i < nodes.size(); i++) {
      assertTrue(nodes.get(i).waitFor(120, TimeUnit.SECONDS), "a migrating node hung: see " + log(i));
      assertEquals(0, nodes.get(i).exitValue(), Files.readString(log(i)));
    }
    assertEquals(expectedChangeSets(), TestData.count("SELECT COUNT(*) FROM DATABASECHANGELOG"));
    assertEquals(expectedChangeSets(), TestData.count("SELECT COUNT(DISTINCT ID) FROM DATABASECHANGELOG"));
    assertEquals(4, TestData.count("SELECT COUNT(*) FROM SysAdminUnit"), "built-in rows inserted once");
    assertEquals(0, TestData.count("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = TRUE"), "lock released");
  }

  private static Path log(int node) {
    return Path.of("target", "migrate-node-" + node + ".log");
  }

  /** Drops everything in the IT database, as on a new installation. */
  private static void resetSchema() throws Exception {
    try (Connection c = TestData.connect(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
  }

  /** Whether a change set's {@code dbms} attribute, if it has one, lets it run on PostgreSQL (these tests' database). */
  private static boolean runsOnPostgresql(String changeSet) {
    Matcher dbms = Pattern.compile("dbms=\"([^\"]*)\"").matcher(changeSet);
    if (!dbms.find()) {
      return true;
    }
    List<String> names = List.of(dbms.group(1).replace(" ", "").split(","));
    return names.contains("postgresql") || names.stream().allMatch(n -> n.startsWith("!")) && !names.contains("!postgresql");
  }

  /** The change sets of the shipped changelogs that run outside quick-start mode, on PostgreSQL. */
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
        if (!changeSet.group().contains("context=\"demo\"") && runsOnPostgresql(changeSet.group())) {
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
