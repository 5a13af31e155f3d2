package dev.atrium.common.metadata;

/**
 * One column as the database sees it: its name ({@code <Name>Id} for a lookup), type, and the
 * constraints and index it gets. {@code referencedTable} is set for lookups only.
 */
public record ColumnPlan(String column, ColumnType type, boolean required, boolean unique, boolean indexed,
    String referencedTable) {

  public boolean isLookup() {
    return referencedTable != null;
  }
}
