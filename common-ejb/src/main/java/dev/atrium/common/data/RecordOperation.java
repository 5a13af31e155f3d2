package dev.atrium.common.data;

/**
 * What a record permission grants on one record, as {@code Sys<Object>Right.Operation} stores it
 * (the reference's numbering): reading it, changing it, deleting it.
 */
public enum RecordOperation {
  READ(0),
  EDIT(1),
  DELETE(2);

  private final int code;

  RecordOperation(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static RecordOperation ofCode(int code) {
    for (RecordOperation op : values()) {
      if (op.code == code) {
        return op;
      }
    }
    throw new IllegalArgumentException("No record operation " + code);
  }
}
