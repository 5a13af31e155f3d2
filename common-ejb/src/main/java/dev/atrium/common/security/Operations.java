package dev.atrium.common.security;

/**
 * Codes of the system operations ({@code SysAdminOperation.Code}) that code guards itself with,
 * e.g. {@code @RolesAllowed(Operations.CAN_MANAGE_USERS)}: a caller's groups include the codes of
 * the operations they may execute.
 */
public final class Operations {
  public static final String CAN_MANAGE_USERS = "CanManageUsers";
  public static final String CAN_MANAGE_LIC_USERS = "CanManageLicUsers";
  public static final String CAN_MANAGE_SYS_SETTINGS = "CanManageSysSettings";
  public static final String CAN_VIEW_SYS_OPERATION_AUDIT = "CanViewSysOperationAudit";
  public static final String CAN_MANAGE_ADMINISTRATION = "CanManageAdministration";
  public static final String CAN_MANAGE_SCHEDULED_JOBS = "CanManageScheduledJobs";
  public static final String CAN_USE_ODATA_SERVICE = "CanUseODataService";
  public static final String CAN_MANAGE_CHANGE_LOG = "CanManageChangeLog";
  public static final String CAN_CHANGE_ENTITY_SCHEMA_RECORD_RIGHT = "CanChangeEntitySchemaRecordRight";

  private Operations() {}
}
