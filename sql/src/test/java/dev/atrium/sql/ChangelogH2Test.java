package dev.atrium.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

  /** The values 1.5.0 seeds (context "default"), by lookup. */
  private static final Map<String, List<String>> SEEDED = new LinkedHashMap<>();

  static {
    SEEDED.put("Country", List.of("United Kingdom", "United States", "Germany", "France", "Spain"));
    SEEDED.put("AccountType", List.of("Customer", "Partner", "Supplier", "Competitor"));
    SEEDED.put("ContactType", List.of("Customer", "Employee", "Supplier", "Partner"));
    SEEDED.put("ActivityType", List.of("Task", "Call", "Email", "Meeting"));
    SEEDED.put("ActivityStatus", List.of("Not started", "In progress", "Completed", "Cancelled"));
    SEEDED.put("ActivityPriority", List.of("Low", "Medium", "High"));
    SEEDED.put("CaseStatus", List.of("New", "In progress", "Waiting for response", "Resolved", "Closed", "Cancelled"));
    SEEDED.put("CasePriority", List.of("Low", "Medium", "High", "Critical"));
    SEEDED.put("LeadStatus", List.of("New", "Qualified", "Converted", "Disqualified"));
    SEEDED.put("OpportunityStage", List.of("Qualification", "Presentation", "Proposal", "Negotiation", "Closed won", "Closed lost"));
  }

  /** The H2 type of a column of each DataType (INFORMATION_SCHEMA.COLUMNS), as "TYPE" or "TYPE(size)". */
  private static final Map<String, String> H2_TYPES = Map.ofEntries(
      Map.entry("ShortText", "CHARACTER VARYING(50)"), Map.entry("Text", "CHARACTER VARYING(250)"),
      Map.entry("LongText", "CHARACTER VARYING(500)"), Map.entry("MaxText", "CHARACTER LARGE OBJECT"),
      Map.entry("RichText", "CHARACTER LARGE OBJECT"), Map.entry("Email", "CHARACTER VARYING(250)"),
      Map.entry("Phone", "CHARACTER VARYING(250)"), Map.entry("Web", "CHARACTER VARYING(250)"),
      Map.entry("Integer", "INTEGER"), Map.entry("Decimal", "NUMERIC(18,8)"), Map.entry("Money", "NUMERIC(18,2)"),
      Map.entry("Boolean", "BOOLEAN"), Map.entry("Date", "DATE"), Map.entry("Time", "TIME"),
      Map.entry("DateTime", "TIMESTAMP"), Map.entry("Guid", "UUID"), Map.entry("Lookup", "UUID"),
      Map.entry("Binary", "BINARY LARGE OBJECT"));

  @Test
  void migratesEmptyDatabaseAndIsIdempotent() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:atrium-it;DB_CLOSE_DELAY=-1", "sa", "")) {
      update(c, "default");
      int applied = count(c, "SELECT COUNT(*) FROM DATABASECHANGELOG");
      assertTrue(applied >= 6, "changesets applied: " + applied);
      assertEquals(1, count(c, "SELECT COUNT(*) FROM SysAdminUnit WHERE Code = 'supervisor'"));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM Account"), "demo data must need the demo context");
      // 1.5.0: the CRM core objects, their metadata and the lookups' values.
      assertEquals(2 + 15, count(c, "SELECT COUNT(*) FROM SysSchema"), "Account, Contact + 11 lookups + 4 objects");
      assertEquals(26 + 66 + 3, count(c, "SELECT COUNT(*) FROM SysSchemaColumn"),
          "1.4.0's 26 + 1.5.0's 66 + 1.8.0's Position of three lookups");
      // 1.8.0: boards, and the order of the values they are laid out by
      assertEquals(List.of("Qualification", "Presentation", "Proposal", "Negotiation", "Closed won", "Closed lost"),
          orderedStrings(c, "SELECT Name FROM OpportunityStage ORDER BY Position"));
      assertEquals(List.of("New", "In progress", "Waiting for response", "Resolved", "Closed", "Cancelled"),
          orderedStrings(c, "SELECT Name FROM CaseStatus ORDER BY Position"));
      assertEquals(List.of("New", "Qualified", "Converted", "Disqualified"),
          orderedStrings(c, "SELECT Name FROM LeadStatus ORDER BY Position"));
      assertEquals(new TreeSet<>(List.of("Case:Status", "Lead:Status", "Opportunity:Stage")),
          strings(c, "SELECT Name || ':' || BoardColumn FROM SysSchema WHERE BoardColumn IS NOT NULL"));
      for (Map.Entry<String, List<String>> lookup : SEEDED.entrySet()) {
        assertEquals(new TreeSet<>(lookup.getValue()), strings(c, "SELECT Name FROM " + lookup.getKey()),
            "values of " + lookup.getKey());
      }
      assertEquals(6, count(c, "SELECT COUNT(*) FROM OpportunityStage"));
      for (String empty : List.of("City", "Activity", "\"Case\"", "Lead", "Opportunity")) {
        assertEquals(0, count(c, "SELECT COUNT(*) FROM " + empty), empty + " starts empty");
      }
      assertEquals(0, count(c, "SELECT COUNT(*) FROM Account WHERE TypeId IS NOT NULL"));

      update(c, "default");
      assertEquals(applied, count(c, "SELECT COUNT(*) FROM DATABASECHANGELOG"), "second run applies nothing");

      update(c, "default,demo");
      assertEquals(3, count(c, "SELECT COUNT(*) FROM Account"));
      assertEquals(6, count(c, "SELECT COUNT(*) FROM Contact"), "5 demo contacts + Supervisor's");
      assertEquals(3, count(c, "SELECT COUNT(*) FROM Account a JOIN AccountType t ON t.Id = a.TypeId"), "demo accounts typed");
      assertEquals(5, count(c, "SELECT COUNT(*) FROM Contact p JOIN ContactType t ON t.Id = p.TypeId"), "demo contacts typed");
      assertEquals(3, count(c, "SELECT COUNT(*) FROM Activity WHERE AccountId IS NOT NULL AND TypeId IS NOT NULL"));
      assertEquals(2, count(c, "SELECT COUNT(*) FROM \"Case\" k JOIN CaseStatus s ON s.Id = k.StatusId"));
      assertEquals(3, count(c, "SELECT COUNT(*) FROM Opportunity o JOIN OpportunityStage s ON s.Id = o.StageId"));
      assertEquals(1, count(c, "SELECT COUNT(*) FROM Lead"));
      int withDemo = count(c, "SELECT COUNT(*) FROM DATABASECHANGELOG");
      update(c, "default,demo");
      assertEquals(withDemo, count(c, "SELECT COUNT(*) FROM DATABASECHANGELOG"), "second demo run applies nothing");
    }
  }

  /**
   * The metadata describes the tables as they are: every object of SysSchema has its table (Case
   * quoted, with the name's case), every column of SysSchemaColumn is a real column of it (a lookup
   * X as XId) of the DataType's type, NOT NULL exactly when required, unique, indexed and with a
   * foreign key to the referenced object's table as described, and the table has no other columns
   * than the system columns and these.
   */
  @Test
  void metadataDescribesTheTables() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:atrium-meta;DB_CLOSE_DELAY=-1", "sa", "")) {
      update(c, "default");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM SysSchemaColumn k WHERE k.DataType = 'Lookup' AND NOT EXISTS"
          + " (SELECT 1 FROM SysSchema s WHERE s.Name = k.ReferenceSchemaName)"), "every lookup refers to an object");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM SysSchemaColumn WHERE DataType <> 'Lookup' AND ReferenceSchemaName IS NOT NULL"));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM SysSchema s WHERE NOT EXISTS (SELECT 1 FROM SysSchemaColumn k"
          + " WHERE k.SysSchemaId = s.Id AND k.Name = s.PrimaryDisplayColumn)"), "the display column is a column");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM SysSchemaColumn WHERE DataType NOT IN ("
          + String.join(", ", H2_TYPES.keySet().stream().map(t -> "'" + t + "'").toList()) + ")"), "known DataTypes");
      assertEquals(0, count(c, "SELECT COUNT(*) FROM (SELECT SysSchemaId, COUNT(*) n, MIN(Position) lo, MAX(Position) hi,"
          + " COUNT(DISTINCT Position) d FROM SysSchemaColumn GROUP BY SysSchemaId) p WHERE lo <> 1 OR hi <> n OR d <> n"),
          "positions are 1..n");
      assertEquals(12, count(c, "SELECT MAX(k.Position) FROM SysSchemaColumn k JOIN SysSchema s ON s.Id = k.SysSchemaId"
          + " WHERE s.Name = 'Account'"), "Account's Type follows its 11 columns");
      assertEquals(16, count(c, "SELECT k.Position FROM SysSchemaColumn k JOIN SysSchema s ON s.Id = k.SysSchemaId"
          + " WHERE s.Name = 'Contact' AND k.Name = 'Type' AND k.ReferenceSchemaName = 'ContactType'"), "Contact's Type");
      // 1.5.1: owners, permission flags and defaults of the CRM core
      assertEquals(Set.of("Account", "Contact", "Activity", "Case", "Lead", "Opportunity"), strings(c,
          "SELECT Name FROM SysSchema WHERE OwnerColumn = 'Owner' AND IsAdministeredByRecords = TRUE"));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM SysSchema s WHERE s.OwnerColumn IS NOT NULL AND NOT EXISTS"
          + " (SELECT 1 FROM SysSchemaColumn k WHERE k.SysSchemaId = s.Id AND k.Name = s.OwnerColumn"
          + " AND k.ReferenceSchemaName = 'Contact')"), "an owner column is a lookup to Contact");
      assertEquals(17, count(c, "SELECT COUNT(*) FROM SysSchema WHERE IsAdministeredByOperations = TRUE"));
      assertEquals(6, count(c, "SELECT COUNT(*) FROM SysSchemaColumn WHERE DefaultValue IS NOT NULL"));
      assertEquals(0, count(c, "SELECT COUNT(*) FROM SysSchemaColumn k JOIN SysSchema s ON s.Id = k.SysSchemaId"
          + " WHERE k.DefaultValue IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ActivityStatus WHERE Id = CAST(k.DefaultValue AS UUID))"
          + " AND NOT EXISTS (SELECT 1 FROM ActivityPriority WHERE Id = CAST(k.DefaultValue AS UUID))"
          + " AND NOT EXISTS (SELECT 1 FROM CaseStatus WHERE Id = CAST(k.DefaultValue AS UUID))"
          + " AND NOT EXISTS (SELECT 1 FROM CasePriority WHERE Id = CAST(k.DefaultValue AS UUID))"
          + " AND NOT EXISTS (SELECT 1 FROM LeadStatus WHERE Id = CAST(k.DefaultValue AS UUID))"
          + " AND NOT EXISTS (SELECT 1 FROM OpportunityStage WHERE Id = CAST(k.DefaultValue AS UUID))"),
          "each default is a seeded value of its lookup");

      Map<String, List<String[]>> objects = new LinkedHashMap<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT s.Name, k.Name, k.DataType,"
          + " k.IsRequired, k.IsUnique, k.IsIndexed, k.ReferenceSchemaName FROM SysSchema s"
          + " JOIN SysSchemaColumn k ON k.SysSchemaId = s.Id ORDER BY s.Name, k.Position")) {
        while (rs.next()) {
          objects.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new String[] {rs.getString(2),
              rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)});
        }
      }
      assertEquals(Set.of("Account", "Contact", "Country", "City", "AccountType", "ContactType", "ActivityType",
          "ActivityStatus", "ActivityPriority", "CaseStatus", "CasePriority", "LeadStatus", "OpportunityStage",
          "Activity", "Case", "Lead", "Opportunity"), objects.keySet());
      assertEquals(Set.of("Case"), strings(c, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
          + " WHERE TABLE_SCHEMA = 'PUBLIC' AND UPPER(TABLE_NAME) = 'CASE'"), "Case is quoted, with its case kept");

      DatabaseMetaData meta = c.getMetaData();
      for (Map.Entry<String, List<String[]>> object : objects.entrySet()) {
        String name = object.getKey();
        // Unquoted names are folded to upper case by H2; the reserved word Case was created quoted.
        String table = name.equals("Case") ? "Case" : name.toUpperCase(Locale.ROOT);
        Map<String, String[]> columns = columns(c, table);
        assertNotNull(columns.get("ID"), name + ": table " + table + " exists, with an Id");
        assertEquals("UUID/NO", system(columns, "ID"), name + ".Id");
        assertEquals("TIMESTAMP/NO", system(columns, "CREATEDON"), name + ".CreatedOn");
        assertEquals("UUID/YES", system(columns, "CREATEDBYID"), name + ".CreatedById");
        assertEquals("TIMESTAMP/NO", system(columns, "MODIFIEDON"), name + ".ModifiedOn");
        assertEquals("UUID/YES", system(columns, "MODIFIEDBYID"), name + ".ModifiedById");
        Map<String, String> foreignKeys = new LinkedHashMap<>();
        try (ResultSet rs = meta.getImportedKeys(null, "PUBLIC", table)) {
          while (rs.next()) {
            foreignKeys.put(rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME"));
          }
        }
        Set<String> unique = indexedColumns(meta, table, true);
        Set<String> indexed = indexedColumns(meta, table, false);
        for (String[] col : object.getValue()) {
          String label = name + "." + col[0];
          boolean lookup = col[1].equals("Lookup");
          String column = (lookup ? col[0] + "Id" : col[0]).toUpperCase(Locale.ROOT);
          String[] actual = columns.remove(column);
          assertNotNull(actual, label + " is a column " + column + " of " + table);
          assertEquals(H2_TYPES.get(col[1]), actual[0], label + " (" + col[1] + ")");
          assertEquals(Boolean.parseBoolean(col[2]) ? "NO" : "YES", actual[1], label + " NOT NULL exactly when required");
          assertEquals(Boolean.parseBoolean(col[3]), unique.contains(column), label + " unique as described");
          if (Boolean.parseBoolean(col[4]) || lookup) {
            assertTrue(indexed.contains(column), label + " indexed");
          }
          if (lookup) {
            String target = col[5].equals("Case") ? "Case" : col[5].toUpperCase(Locale.ROOT);
            assertEquals(target + ".ID", foreignKeys.get(column), label + " refers to " + col[5]);
          } else {
            assertEquals(null, foreignKeys.get(column), label + " is no lookup");
          }
        }
        assertEquals(Set.of(), columns.keySet(), name + ": columns the metadata does not describe");
      }
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

  /** The columns of {@code table} (exact name) as {type, IS_NULLABLE}, by column name. */
  private static Map<String, String[]> columns(Connection c, String table) throws Exception {
    Map<String, String[]> columns = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
        + " NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String type = rs.getString(2);
          if (type.equals("CHARACTER VARYING")) {
            type += "(" + rs.getLong(3) + ")";
          } else if (type.equals("NUMERIC") || type.equals("DECIMAL")) {
            type = "NUMERIC(" + rs.getInt(4) + "," + rs.getInt(5) + ")";
          }
          columns.put(rs.getString(1), new String[] {type, rs.getString(6)});
        }
      }
    }
    return columns;
  }

  private static String system(Map<String, String[]> columns, String name) {
    String[] column = columns.remove(name);
    return column == null ? "missing" : column[0] + "/" + column[1];
  }

  /** The columns that alone make up a unique index ({@code unique}) or lead any index of {@code table}. */
  private static Set<String> indexedColumns(DatabaseMetaData meta, String table, boolean unique) throws Exception {
    Map<String, List<String>> indexes = new LinkedHashMap<>();
    try (ResultSet rs = meta.getIndexInfo(null, "PUBLIC", table, unique, false)) {
      while (rs.next()) {
        if (rs.getString("COLUMN_NAME") != null) {
          indexes.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
        }
      }
    }
    Set<String> columns = new TreeSet<>();
    for (List<String> index : indexes.values()) {
      if (!unique || index.size() == 1) {
        columns.add(index.get(0));
      }
    }
    if (unique) {
      columns.remove("ID");
    }
    return columns;
  }

  private static Set<String> strings(Connection c, String sql) throws Exception {
    return new TreeSet<>(orderedStrings(c, sql));
  }

  /** The first column of every row, in the order the query gives. */
  private static List<String> orderedStrings(Connection c, String sql) throws Exception {
    List<String> values = new java.util.ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static int count(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
