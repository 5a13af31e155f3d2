package dev.atrium.common.permissions;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a column permission grants: nothing, reading, or reading and changing the column. Stored
 * as {@code RightLevel} 0, 1, 2 and on the wire as "Deny", "Read", "Edit".
 */
public enum ColumnAccess {
  DENY(0, "Deny"),
  READ(1, "Read"),
  EDIT(2, "Edit");

  /** The wire values, for validation messages and patterns. */
  public static final String WIRE_PATTERN = "Deny|Read|Edit";

  private final int level;
  private final String wire;

  ColumnAccess(int level, String wire) {
    this.level = level;
    this.wire = wire;
  }

  public int level() {
    return level;
  }

  public String wire() {
    return wire;
  }

  public boolean reads() {
    return this != DENY;
  }

  public boolean edits() {
    return this == EDIT;
  }

  public static ColumnAccess ofLevel(int level) {
    return Arrays.stream(values()).filter(a -> a.level == level).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No column access level " + level));
  }

  public static Optional<ColumnAccess> ofWire(String wire) {
    return Arrays.stream(values()).filter(a -> a.wire.equals(wire)).findFirst();
  }
}
