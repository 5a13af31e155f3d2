package dev.atrium.common.metadata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names of objects, columns and constraints. A name becomes an unquoted SQL identifier on every
 * supported DBMS, so it is letters and digits only, starts with a letter, fits Oracle's 30
 * characters and is a reserved word on none of them. Names only ever come from here or from the
 * metadata, never straight from a request.
 */
public final class Identifiers {

  public static final int MAX_LENGTH = 30;
  /** The columns every object has, which the designer manages itself. */
  public static final List<String> SYSTEM_COLUMNS = List.of("Id", "CreatedOn", "CreatedById", "ModifiedOn", "ModifiedById");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final Set<String> SYSTEM_LOWER =
      Set.copyOf(SYSTEM_COLUMNS.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());

  /**
   * Oracle's reserved words (SQL Language Reference, "Oracle SQL Reserved Words"). Liquibase's
   * offline Oracle dialect misses several of them (NUMBER, DATE, LEVEL, SIZE, ...), which Oracle
   * refuses as unquoted column names.
   */
  private static final Set<String> ORACLE_RESERVED = Set.of("ACCESS", "ADD", "ALL", "ALTER", "AND", "ANY", "AS", "ASC",
      "AUDIT", "BETWEEN", "BY", "CHAR", "CHECK", "CLUSTER", "COLUMN", "COMMENT", "COMPRESS", "CONNECT", "CREATE",
      "CURRENT", "DATE", "DECIMAL", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DROP", "ELSE", "EXCLUSIVE", "EXISTS", "FILE",
      "FLOAT", "FOR", "FROM", "GRANT", "GROUP", "HAVING", "IDENTIFIED", "IMMEDIATE", "IN", "INCREMENT", "INDEX", "INITIAL",
      "INSERT", "INTEGER", "INTERSECT", "INTO", "IS", "LEVEL", "LIKE", "LOCK", "LONG", "MAXEXTENTS", "MINUS", "MLSLABEL",
      "MODE", "MODIFY", "NOAUDIT", "NOCOMPRESS", "NOT", "NOWAIT", "NULL", "NUMBER", "OF", "OFFLINE", "ON", "ONLINE",
      "OPTION", "OR", "ORDER", "PCTFREE", "PRIOR", "PUBLIC", "RAW", "RENAME", "RESOURCE", "REVOKE", "ROW", "ROWID",
      "ROWNUM", "ROWS", "SELECT", "SESSION", "SET", "SHARE", "SIZE", "SMALLINT", "START", "SUCCESSFUL", "SYNONYM",
      "SYSDATE", "TABLE", "THEN", "TO", "TRIGGER", "UID", "UNION", "UNIQUE", "UPDATE", "USER", "VALIDATE", "VALUES",
      "VARCHAR", "VARCHAR2", "VIEW", "WHENEVER", "WHERE", "WITH");

  private Identifiers() {}

  /** Why {@code name} cannot name an object or a column of at most {@code maxLength} characters. */
  public static Optional<String> problem(String name, int maxLength) {
    if (name == null || name.isBlank()) {
      return Optional.of("is required");
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.of("must start with a letter and have only letters and digits");
    }
    if (name.length() > maxLength) {
      return Optional.of("must have at most " + maxLength + " characters");
    }
    for (Dbms dbms : Dbms.values()) {
      if (isReserved(name, dbms)) {
        return Optional.of("is a reserved word in " + dbms.code());
      }
    }
    return Optional.empty();
  }

  /** Whether {@code name} is a reserved word of {@code dbms}, so that it only works quoted there. */
  public static boolean isReserved(String name, Dbms dbms) {
    return SchemaDdl.isReservedWord(name, dbms)
        || dbms == Dbms.ORACLE && ORACLE_RESERVED.contains(name.toUpperCase(Locale.ROOT));
  }

  /**
   * Whether {@code name} is a reserved word on any supported DBMS. Only shipped objects may have
   * such a name (the reference platform's {@code Case}), whose table is quoted on every DBMS.
   */
  public static boolean isReservedOnAny(String name) {
    for (Dbms dbms : Dbms.values()) {
      if (isReserved(name, dbms)) {
        return true;
      }
    }
    return false;
  }

  /** A table as plain SQL names it: one named by a reserved word (the CRM core's {@code Case}) was created quoted. */
  public static String sqlName(String table) {
    return isReservedOnAny(table) ? '"' + table + '"' : table;
  }

  public static boolean isSystemColumn(String name) {
    return name != null && SYSTEM_LOWER.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * A constraint or index name, {@code <prefix>_<table>_<columns>}; one longer than 30
   * characters is cut and ends with a hash of the whole, so it stays unique.
   */
  public static String constraintName(String prefix, String table, String... columns) {
    return shortened(prefix + "_" + table + (columns.length == 0 ? "" : "_" + String.join("_", columns)));
  }

  /** The name if it fits 30 characters; else cut, ending with a hash of the whole, so it stays unique. */
  public static String shortened(String full) {
    if (full.length() <= MAX_LENGTH) {
      return full;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(full.getBytes(StandardCharsets.UTF_8));
      String hash = HexFormat.of().formatHex(digest, 0, 4).toUpperCase(Locale.ROOT);
      return full.substring(0, MAX_LENGTH - hash.length() - 1) + "_" + hash;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
