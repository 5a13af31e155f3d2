package dev.atrium.sql;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MS SQL Server and Oracle cannot run on this machine, so their DDL is validated offline: Liquibase
 * renders the SQL it would run (kept in target/offline-sql for review), and this test checks what
 * breaks on those systems: identifier length, non-Unicode text, BOOLEAN on Oracle 19, GUID types.
 */
class OfflineSqlTest {

  private static final Pattern QUOTED = Pattern.compile("[\"\\[]([A-Za-z0-9_]+)[\"\\]]");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "mssql, offline:mssql, UNIQUEIDENTIFIER, NVARCHAR(250)",
      "oracle, offline:oracle?version=19.0, RAW(16), NVARCHAR2(250)",
      "postgresql, offline:postgresql, UUID, VARCHAR(250)",
      "h2, offline:h2, UUID, VARCHAR(250)"
  })
  void rendersPortableDdl(String name, String url, String guidType, String textType) throws Exception {
    Path dir = Path.of(System.getProperty("offline.sql.dir", "target/offline-sql"));
    Files.createDirectories(dir);
    Path history = dir.resolve(name + "-databasechangelog.csv");
    Files.deleteIfExists(history);
    String sql = render(url + (url.contains("?") ? "&" : "?") + "changeLogFile=" + history);
    Path out = dir.resolve(name + ".sql");
    Files.writeString(out, sql);

    String upper = sql.toUpperCase();
    assertTrue(upper.contains("CREATE TABLE"), "DDL rendered");
    assertTrue(upper.contains(guidType), name + " GUID columns use " + guidType);
    assertTrue(upper.contains(textType), name + " text columns use " + textType);
    assertTrue(upper.contains("UX_SYSADMINUNIT_CODE"), "unique login constraint present");
    Matcher quoted = Pattern.compile("(?m)^(?!COMMENT|INSERT|--).*?([\"\\[][A-Za-z_]+[\"\\]])").matcher(sql);
    assertFalse(quoted.find(), "an identifier is quoted (a reserved word?), which EclipseLink's unquoted SQL"
        + " would not match: " + (quoted.find(0) ? quoted.group(1) : ""));
    if (name.equals("oracle")) {
      assertFalse(Pattern.compile("[(,] ?\\w+ BOOLEAN\\b").matcher(upper).find(), "Oracle 19 has no BOOLEAN column type");
      assertFalse(Pattern.compile("'[0-9A-F]{8}-[0-9A-F]{4}-").matcher(upper).find(),
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

  private static String render(String url) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ClassLoaderResourceAccessor accessor = new ClassLoaderResourceAccessor();
    Database db = DatabaseFactory.getInstance().openDatabase(url, null, null, null, accessor);
    try {
      Scope.child(Scope.Attr.resourceAccessor.name(), accessor, () ->
          new CommandScope("updateSql")
              .addArgumentValue("database", db)
              .addArgumentValue("changelogFile", "db/changelog/atrium-master.xml")
              .addArgumentValue("contexts", "default")
              .setOutput(buffer)
              .execute());
    } finally {
      db.close();
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
