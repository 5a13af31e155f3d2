package dev.atrium.common.metadata;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The database systems Atrium supports, with the Liquibase offline URL that renders their DDL. */
public enum Dbms {
  POSTGRESQL("postgresql", "offline:postgresql?version=15"),
  MSSQL("mssql", "offline:mssql?version=15"),
  ORACLE("oracle", "offline:oracle?version=19.0"),
  H2("h2", "offline:h2");

  private final String code;
  private final String offlineUrl;

  Dbms(String code, String offlineUrl) {
    this.code = code;
    this.offlineUrl = offlineUrl;
  }

  public String code() {
    return code;
  }

  String offlineUrl() {
    return offlineUrl;
  }

  public static Optional<Dbms> byCode(String code) {
    String wanted = code == null ? "" : code.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(d -> d.code.equals(wanted)).findFirst();
  }
}
