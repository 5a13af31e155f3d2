package dev.atrium.common.data;

import dev.atrium.common.metadata.RecordRightsTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-based statements that give records their default rights in SQL, for a whole table at
 * once (a record permissions switch turned on over existing records, an owner changed by filter):
 * every user whose contact a column names (the author's {@code CreatedById}, the owner column) gets
 * every operation at the delegating level, where they have no right for it yet. Plain SQL that
 * PostgreSQL, SQL Server, Oracle and H2 all take (no generated keys, no DBMS functions); names come
 * from the metadata only.
 */
public final class RecordRightsSql {

  private RecordRightsSql() {}

  /** One statement per operation: the users whose contact {@code contactColumn} names get it on each record. */
  public static List<String> grantAll(String objectTable, String contactColumn, int source) {
    String rights = RecordRightsTable.of(objectTable);
    List<String> statements = new ArrayList<>();
    for (RecordOperation op : RecordOperation.values()) {
      statements.add("INSERT INTO " + rights + " (RecordId, SysAdminUnitId, Operation, RightLevel, Source)"
          + " SELECT r.Id, u.Id, " + op.code() + ", " + RecordRightsTable.DELEGATE + ", " + source
          + " FROM " + objectTable + " r INNER JOIN SysAdminUnit u ON u.ContactId = r." + contactColumn
          + " WHERE NOT EXISTS (SELECT 1 FROM " + rights + " e WHERE e.RecordId = r.Id AND e.SysAdminUnitId = u.Id"
          + " AND e.Operation = " + op.code() + ")");
    }
    return statements;
  }

  /** Removes the rights from {@code source} that no longer match: the user's contact is not in {@code contactColumn} now. */
  public static String revokeStale(String objectTable, String contactColumn, int source) {
    String rights = RecordRightsTable.of(objectTable);
    return "DELETE FROM " + rights + " WHERE Source = " + source + " AND NOT EXISTS (SELECT 1 FROM " + objectTable
        + " r INNER JOIN SysAdminUnit u ON u.ContactId = r." + contactColumn + " WHERE r.Id = " + rights
        + ".RecordId AND u.Id = " + rights + ".SysAdminUnitId)";
  }

  /** Removes every right from {@code source} (the object no longer has an owner column). */
  public static String revokeAll(String objectTable, int source) {
    return "DELETE FROM " + RecordRightsTable.of(objectTable) + " WHERE Source = " + source;
  }
}
