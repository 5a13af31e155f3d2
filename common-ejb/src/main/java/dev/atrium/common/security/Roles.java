package dev.atrium.common.security;

/**
 * Jakarta Security groups that code guards itself with. A caller's groups are the codes of the
 * roles the user belongs to ({@code SysAdminUnit.Code}).
 */
public final class Roles {
  /** Every employee user; business objects without their own permissions are open to them. */
  public static final String ALL_EMPLOYEES = "AllEmployees";
  public static final String ALL_EXTERNAL_USERS = "AllExternalUsers";
  public static final String SYSTEM_ADMINISTRATORS = "SystemAdministrators";
  /**
   * Scheduled jobs, which run as the system (SystemRunner); services that only jobs may call
   * require it. Never granted to a user: identity resolution drops it even if a role had this code.
   */
  public static final String SYSTEM_JOBS = "atrium.system-jobs";

  private Roles() {}
}
