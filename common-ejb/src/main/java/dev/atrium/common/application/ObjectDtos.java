package dev.atrium.common.application;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The wire shapes of the object designer ({@code /0/rest/objects}). */
public final class ObjectDtos {
  private ObjectDtos() {}

  /**
   * A column: {@code Type} is a designer type name (Text, Money, Lookup, ...); a lookup names the
   * object it refers to in {@code Reference} and is stored as {@code <Name>Id}
   * ({@code ColumnName}). {@code DataValueType} is the DataService code of the type.
   * {@code DefaultValue} is what a new record gets when the client gives none, as text in the
   * invariant format (ISO dates, '.' decimals, true/false, GUIDs), or null.
   */
  @JsonbNillable
  public record ColumnDto(String name, String caption, String type, String columnName, int dataValueType,
      boolean required, boolean unique, boolean indexed, String reference, int position, String defaultValue) {}

  /**
   * An object. {@code OwnerColumn} names its lookup to Contact that holds a record's owner (a new
   * record without one is owned by its creator's contact); the flags switch on object, record and
   * column permissions and change tracking. {@code Section} is the caption of its section in the
   * browser workspace ("Contacts"), or null when it is not a section. {@code BoardColumn} is the
   * lookup whose values are the columns of its board in the workspace, or null: no board.
   */
  @JsonbNillable
  public record ObjectDto(String name, String caption, String primaryDisplayColumn, boolean system, int version,
      Instant modifiedOn, String ownerColumn, boolean administeredByOperations, boolean administeredByRecords,
      boolean administeredByColumns, boolean trackChanges, String section, String boardColumn, List<ColumnDto> columns) {}

  /** A column to add; flags default to false. */
  public record NewColumnDto(
      String name,
      @Size(max = 250) String caption,
      String type,
      Boolean required,
      Boolean unique,
      Boolean indexed,
      String reference,
      @Size(max = 250) String defaultValue) {}

  /** A new object: its name (also its table's), caption, columns, primary display and owner columns, flags. */
  public record NewObjectDto(
      String name,
      @Size(max = 250) String caption,
      String primaryDisplayColumn,
      @NotNull @Size(min = 1, max = 200) @Valid List<NewColumnDto> columns,
      String ownerColumn,
      Boolean administeredByOperations,
      Boolean administeredByRecords,
      Boolean administeredByColumns,
      Boolean trackChanges,
      @Size(max = 250) String section,
      String boardColumn) {}

  public record NewColumnsDto(@NotNull @Size(min = 1, max = 200) @Valid List<NewColumnDto> columns) {}

  /**
   * A change of one column; what is left out stays as it is. An empty {@code DefaultValue}
   * removes the default.
   */
  public record ColumnChangeDto(@Size(max = 250) String caption, String type, Boolean required, Boolean unique,
      Boolean indexed, @Size(max = 250) String defaultValue) {}

  /**
   * A change of an object itself; what is left out stays as it is. An empty {@code OwnerColumn}
   * removes the owner column, an empty {@code Section} the object's section, an empty
   * {@code BoardColumn} its board.
   */
  public record ObjectChangeDto(@Size(max = 250) String caption, String primaryDisplayColumn, String ownerColumn,
      Boolean administeredByOperations, Boolean administeredByRecords, Boolean administeredByColumns,
      Boolean trackChanges, @Size(max = 250) String section, String boardColumn) {}

  /**
   * What a drop would delete: the object's records and, for one of its columns, how many of them
   * hold a value in it (null for the object itself).
   */
  @JsonbNillable
  public record UsageDto(long records, Long values) {}

  /** The DDL of an object's table on one DBMS, rendered without a database. */
  public record DdlDto(String dbms, List<String> statements) {}
}
