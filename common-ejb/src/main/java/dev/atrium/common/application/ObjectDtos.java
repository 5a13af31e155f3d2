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
   */
  @JsonbNillable
  public record ColumnDto(String name, String caption, String type, String columnName, int dataValueType,
      boolean required, boolean unique, boolean indexed, String reference, int position) {}

  @JsonbNillable
  public record ObjectDto(String name, String caption, String primaryDisplayColumn, boolean system, int version,
      Instant modifiedOn, List<ColumnDto> columns) {}

  /** A column to add; flags default to false. */
  public record NewColumnDto(
      String name,
      @Size(max = 250) String caption,
      String type,
      Boolean required,
      Boolean unique,
      Boolean indexed,
      String reference) {}

  /** A new object: its name (also its table's), caption, columns and primary display column. */
  public record NewObjectDto(
      String name,
      @Size(max = 250) String caption,
      String primaryDisplayColumn,
      @NotNull @Size(min = 1, max = 200) @Valid List<NewColumnDto> columns) {}

  public record NewColumnsDto(@NotNull @Size(min = 1, max = 200) @Valid List<NewColumnDto> columns) {}

  /** A change of one column; what is left out stays as it is. */
  public record ColumnChangeDto(@Size(max = 250) String caption, String type, Boolean required, Boolean unique,
      Boolean indexed) {}

  /** The DDL of an object's table on one DBMS, rendered without a database. */
  public record DdlDto(String dbms, List<String> statements) {}
}
