package dev.atrium.common.metadata;

/**
 * The table of an object's record permissions, {@code Sys<Object>Right} as the reference names
 * it: one row per record, grantee and operation ({@code RecordId}, {@code SysAdminUnitId},
 * {@code Operation}, the primary key), with its {@code RightLevel} (1 granted, 2 granted with the
 * right to delegate) and {@code Source} (why the row exists: 0 the author, 1 the owner, 2 shared,
 * 3 a management role of the author or owner, 4 a default-rights rule).
 */
public final class RecordRightsTable {

  public static final int GRANTED = 1;
  public static final int DELEGATE = 2;
  public static final int SOURCE_AUTHOR = 0;
  public static final int SOURCE_OWNER = 1;
  public static final int SOURCE_SHARED = 2;
  public static final int SOURCE_MANAGER = 3;
  public static final int SOURCE_RULE = 4;

  private RecordRightsTable() {}

  /** {@code Sys<Object>Right}; for a name too long for 30 characters, a shortened one with a hash. */
  public static String of(String objectTable) {
    return Identifiers.shortened("Sys" + objectTable + "Right");
  }
}
