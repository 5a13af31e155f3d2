package dev.atrium.common.domain;

import java.util.List;
import java.util.Optional;

/** A business object's metadata with its columns in their order. */
public record ObjectDefinition(ObjectSchema schema, List<ObjectColumn> columns) {

  public ObjectDefinition {
    columns = List.copyOf(columns);
  }

  public String name() {
    return schema.getName();
  }

  /** A column by name, case-insensitively. */
  public Optional<ObjectColumn> column(String name) {
    return columns.stream().filter(c -> c.getName().equalsIgnoreCase(name)).findFirst();
  }
}
