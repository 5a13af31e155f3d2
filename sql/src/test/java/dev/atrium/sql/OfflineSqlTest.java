package dev.atrium.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MS SQL Server and Oracle cannot run on this machine, so their DDL is validated offline: Liquibase
 * renders the SQL it would run (kept in target/offline-sql for review), and this test checks what
 * breaks on those systems: identifier length, non-Unicode text, BOOLEAN on Oracle 19, GUID types,
 * and that the one table named by a reserved word (Case) is quoted the way the data layer quotes it.
 */
class OfflineSqlTest {

  private static final Pattern QUOTED = Pattern.compile("[\"\\[]([A-Za-z0-9_]+)[\"\\]]");
  /** The tables of release 1.5.0 (db/changelog/1.5/1.5.0-crm-core.xml). */
  private static final List<String> CRM_CORE_TABLES = List.of("Country", "City", "AccountType", "ContactType",
      "ActivityType", "ActivityStatus", "ActivityPriority", "CaseStatus", "CasePriority", "LeadStatus",
      "OpportunityStage", "Activity", "Case", "Lead", "Opportunity");
  private static final String CRM_CORE = "db/changelog/1.5/1.5.0-crm-core.xml";
  /** The rendered SQL by DBMS and contexts: each is rendered once. */
  private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "mssql, offline:mssql, UNIQUEIDENTIFIER, NVARCHAR(250)",
      "oracle, offline:oracle?version=19.0, RAW(16), NVARCHAR2(250)",
      "postgresql, offline:postgresql, UUID, VARCHAR(250)",
      "h2, offline:h2, UUID, VARCHAR(250)"
  })
  void rendersPortableDdl(String name, String url, String guidType, String textType) throws Exception {
    String sql = sql(name, url, "default");

    String upper = sql.toUpperCase();
    assertTrue(upper.contains("CREATE TABLE"), "DDL rendered");
    assertTrue(upper.contains(guidType), name + " GUID columns use " + guidType);
    assertTrue(upper.contains(textType), name + " text columns use " + textType);
    assertTrue(upper.contains("UX_SYSADMINUNIT_CODE"), "unique login constraint present");
    // Only the table Case (a reserved word) is quoted, exactly as the data layer quotes it; on Oracle
    // also its column Number (reserved there). Anything else quoted would not match EclipseLink's SQL.
    Set<String> allowed = switch (name) {
      case "mssql" -> Set.of("[Case]");
      case "oracle" -> Set.of("\"Case\"", "\"Number\"");
      default -> Set.of("\"Case\"");
    };
    Set<String> quotedIds = new TreeSet<>();
    Matcher quoted = Pattern.compile("[\"\\[][A-Za-z_]+[\"\\]]").matcher(statements(sql, true));
    while (quoted.find()) {
      quotedIds.add(quoted.group());
    }
    assertTrue(allowed.containsAll(quotedIds), "an identifier is quoted (a reserved word?), which EclipseLink's"
        + " unquoted SQL would not match: " + quotedIds);
    if (name.equals("oracle")) {
      assertFalse(Pattern.compile("[(,] ?\\w+ BOOLEAN\\b").matcher(upper).find(), "Oracle 19 has no BOOLEAN column type");
      // (A column's default value is text in the invariant format, where a GUID has its dashes.)
      assertFalse(Pattern.compile("(?<!DEFAULTVALUE = )'[0-9A-F]{8}-[0-9A-F]{4}-").matcher(upper).find(),
          "a dashed GUID literal is not valid hex for RAW(16)");
      assertTrue(upper.contains("HEXTORAW('7F3B869F34F34F20AB4D7480A5FDF647')"), "Supervisor id as RAW");
    }
    if (name.equals("mssql")) {
      assertFalse(Pattern.compile("(?<!N)VARCHAR\\(").matcher(upper).find(),
          "MS SQL Server text must be NVARCHAR (Unicode)");
    }
    Matcher m = QUOTED.matcher(sql);
    while (m.find()) {
      assertTrue(m.group(1).length() <= 30, "identifier longer than 30 chars: " + m.group(1));
    }
  }

  /**
   * Release 1.5.0 on every DBMS: the table Case (a reserved word) is quoted wherever it is named, the
   * way the data layer quotes it ({@code quotedCase}); on MS SQL Server and Oracle also the column
   * types, the GUID literals and the length of every identifier.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "mssql, offline:mssql, UNIQUEIDENTIFIER, [Case]",
      "oracle, offline:oracle?version=19.0, RAW(16), \"Case\"",
      "postgresql, offline:postgresql, UUID, \"Case\"",
      "h2, offline:h2, UUID, \"Case\""
  })
  void rendersTheCrmCoreObjects(String name, String url, String guidType, String quotedCase) throws Exception {
    Map<String, String> sets = changeSets(sql(name, url, "default"), CRM_CORE);
    assertEquals(List.of("1.5.0-country", "1.5.0-city", "1.5.0-account-type", "1.5.0-contact-type",
        "1.5.0-activity-type", "1.5.0-activity-status", "1.5.0-activity-priority", "1.5.0-case-status",
        "1.5.0-case-priority", "1.5.0-lead-status", "1.5.0-opportunity-stage", "1.5.0-activity", "1.5.0-case",
        "1.5.0-lead", "1.5.0-opportunity", "1.5.0-account-contact-type", "1.5.0-query-indexes", "1.5.0-lookup-values",
        "1.5.0-object-metadata"), new ArrayList<>(sets.keySet()), "change sets of the default context, in order");
    String all = String.join("\n", sets.values());
    String code = statements(all, true);
    String schema = name.equals("h2") ? "PUBLIC." : "";

    // Every table, with its Id typed as a GUID; Case quoted.
    for (String table : CRM_CORE_TABLES) {
      String t = table.equals("Case") ? quotedCase : table;
      assertTrue(code.toUpperCase(Locale.ROOT).contains(
          ("CREATE TABLE " + schema + t + " (Id " + guidType + " NOT NULL").toUpperCase(Locale.ROOT)),
          name + ": table " + t + " with a " + guidType + " id");
    }
    // Case is never named unquoted (nor in upper case), in any statement: its own constraints and
    // indexes, and any foreign key that refers to it.
    Matcher bare = Pattern.compile("(?<![\\w\"\\[])Case(?![\\w\"\\]])|\"CASE\"").matcher(code);
    assertFalse(bare.find(), name + ": Case unquoted or upper-cased: " + (bare.find(0) ? line(code, bare.start()) : ""));
    String caseSql = sets.get("1.5.0-case");
    String q = Pattern.quote(schema + quotedCase);
    assertEquals(1, count(caseSql, "CREATE TABLE " + q + " \\("), name + ": CREATE TABLE " + quotedCase);
    assertEquals(5, count(caseSql, "ALTER TABLE " + q + " ADD CONSTRAINT FK_Case_\\w+ FOREIGN KEY"),
        name + ": the foreign keys of " + quotedCase);
    assertEquals(5, count(caseSql, "INDEX " + Pattern.quote(schema) + "IX_Case_\\w+ ON " + q + " ?\\("),
        name + ": the indexes of " + quotedCase);
    assertEquals(1, count(caseSql, "ALTER TABLE " + q + " ADD CONSTRAINT UX_Case_Number UNIQUE"), name);
    Matcher references = Pattern.compile("REFERENCES (\\S+) ?\\(").matcher(code);
    while (references.find()) {
      String target = references.group(1).replace(schema, "");
      assertTrue(target.equals(quotedCase) || !target.equalsIgnoreCase("Case") && !target.matches("[\"\\[].*"),
          name + ": a foreign key refers to " + target);
    }

    // No identifier over 30 characters (names of tables, columns, keys, indexes, constraints).
    Matcher word = Pattern.compile("[A-Za-z_][A-Za-z0-9_$#]*").matcher(code);
    while (word.find()) {
      assertTrue(word.group().length() <= 30, name + ": identifier longer than 30 chars: " + word.group());
    }
    if (name.equals("oracle") || name.equals("mssql")) {
      // GUID columns (Id, CreatedById, ModifiedById, every lookup XId) all typed as GUIDs: 15 tables
      // with 3 each, 22 lookups in the new tables, Type on Account and Contact.
      Matcher guid = Pattern.compile("(?:[(,] ?|\\bADD )(\\w*Id) (\\w+(?:\\(\\d+\\))?)").matcher(code);
      int guids = 0;
      while (guid.find()) {
        assertEquals(guidType, guid.group(2).toUpperCase(Locale.ROOT), name + ": column " + guid.group(1));
        guids++;
      }
      assertEquals(15 * 3 + 22 + 2, guids, name + ": GUID columns");
      assertTrue(code.contains("ALTER TABLE Account ADD TypeId " + (name.equals("oracle") ? "RAW(16)" : "uniqueidentifier")), name);
      assertTrue(code.contains("ALTER TABLE Contact ADD CONSTRAINT FK_Contact_TypeId FOREIGN KEY (TypeId) REFERENCES ContactType (Id)"), name);
    }
    if (name.equals("oracle")) {
      String upper = all.toUpperCase(Locale.ROOT);
      assertFalse(Pattern.compile("\\w+ BOOLEAN\\b").matcher(upper).find(), "Oracle 19 has no BOOLEAN column type");
      // (A column's default value is text in the invariant format, where a GUID has its dashes.)
      assertFalse(Pattern.compile("(?<!DEFAULTVALUE = )'[0-9A-F]{8}-[0-9A-F]{4}-").matcher(upper).find(),
          "a dashed GUID literal is not valid hex for RAW(16)");
      assertEquals(44, count(sets.get("1.5.0-lookup-values"), "VALUES \\(HEXTORAW\\('[0-9a-f]{32}'\\), "),
          "the 44 lookup values, their ids as RAW");
      assertEquals(15 + 2 * 66, count(sets.get("1.5.0-object-metadata"), "HEXTORAW\\('[0-9a-f]{32}'\\)"),
          "15 objects, 66 columns (with their object's id), ids as RAW");
      assertTrue(all.contains("VALUES (HEXTORAW('b889538dd68350d0a37b65652dbc9888'), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
          + " 'Case', 'Case', 'Number', 1, 1)"), "the object Case, its id as RAW and its name as it is");
      assertTrue(caseSql.contains("\"Number\" NVARCHAR2(50) NOT NULL"), "Number is reserved on Oracle: quoted");
      assertTrue(caseSql.contains("UNIQUE (\"Number\")"), "Number is reserved on Oracle: quoted");
      assertTrue(sets.get("1.5.0-opportunity").contains("Amount DECIMAL(18, 2)"), "Money");
      assertTrue(sets.get("1.5.0-activity").contains("Notes NCLOB"), "MaxText");
      assertTrue(sets.get("1.5.0-activity").contains("DueDate TIMESTAMP"), "DateTime");
    }
    if (name.equals("mssql")) {
      assertTrue(caseSql.contains("Number nvarchar(50) NOT NULL"), caseSql);
      assertTrue(caseSql.contains("Symptoms nvarchar(MAX)"), "MaxText is nvarchar(MAX)");
      assertTrue(sets.get("1.5.0-opportunity").contains("Amount decimal(18, 2)"), "Money");
      assertTrue(sets.get("1.5.0-activity").contains("DueDate datetime2"), "DateTime is datetime2");
      assertTrue(all.contains("VALUES ('b889538d-d683-50d0-a37b-65652dbc9888', GETDATE(), GETDATE(), 'Case', 'Case', 'Number', 1, 1)"),
          "the object Case");
    }
  }

  /** The demo data of 1.5.0 (context "demo"): Case quoted in its inserts, GUIDs as RAW on Oracle. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "mssql, offline:mssql, [Case]",
      "oracle, offline:oracle?version=19.0, \"Case\"",
      "postgresql, offline:postgresql, \"Case\"",
      "h2, offline:h2, \"Case\""
  })
  void rendersTheCrmCoreDemoData(String name, String url, String quotedCase) throws Exception {
    Map<String, String> sets = changeSets(sql(name, url, "default,demo"), CRM_CORE);
    String demo = sets.get("1.5.0-demo-data");
    String cases = sets.get("1.5.0-demo-cases");
    assertTrue(demo != null && cases != null, name + ": demo change sets rendered: " + sets.keySet());
    String schema = name.equals("h2") ? "PUBLIC." : "";
    String number = name.equals("oracle") ? "\"Number\"" : "Number";
    assertEquals(2, count(cases, Pattern.quote("INSERT INTO " + schema + quotedCase + " (Id, CreatedOn, ModifiedOn, "
        + number + ", Subject, ")), name + ": the demo cases go into " + quotedCase);
    String code = statements(demo + "\n" + cases, true);
    assertFalse(Pattern.compile("(?<![\\w\"\\[])Case(?![\\w\"\\]])|\"CASE\"").matcher(code).find(), name + ": " + cases);
    assertEquals(3, count(demo, "INSERT INTO " + Pattern.quote(schema) + "Activity "), name);
    assertEquals(3, count(demo, "INSERT INTO " + Pattern.quote(schema) + "Opportunity "), name);
    assertEquals(8, count(demo, "UPDATE " + Pattern.quote(schema) + "(Account|Contact) SET TypeId = "), name);
    if (name.equals("oracle")) {
      assertFalse(Pattern.compile("'[0-9a-f]{8}-[0-9a-f]{4}-").matcher(demo + cases).find(),
          "a dashed GUID literal is not valid hex for RAW(16)");
      assertTrue(demo.contains("WHERE Id = HEXTORAW('c1a9e6d05a1e4d8a9b0e1b2f3c4d5e01')"), "demo account by its RAW id");
      assertTrue(cases.contains("'CS-0001', 'Delivery arrived damaged'"), "values untouched by the quoting: " + cases);
    }
  }

  /**
   * MS SQL Server refuses a foreign key with ON DELETE CASCADE that gives a table a second
   * cascading path from the same table (error 1785, "may cause cycles or multiple cascade paths"):
   * every table reaches each of its cascading ancestors along one path only.
   */
  @Test
  void mssqlCascadesAlongOnePathOnly() {
    String code = statements(sql("mssql", "offline:mssql", "default"), true);
    Matcher fk = Pattern.compile("ALTER TABLE (\\S+) ADD CONSTRAINT (\\w+) FOREIGN KEY \\([^)]*\\) REFERENCES (\\S+) "
        + "\\([^)]*\\)([^;]*)").matcher(code);
    Map<String, List<String>> parents = new LinkedHashMap<>();
    int keys = 0;
    while (fk.find()) {
      keys++;
      if (fk.group(4).toUpperCase(Locale.ROOT).contains("ON DELETE CASCADE")) {
        parents.computeIfAbsent(fk.group(1), t -> new ArrayList<>()).add(fk.group(3));
      }
    }
    assertTrue(keys > 50 && parents.size() > 10, "foreign keys found: " + keys + ", cascading: " + parents);
    assertFalse(code.toUpperCase(Locale.ROOT).contains("DROP CONSTRAINT"),
        "a change set drops a key: this test would have to follow it");
    for (String table : parents.keySet()) {
      Map<String, Integer> paths = new LinkedHashMap<>();
      countPaths(table, parents, paths, 0);
      paths.forEach((ancestor, n) -> assertEquals(1, n, table + " has " + n + " cascading paths from " + ancestor
          + ", which MS SQL Server refuses (error 1785)"));
    }
  }

  /** Adds one for every cascading path from each ancestor of {@code table}. */
  private static void countPaths(String table, Map<String, List<String>> parents, Map<String, Integer> paths, int depth) {
    assertTrue(depth < 20, "a cycle of cascading keys through " + table);
    for (String parent : parents.getOrDefault(table, List.of())) {
      paths.merge(parent, 1, Integer::sum);
      countPaths(parent, parents, paths, depth + 1);
    }
  }

  /** Renders the master changelog offline (cached), and keeps the SQL in target/offline-sql. */
  private static String sql(String name, String url, String contexts) {
    return RENDERED.computeIfAbsent(name + "|" + contexts, k -> {
      try {
        String file = name + (contexts.equals("default") ? "" : "-" + contexts.replace(",", "-"));
        Path dir = Path.of(System.getProperty("offline.sql.dir", "target/offline-sql"));
        Files.createDirectories(dir);
        Path history = dir.resolve(file + "-databasechangelog.csv");
        Files.deleteIfExists(history);
        String sql = render(url + (url.contains("?") ? "&" : "?") + "changeLogFile=" + history, contexts);
        Files.writeString(dir.resolve(file + ".sql"), sql);
        return sql;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** The SQL of each change set of {@code file}, by id, in order. */
  private static Map<String, String> changeSets(String sql, String file) {
    Map<String, String> sets = new LinkedHashMap<>();
    Matcher header = Pattern.compile("(?m)^-- Changeset (\\S+)::(\\S+)::\\S+$").matcher(sql);
    List<int[]> bounds = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    while (header.find()) {
      bounds.add(new int[] {header.start(), header.end()});
      ids.add(header.group(1).equals(file) ? header.group(2) : null);
    }
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i) != null) {
        int end = i + 1 < bounds.size() ? bounds.get(i + 1)[0] : sql.length();
        sets.put(ids.get(i), sql.substring(bounds.get(i)[1], end));
      }
    }
    return sets;
  }

  /**
   * The statements without their string literals (and, if asked, without comment lines, dropped
   * first: an apostrophe in a change set's comment would otherwise open a literal).
   */
  private static String statements(String sql, boolean dropComments) {
    String code = dropComments ? sql.replaceAll("(?m)^--.*$", "") : sql;
    return code.replaceAll("N?'(?:[^']|'')*'", "''");
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String line(String text, int at) {
    int start = text.lastIndexOf('\n', at) + 1;
    int end = text.indexOf('\n', at);
    return text.substring(start, end < 0 ? text.length() : end);
  }

  private static String render(String url, String contexts) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ClassLoaderResourceAccessor accessor = new ClassLoaderResourceAccessor();
    Database db = DatabaseFactory.getInstance().openDatabase(url, null, null, null, accessor);
    try {
      Scope.child(Scope.Attr.resourceAccessor.name(), accessor, () ->
          new CommandScope("updateSql")
              .addArgumentValue("database", db)
              .addArgumentValue("changelogFile", "db/changelog/atrium-master.xml")
              .addArgumentValue("contexts", contexts)
              .setOutput(buffer)
              .execute());
    } finally {
      db.close();
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
