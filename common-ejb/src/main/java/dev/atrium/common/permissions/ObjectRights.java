package dev.atrium.common.permissions;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The object permissions of every object whose records are administered by operations: per
 * object (by lower-case name) its ordered entries. For each operation the first entry whose
 * grantee is the caller or one of their roles decides; with none, the operation is refused.
 */
public record ObjectRights(Map<String, List<ObjectRight>> byObject) {

  public static final ObjectRights NONE = new ObjectRights(Map.of());

  public ObjectRights {
    byObject = Map.copyOf(byObject);
  }

  public List<ObjectRight> of(String object) {
    return byObject.getOrDefault(object.toLowerCase(java.util.Locale.ROOT), List.of());
  }

  /** Whether the first of the object's entries that names one of {@code units} allows the operation. */
  public boolean allows(String object, Collection<?> units, ObjectOperation operation) {
    return of(object).stream().filter(r -> units.contains(r.grantee())).findFirst()
        .map(r -> r.allows(operation)).orElse(false);
  }
}
