package dev.atrium.common.metadata;

/**
 * Where an object's record rights stand ({@code SysSchema.RecordRightsState}). Rights that wait
 * are brought up to date by the background job {@code record-rights-upkeep}, in SQL.
 */
public enum RecordRightsState {
  /** The rights rows are what the defaults, the rules and the sharing give. */
  CURRENT(0),
  /**
   * The records that exist wait for their first rights (record permissions switched on over a
   * large table, the CRM core's objects after the upgrade that gave them rights tables): rights
   * are written for new records, but not enforced until the job has given the others theirs.
   */
  FIRST_PENDING(1),
  /** The rights wait to be brought up to date (rules or the owner column changed on a large table); enforced meanwhile. */
  UPDATE_PENDING(2);

  private final int code;

  RecordRightsState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static RecordRightsState ofCode(int code) {
    for (RecordRightsState s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("No record rights state " + code);
  }
}
