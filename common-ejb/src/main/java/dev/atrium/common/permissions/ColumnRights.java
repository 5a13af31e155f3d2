package dev.atrium.common.permissions;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column permissions of every column that has entries: per object and column (both by
 * lower-case name) the ordered entries. A column without entries is open (read and edit); one
 * with entries gives the caller what the first entry naming them or one of their roles says, and
 * nothing when none does.
 */
public record ColumnRights(Map<String, Map<String, List<ColumnRight>>> byObject) {

  public static final ColumnRights NONE = new ColumnRights(Map.of());

  public ColumnRights {
    byObject = Map.copyOf(byObject);
  }

  public List<ColumnRight> of(String object, String column) {
    return byObject.getOrDefault(key(object), Map.of()).getOrDefault(key(column), List.of());
  }

  /** What the first of the column's entries that names one of {@code units} grants; all without entries. */
  public ColumnAccess access(String object, String column, Collection<?> units) {
    List<ColumnRight> entries = of(object, column);
    if (entries.isEmpty()) {
      return ColumnAccess.EDIT;
    }
    return entries.stream().filter(r -> units.contains(r.grantee())).findFirst()
        .map(ColumnRight::access).orElse(ColumnAccess.DENY);
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
