package dev.atrium.common.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The object designer's DDL, rendered offline for every supported DBMS. MS SQL Server and Oracle
 * cannot run on this machine: for them this test is the check (parsed and inspected, not run).
 */
class SchemaDdlTest {

  private static final List<ColumnPlan> PROJECT = List.of(
      new ColumnPlan("Name", ColumnType.TEXT, true, true, false, null),
      new ColumnPlan("Budget", ColumnType.MONEY, false, false, true, null),
      new ColumnPlan("StartDate", ColumnType.DATE, false, false, false, null),
      new ColumnPlan("Active", ColumnType.BOOLEAN, false, false, false, null),
      new ColumnPlan("Brief", ColumnType.BINARY, false, false, false, null),
      new ColumnPlan("AVeryLongColumnNameOfTwentyNineX", ColumnType.DATE_TIME, false, false, true, null),
      new ColumnPlan("AccountId", ColumnType.LOOKUP, false, false, false, "Account"));

  private static String sql(List<String> statements) {
    return String.join(";\n", statements).toUpperCase(Locale.ROOT);
  }

  @ParameterizedTest
  @CsvSource({
      "POSTGRESQL, UUID, VARCHAR(250), 'DECIMAL(18, 2)', BOOLEAN, BYTEA, TIMESTAMP",
      "MSSQL, UNIQUEIDENTIFIER, NVARCHAR(250), 'DECIMAL(18, 2)', BIT, VARBINARY(MAX), DATETIME2",
      "ORACLE, RAW(16), NVARCHAR2(250), 'DECIMAL(18, 2)', NUMBER(1), BLOB, TIMESTAMP",
      "H2, UUID, VARCHAR(250), 'DECIMAL(18, 2)', BOOLEAN, BLOB, TIMESTAMP"})
  void aNewObjectsTableIsPortable(Dbms dbms, String guid, String text, String money, String bool, String binary,
      String timestamp) {
    String ddl = sql(SchemaDdl.preview(SchemaDdl.createObject("UsrProject", PROJECT), dbms));
    assertTrue(ddl.contains("CREATE TABLE USRPROJECT"), ddl);
    for (String type : List.of(guid, text, money, bool, binary, timestamp)) {
      assertTrue(ddl.contains(type), dbms + " renders " + type + ":\n" + ddl);
    }
    assertTrue(ddl.contains("CONSTRAINT PK_USRPROJECT PRIMARY KEY"), ddl);
    assertTrue(ddl.contains("UX_USRPROJECT_NAME"), "unique constraint:\n" + ddl);
    assertTrue(ddl.contains("IX_USRPROJECT_BUDGET"), "index:\n" + ddl);
    assertTrue(Pattern.compile("FOREIGN KEY \\(ACCOUNTID\\) REFERENCES ACCOUNT ?\\(ID\\)").matcher(ddl).find(),
        "a lookup references its object's key:\n" + ddl);
    assertTrue(ddl.contains("IX_USRPROJECT_ACCOUNTID"), "a lookup is indexed:\n" + ddl);
    assertFalse(Pattern.compile("[\"`\\[]\\w+[\"`\\]]").matcher(ddl).find(), "no quoted identifiers:\n" + ddl);
    Matcher names = Pattern.compile("(?:CONSTRAINT|INDEX) (\\w+)").matcher(ddl);
    while (names.find()) {
      assertTrue(names.group(1).length() <= 30, "Oracle's 30 characters: " + names.group(1));
    }
    if (dbms == Dbms.ORACLE) {
      assertFalse(Pattern.compile("[(,] ?\\w+ BOOLEAN\\b").matcher(ddl).find(), "Oracle 19 has no BOOLEAN type");
    }
  }

  @ParameterizedTest
  @EnumSource(Dbms.class)
  void aRecordRightsTableIsKeyedByRecordGranteeAndOperationOnEveryDbms(Dbms dbms) {
    String ddl = sql(SchemaDdl.preview(SchemaDdl.createRecordRights("UsrProject"), dbms));
    assertTrue(ddl.contains("CREATE TABLE SYSUSRPROJECTRIGHT"), ddl);
    assertTrue(Pattern.compile("PRIMARY KEY \\(RECORDID, SYSADMINUNITID, OPERATION\\)").matcher(ddl).find(), ddl);
    assertTrue(Pattern.compile("\\(SYSADMINUNITID, OPERATION, RECORDID\\)").matcher(ddl).find(), "by grantee:\n" + ddl);
    assertTrue(Pattern.compile("FOREIGN KEY \\(RECORDID\\) REFERENCES USRPROJECT ?\\(ID\\) ON DELETE CASCADE").matcher(ddl).find(), ddl);
    assertTrue(Pattern.compile("FOREIGN KEY \\(SYSADMINUNITID\\) REFERENCES SYSADMINUNIT ?\\(ID\\) ON DELETE CASCADE").matcher(ddl).find(), ddl);
    assertFalse(Pattern.compile("[\"`\\[]\\w+[\"`\\]]").matcher(ddl).find(), "no quoted identifiers:\n" + ddl);
    Matcher names = Pattern.compile("(?:CONSTRAINT|INDEX|TABLE) (\\w+)").matcher(ddl);
    while (names.find()) {
      assertTrue(names.group(1).length() <= 30, "Oracle's 30 characters: " + names.group(1));
    }
    String longest = RecordRightsTable.of("Usr" + "X".repeat(27));
    assertTrue(longest.length() <= 30 && longest.startsWith("SysUsrX"), longest);
  }

  @ParameterizedTest
  @EnumSource(Dbms.class)
  void aDroppedLookupLosesItsKeyAndIndexBeforeItsColumn(Dbms dbms) {
    List<String> statements = SchemaDdl.preview(SchemaDdl.dropColumn("UsrProject", PROJECT.get(6)), dbms);
    String ddl = sql(statements);
    int fk = ddl.indexOf("FK_USRPROJECT_ACCOUNTID");
    int ix = ddl.indexOf("IX_USRPROJECT_ACCOUNTID");
    int column = ddl.lastIndexOf("ACCOUNTID");
    assertTrue(fk >= 0 && ix > fk && column > ix, dbms + ":\n" + ddl);
    assertTrue(Pattern.compile("DROP (COLUMN )?\\(?ACCOUNTID").matcher(ddl).find(), "the column itself goes last:\n" + ddl);
  }

  @ParameterizedTest
  @EnumSource(Dbms.class)
  void columnsAddedLaterAreNullableWithTheirConstraints(Dbms dbms) {
    String ddl = sql(SchemaDdl.preview(SchemaDdl.addColumns("UsrProject",
        List.of(new ColumnPlan("Code", ColumnType.SHORT_TEXT, true, true, false, null))), dbms));
    assertTrue(ddl.contains("ADD") && ddl.contains("CODE"), ddl);
    assertFalse(ddl.contains("NOT NULL"), "rows exist already; 'required' is the data layer's rule:\n" + ddl);
    assertTrue(ddl.contains("UX_USRPROJECT_CODE"), ddl);
  }

  @ParameterizedTest
  @CsvSource({
      "POSTGRESQL, VARCHAR(500)", "MSSQL, NVARCHAR(500)", "ORACLE, NVARCHAR2(500)", "H2, VARCHAR(500)"})
  void aRetypedUniqueColumnLosesItsConstraintFirstAndGetsItBackAfter(Dbms dbms, String longText) {
    ColumnPlan before = new ColumnPlan("Code", ColumnType.TEXT, false, true, false, null);
    ColumnPlan after = new ColumnPlan("Code", ColumnType.LONG_TEXT, false, true, false, null);
    String ddl = sql(SchemaDdl.preview(SchemaDdl.changeColumn("UsrProject", before, after), dbms));
    int drop = ddl.indexOf("UX_USRPROJECT_CODE");
    int modify = ddl.indexOf(longText);
    int add = ddl.lastIndexOf("UX_USRPROJECT_CODE");
    assertTrue(drop >= 0 && modify > drop && add > modify, dbms + ":\n" + ddl);
    assertFalse(ddl.contains("NOT NULL"), ddl);
  }

  @ParameterizedTest
  @EnumSource(Dbms.class)
  void flagsAloneChangeOnlyTheirIndexAndDropTableTakesTheObject(Dbms dbms) {
    ColumnPlan before = new ColumnPlan("Budget", ColumnType.MONEY, false, false, true, null);
    String unindexed = sql(SchemaDdl.preview(SchemaDdl.changeColumn("UsrProject", before,
        new ColumnPlan("Budget", ColumnType.MONEY, true, false, false, null)), dbms));
    assertTrue(unindexed.contains("DROP INDEX") && unindexed.contains("IX_USRPROJECT_BUDGET"), unindexed);
    assertFalse(unindexed.contains("ALTER COLUMN") || unindexed.contains("MODIFY"), "the type stays:\n" + unindexed);
    assertTrue(SchemaDdl.changeColumn("UsrProject", before, new ColumnPlan("Budget", ColumnType.MONEY, true, false, true, null))
        .isEmpty(), "'required' is the data layer's rule: no DDL");
    assertTrue(SchemaDdl.changeColumn("UsrProject", new ColumnPlan("Mail", ColumnType.TEXT, false, false, false, null),
        new ColumnPlan("Mail", ColumnType.EMAIL, false, false, false, null)).isEmpty(), "Text and Email are stored alike");
    assertTrue(sql(SchemaDdl.preview(SchemaDdl.dropObject("UsrProject"), dbms)).startsWith("DROP TABLE USRPROJECT"));
  }

  @Test
  void typeChangesAreClassifiedByWhatHappensToTheValues() {
    assertEquals(TypeChange.WIDENING, TypeChange.of(ColumnType.SHORT_TEXT, ColumnType.LONG_TEXT));
    assertEquals(TypeChange.NARROWING, TypeChange.of(ColumnType.TEXT, ColumnType.SHORT_TEXT));
    assertEquals(TypeChange.SAME_STORAGE, TypeChange.of(ColumnType.PHONE, ColumnType.TEXT));
    assertEquals(TypeChange.SAME_STORAGE, TypeChange.of(ColumnType.RICH_TEXT, ColumnType.MAX_TEXT));
    assertEquals(TypeChange.NOT_POSSIBLE, TypeChange.of(ColumnType.TEXT, ColumnType.MAX_TEXT), "NVARCHAR2 to NCLOB on Oracle");
    assertEquals(TypeChange.WIDENING, TypeChange.of(ColumnType.INTEGER, ColumnType.MONEY));
    assertEquals(TypeChange.NARROWING, TypeChange.of(ColumnType.MONEY, ColumnType.DECIMAL), "16 integer digits to 10");
    assertEquals(TypeChange.NARROWING, TypeChange.of(ColumnType.DECIMAL, ColumnType.INTEGER));
    assertEquals(TypeChange.WIDENING, TypeChange.of(ColumnType.DATE, ColumnType.DATE_TIME));
    assertEquals(TypeChange.NARROWING, TypeChange.of(ColumnType.DATE_TIME, ColumnType.DATE));
    for (ColumnType other : List.of(ColumnType.TEXT, ColumnType.INTEGER, ColumnType.GUID, ColumnType.BINARY)) {
      assertEquals(TypeChange.NOT_POSSIBLE, TypeChange.of(ColumnType.LOOKUP, other));
      assertEquals(TypeChange.NOT_POSSIBLE, TypeChange.of(ColumnType.BOOLEAN, other));
    }
  }

  @Test
  void namesAreUnquotedIdentifiersOnEveryDbms() {
    assertTrue(Identifiers.problem("UsrProject", 30).isEmpty());
    assertEquals("is required", Identifiers.problem(" ", 30).orElseThrow());
    assertTrue(Identifiers.problem("Usr-Project", 30).isPresent(), "punctuation");
    assertTrue(Identifiers.problem("1Project", 30).isPresent(), "a digit first");
    assertTrue(Identifiers.problem("Projéct", 30).isPresent(), "non-ASCII letters");
    assertTrue(Identifiers.problem("A".repeat(31), 30).isPresent(), "longer than Oracle allows");
    for (String reserved : List.of("Order", "user", "SELECT", "Table", "Group", "Number", "Date", "Level", "Size")) {
      assertTrue(Identifiers.problem(reserved, 30).orElse("").startsWith("is a reserved word"), reserved);
    }
    assertTrue(Identifiers.isSystemColumn("createdon"));
  }

  @Test
  void longConstraintNamesAreCutButStayDistinct() {
    String a = Identifiers.constraintName("IX", "UsrProjectMilestone", "ResponsibleContactId");
    String b = Identifiers.constraintName("IX", "UsrProjectMilestone", "ResponsibleAccountId");
    assertTrue(a.length() <= 30 && b.length() <= 30, a + " " + b);
    assertNotEquals(a, b);
    assertEquals("IX_UsrProject_Name", Identifiers.constraintName("IX", "UsrProject", "Name"));
  }
}
