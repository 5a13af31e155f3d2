package dev.atrium.common.metadata;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The types a column of a business object can have: how the object designer names them, the
 * portable Liquibase type of the column, and the DataService {@code DataValueType} code.
 */
public enum ColumnType {
  SHORT_TEXT("ShortText", "nvarchar(50)", 1),
  TEXT("Text", "nvarchar(250)", 1),
  LONG_TEXT("LongText", "nvarchar(500)", 1),
  MAX_TEXT("MaxText", "nclob", 1),
  RICH_TEXT("RichText", "nclob", 1),
  EMAIL("Email", "nvarchar(250)", 1),
  PHONE("Phone", "nvarchar(250)", 1),
  WEB("Web", "nvarchar(250)", 1),
  INTEGER("Integer", "int", 4),
  DECIMAL("Decimal", "decimal(18,8)", 5),
  MONEY("Money", "decimal(18,2)", 6),
  BOOLEAN("Boolean", "boolean", 12),
  DATE("Date", "date", 8),
  TIME("Time", "time", 9),
  DATE_TIME("DateTime", "timestamp", 7),
  GUID("Guid", "uuid", 0),
  LOOKUP("Lookup", "uuid", 10),
  BINARY("Binary", "longblob", 13);

  private final String apiName;
  private final String liquibaseType;
  private final int dataValueType;

  ColumnType(String apiName, String liquibaseType, int dataValueType) {
    this.apiName = apiName;
    this.liquibaseType = liquibaseType;
    this.dataValueType = dataValueType;
  }

  public String apiName() {
    return apiName;
  }

  /** The Liquibase type, rendered per DBMS (e.g. {@code uuid}: UUID, UNIQUEIDENTIFIER, RAW(16)). */
  public String liquibaseType() {
    return liquibaseType;
  }

  public int dataValueType() {
    return dataValueType;
  }

  /** The database column of a column named {@code name}: a lookup {@code Account} is {@code AccountId}. */
  public String columnName(String name) {
    return this == LOOKUP ? name + "Id" : name;
  }

  /** The longest text a column of this type holds; 0 when unbounded or not text. */
  public int maxLength() {
    return switch (this) {
      case SHORT_TEXT -> 50;
      case TEXT, EMAIL, PHONE, WEB -> 250;
      case LONG_TEXT -> 500;
      default -> 0;
    };
  }

  /** Whether a unique constraint or an index can cover it (not on large text or binary values). */
  public boolean indexable() {
    return this != MAX_TEXT && this != RICH_TEXT && this != BINARY;
  }

  /** By its designer name, case-insensitively. */
  public static Optional<ColumnType> byApiName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.apiName.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
  }
}
