package dev.atrium.common.domain;

/** The kinds of admin unit, stored as {@code SysAdminUnit.TypeValue}. */
public enum AdminUnitType {
  ORGANISATION(0),
  DIVISION(1),
  MANAGER_ROLE(2),
  TEAM(3),
  USER(4),
  EXTERNAL_USER(5),
  FUNCTIONAL_ROLE(6);

  private final int value;

  AdminUnitType(int value) {
    this.value = value;
  }

  public int value() {
    return value;
  }

  public boolean isUser() {
    return this == USER || this == EXTERNAL_USER;
  }

  public static AdminUnitType of(int value) {
    for (AdminUnitType t : values()) {
      if (t.value == value) {
        return t;
      }
    }
    throw new IllegalArgumentException("Unknown admin unit type " + value);
  }
}
