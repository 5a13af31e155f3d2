package dev.atrium.common.permissions;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The wire shapes of {@code /0/rest/objects/{name}/rights} and {@code /0/rest/objects/{name}/columns/{column}/rights}. */
public final class ObjectRightsDtos {
  private ObjectRightsDtos() {}

  /** One entry: a user or role and what it may do with the object's records. */
  @JsonbNillable
  public record ObjectRightDto(@NotNull UUID granteeId, String granteeName, boolean read, boolean create,
      boolean edit, boolean delete) {}

  /**
   * An object's permissions: whether they are in force ({@code AdministeredByOperations}, switched
   * through the object designer) and the entries in their order, the first that names a caller or
   * one of their roles deciding.
   */
  public record ObjectRightsDto(String object, boolean administeredByOperations, List<ObjectRightDto> entries) {}

  /** What {@code PUT} takes: the new entries, in order, replacing the old ones. */
  public record ObjectRightsChangeDto(@NotNull @Size(max = 200) List<@NotNull @Valid ObjectRightDto> entries) {}

  /** One entry of a column's permissions: a user or role and its access, "Deny", "Read" or "Edit" (read and edit). */
  @JsonbNillable
  public record ColumnRightDto(@NotNull UUID granteeId, String granteeName,
      @NotNull @Pattern(regexp = ColumnAccess.WIRE_PATTERN, message = "must be Deny, Read or Edit") String access) {}

  /**
   * A column's permissions: whether its object's column permissions are in force
   * ({@code AdministeredByColumns}) and the entries in their order. No entries: the column is open.
   */
  public record ColumnRightsDto(String object, String column, boolean administeredByColumns,
      List<ColumnRightDto> entries) {}

  /** What {@code PUT} takes: the column's new entries, in order, replacing the old ones. */
  public record ColumnRightsChangeDto(@NotNull @Size(max = 200) List<@NotNull @Valid ColumnRightDto> entries) {}
}
