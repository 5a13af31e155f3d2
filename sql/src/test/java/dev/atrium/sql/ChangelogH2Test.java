package dev.atrium.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/** Applies the master changelog to an empty embedded H2 twice: the second run must change nothing. */
class ChangelogH2Test {

  private static final String MASTER = "db/changelog/atrium-master.xml";

  @Test
  void migratesEmptyDatabaseAndIsIdempotent() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:atrium-it;DB_CLOSE_DELAY=-1", "sa", "")) {
      update(c, "default");
      int applied = count(c, "SELECT COUNT(*) FROM DATABASECHANGELOG");
      assertTrue(applied >= 6, "changesets applied: " + applied);
      assertEquals(1, count(c, "SELECT COUNT(*) FROM SysAdminUnit WHERE Code = 'supervisor'"));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM Account"), "demo data must need the demo context");

      update(c, "default");
      assertEquals(applied, count(c, "SELECT COUNT(*) FROM DATABASECHANGELOG"), "second run applies nothing");

      update(c, "default,demo");
      assertEquals(3, count(c, "SELECT COUNT(*) FROM Account"));
      assertEquals(6, count(c, "SELECT COUNT(*) FROM Contact"), "5 demo contacts + Supervisor's");
    }
  }

  @Test
  void uniqueLoginIsEnforced() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:atrium-ux;DB_CLOSE_DELAY=-1", "sa", "")) {
      update(c, "default");
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO SysAdminUnit (Id, CreatedOn, ModifiedOn, Name, Code, TypeValue, Active)"
            + " VALUES (RANDOM_UUID(), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'Other', 'other', 4, TRUE)");
        boolean rejected = false;
        try {
          s.executeUpdate("INSERT INTO SysAdminUnit (Id, CreatedOn, ModifiedOn, Name, Code, TypeValue, Active)"
              + " VALUES (RANDOM_UUID(), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'OTHER', 'other', 4, TRUE)");
        } catch (java.sql.SQLException expected) {
          rejected = true;
        }
        assertTrue(rejected, "a second admin unit with the same code must be rejected");
      }
    }
  }

  static void update(Connection c, String contexts) throws Exception {
    Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
    Scope.child(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(), () ->
        new CommandScope("update")
            .addArgumentValue("database", db)
            .addArgumentValue("changelogFile", MASTER)
            .addArgumentValue("contexts", contexts)
            .execute());
  }

  private static int count(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
