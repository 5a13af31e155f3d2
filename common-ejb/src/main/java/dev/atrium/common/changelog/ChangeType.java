package dev.atrium.common.changelog;

/** What happened to a record, as {@code SysChangeLog.ChangeType} stores it. */
public enum ChangeType {
  INSERT(0, "Insert"),
  UPDATE(1, "Update"),
  DELETE(2, "Delete");

  private final int code;
  private final String wire;

  ChangeType(int code, String wire) {
    this.code = code;
    this.wire = wire;
  }

  public int code() {
    return code;
  }

  /** On the wire: "Insert", "Update", "Delete". */
  public String wire() {
    return wire;
  }

  public static ChangeType ofCode(int code) {
    for (ChangeType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new IllegalArgumentException("No change type " + code);
  }
}
