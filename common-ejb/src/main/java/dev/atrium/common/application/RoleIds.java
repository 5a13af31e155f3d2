package dev.atrium.common.application;

/** Ids of the built-in roles ({@code SysAdminUnit.Id}), shipped by the 1.0.0 changelog. */
final class RoleIds {
  static final String ALL_EMPLOYEES = "a29a3ba5-4b0d-de11-9a51-005056c00008";
  static final String ALL_EXTERNAL_USERS = "720b771c-e7a7-4f31-9cfb-52cd21c3739f";
  static final String SYSTEM_ADMINISTRATORS = "83a43ebc-f36b-1410-298d-001e8c82bcad";

  private RoleIds() {}
}
