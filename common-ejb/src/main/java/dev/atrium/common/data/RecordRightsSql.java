package dev.atrium.common.data;

import dev.atrium.common.domain.AdminUnitType;
import dev.atrium.common.metadata.Identifiers;
import dev.atrium.common.metadata.RecordRightsTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-based statements that give records their default rights in SQL: for one new record, for
 * one record whose owner changed, or for a whole table at once (record permissions switched on
 * over existing records, an owner changed by filter, the rules changed). A record's defaults, each
 * row recorded with its reason ({@code Source}):
 * <ul>
 *   <li>its author (the users of the contact in {@code CreatedById}): every operation, delegating;
 *   <li>its owner (the users of the contact in the owner column): every operation, delegating;
 *   <li>the management roles of both: every manager role (type 2) that sits under an organisational
 *       role either of them holds (directly or through the tree), every operation, granted;
 *   <li>the object's rules ({@code SysEntitySchemaRecordDefRight}) whose author is the record's
 *       author or one of the roles they hold: the rule's operation for its grantee, at the highest
 *       level the matching rules give.
 * </ul>
 * A grantee holds one row per record and operation: the first reason that gave it keeps it.
 *
 * <p>Plain SQL that PostgreSQL, SQL Server, Oracle and H2 all take (no generated keys, no DBMS
 * functions; the operations come from the table {@code SysRecordOperation}); table and column names
 * come from the metadata only (a reserved one quoted). With {@code oneRecord} every statement takes the record's id as its
 * one parameter, {@code ?1}.
 */
public final class RecordRightsSql {

  /** The admin-unit types of users and external users, and of manager roles. */
  private static final String USERS = "(" + AdminUnitType.USER.value() + ", " + AdminUnitType.EXTERNAL_USER.value() + ")";
  private static final int MANAGER_ROLE = AdminUnitType.MANAGER_ROLE.value();

  /** Rows of records ({@code r}) and who a reason names: a {@code FROM} with its joins and a {@code WHERE} condition. */
  private record Rows(String from, String where) {
    /** A correlated test: such a row exists that also meets {@code also}. */
    String exists(String also) {
      return "EXISTS (SELECT 1 FROM " + from + " WHERE " + where + also + ")";
    }
  }

  private RecordRightsSql() {}

  /**
   * The one statement that gives a record just created ({@code ?1}) its default rights.
   * {@code ownerColumn} is the owner column's database name, or null for an object without one.
   */
  public static String created(String objectTable, String objectName, String ownerColumn) {
    String table = Identifiers.sqlName(objectTable);
    return freshRecord(RecordRightsTable.of(objectTable), table, ownerColumn, managers(table, ownerColumn),
        rules(table, objectName));
  }

  /**
   * Every statement that brings the default rights of existing records (one, {@code ?1}, with
   * {@code oneRecord}; otherwise the whole table) up to date, in order: first the rows whose reason
   * no longer holds are removed (an owner or a rule changed), then the missing rows are added.
   */
  public static List<String> recompute(String objectTable, String objectName, String ownerColumn, boolean oneRecord) {
    String rights = RecordRightsTable.of(objectTable);
    String table = Identifiers.sqlName(objectTable);
    String row = " AND r.Id = " + rights + ".RecordId";
    Rows managers = managers(table, ownerColumn);
    Rows rules = rules(table, objectName);
    String rule = row + " AND d.GranteeSysAdminUnitId = " + rights + ".SysAdminUnitId AND d.Operation = " + rights + ".Operation";
    List<String> statements = new ArrayList<>();
    statements.add(ownerColumn == null ? delete(rights, RecordRightsTable.SOURCE_OWNER, oneRecord, "")
        : delete(rights, RecordRightsTable.SOURCE_OWNER, oneRecord, " AND NOT " + byContact(table, ownerColumn)
            .exists(row + " AND u.Id = " + rights + ".SysAdminUnitId")));
    statements.add(delete(rights, RecordRightsTable.SOURCE_MANAGER, oneRecord,
        " AND NOT " + managers.exists(row + " AND m.Id = " + rights + ".SysAdminUnitId")));
    // a rule's row holds the highest level the matching rules give: no rule at its level, or one above it, and it goes
    statements.add(delete(rights, RecordRightsTable.SOURCE_RULE, oneRecord, " AND (NOT "
        + rules.exists(rule + " AND d.RightLevel = " + rights + ".RightLevel") + " OR "
        + rules.exists(rule + " AND d.RightLevel > " + rights + ".RightLevel") + ")"));
    statements.add(grant(rights, "u.Id", "o.Code", String.valueOf(RecordRightsTable.DELEGATE), RecordRightsTable.SOURCE_AUTHOR,
        everyOperation(byContact(table, "CreatedById")), oneRecord, ""));
    if (ownerColumn != null) {
      statements.add(grant(rights, "u.Id", "o.Code", String.valueOf(RecordRightsTable.DELEGATE), RecordRightsTable.SOURCE_OWNER,
          everyOperation(byContact(table, ownerColumn)), oneRecord, ""));
    }
    statements.add(grant(rights, "m.Id", "o.Code", String.valueOf(RecordRightsTable.GRANTED), RecordRightsTable.SOURCE_MANAGER,
        everyOperation(managers), oneRecord, "").replace("SELECT r.Id", "SELECT DISTINCT r.Id"));
    statements.add(grant(rights, "d.GranteeSysAdminUnitId", "d.Operation", "MAX(d.RightLevel)", RecordRightsTable.SOURCE_RULE,
        rules, oneRecord, " GROUP BY r.Id, d.GranteeSysAdminUnitId, d.Operation"));
    return statements;
  }

  /**
   * A record just created, in one statement (one round trip per insert): the rows of every reason
   * at once, one per grantee and operation, with the first reason and the highest level that any
   * gives it.
   */
  private static String freshRecord(String rights, String table, String ownerColumn, Rows managers, Rows rules) {
    List<String> reasons = new ArrayList<>();
    reasons.add(reason("u.Id", "o.Code", RecordRightsTable.DELEGATE, RecordRightsTable.SOURCE_AUTHOR,
        everyOperation(byContact(table, "CreatedById"))));
    if (ownerColumn != null) {
      reasons.add(reason("u.Id", "o.Code", RecordRightsTable.DELEGATE, RecordRightsTable.SOURCE_OWNER,
          everyOperation(byContact(table, ownerColumn))));
    }
    reasons.add(reason("m.Id", "o.Code", RecordRightsTable.GRANTED, RecordRightsTable.SOURCE_MANAGER, everyOperation(managers)));
    reasons.add(reason("d.GranteeSysAdminUnitId", "d.Operation", null, RecordRightsTable.SOURCE_RULE, rules));
    return "INSERT INTO " + rights + " (RecordId, SysAdminUnitId, Operation, RightLevel, Source)"
        + " SELECT g.RecordId, g.UnitId, g.Op, MAX(g.Lvl), MIN(g.Src) FROM (" + String.join(" UNION ALL ", reasons)
        + ") g GROUP BY g.RecordId, g.UnitId, g.Op";
  }

  /** One reason's rows for the record {@code ?1}: the grantee {@code unit} may do {@code operation} at {@code level} (null: the rule's). */
  private static String reason(String unit, String operation, Integer level, int source, Rows rows) {
    return "SELECT r.Id AS RecordId, " + unit + " AS UnitId, " + operation + " AS Op, "
        + (level == null ? "d.RightLevel" : String.valueOf(level)) + " AS Lvl, " + source + " AS Src"
        + " FROM " + rows.from() + " WHERE " + rows.where() + record(true, "r.Id");
  }

  /** Adds the rows {@code rows} select that are missing: the grantee {@code unit} may do {@code operation} on record r. */
  private static String grant(String rights, String unit, String operation, String level, int source, Rows rows,
      boolean oneRecord, String tail) {
    return "INSERT INTO " + rights + " (RecordId, SysAdminUnitId, Operation, RightLevel, Source)"
        + " SELECT r.Id, " + unit + ", " + operation + ", " + level + ", " + source
        + " FROM " + rows.from() + " WHERE " + rows.where() + record(oneRecord, "r.Id")
        + " AND NOT EXISTS (SELECT 1 FROM " + rights + " e WHERE e.RecordId = r.Id AND e.SysAdminUnitId = " + unit
        + " AND e.Operation = " + operation + ")" + tail;
  }

  private static Rows everyOperation(Rows rows) {
    return new Rows(rows.from() + " CROSS JOIN SysRecordOperation o", rows.where());
  }

  /** The records and the users ({@code u}) of the contact that {@code contactColumn} names. */
  private static Rows byContact(String objectTable, String contactColumn) {
    return new Rows(objectTable + " r INNER JOIN SysAdminUnit u ON u.ContactId = r." + contactColumn, "u.TypeValue IN " + USERS);
  }

  /** The records and the manager roles ({@code m}) under the organisational roles their author and owner hold. */
  private static Rows managers(String objectTable, String ownerColumn) {
    String people = ownerColumn == null ? "u.ContactId = r.CreatedById"
        : "(u.ContactId = r.CreatedById OR u.ContactId = r." + ownerColumn + ")";
    return new Rows(objectTable + " r INNER JOIN SysAdminUnit u ON " + people
        + " INNER JOIN SysAdminUnitInRole h ON h.SysAdminUnitId = u.Id"
        + " INNER JOIN SysAdminUnit m ON m.ParentRoleId = h.SysAdminUnitRoleId",
        "u.TypeValue IN " + USERS + " AND m.TypeValue = " + MANAGER_ROLE);
  }

  /** The records and the object's rules ({@code d}) whose author is the record's author or a role they hold. */
  private static Rows rules(String objectTable, String objectName) {
    return new Rows(objectTable + " r INNER JOIN SysAdminUnit u ON u.ContactId = r.CreatedById"
        + " INNER JOIN SysSchema s ON s.Name = '" + objectName + "'"
        + " INNER JOIN SysEntitySchemaRecordDefRight d ON d.SysSchemaId = s.Id",
        "u.TypeValue IN " + USERS + " AND (d.AuthorSysAdminUnitId = u.Id OR d.AuthorSysAdminUnitId IN"
            + " (SELECT h.SysAdminUnitRoleId FROM SysAdminUnitInRole h WHERE h.SysAdminUnitId = u.Id))");
  }

  private static String delete(String rights, int source, boolean oneRecord, String condition) {
    return "DELETE FROM " + rights + " WHERE Source = " + source + record(oneRecord, "RecordId") + condition;
  }

  private static String record(boolean oneRecord, String column) {
    return oneRecord ? " AND " + column + " = ?1" : "";
  }
}
