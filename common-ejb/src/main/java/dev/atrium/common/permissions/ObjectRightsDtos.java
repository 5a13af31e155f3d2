package dev.atrium.common.permissions;

import dev.atrium.common.metadata.RecordRightsState;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The wire shapes of {@code /0/rest/objects/{name}/rights}, {@code /0/rest/objects/{name}/columns/{column}/rights}
 * and {@code /0/rest/objects/{name}/default-record-rights}.
 */
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

  /**
   * A default-rights rule: a new record whose author is {@code AuthorId} (a user) or holds it (a
   * role) gives {@code GranteeId} the {@code Operation} ("Read", "Edit", "Delete") at
   * {@code Level} ("Granted", or "Delegate": and pass it on; "Granted" if left out).
   */
  @JsonbNillable
  public record DefaultRecordRightDto(@NotNull UUID authorId, String authorName, @NotNull UUID granteeId,
      String granteeName,
      @NotNull @Pattern(regexp = RecordRightsDtos.OPERATIONS, message = "must be Read, Edit or Delete") String operation,
      @Pattern(regexp = RecordRightsDtos.LEVELS, message = "must be Granted or Delegate") String level) {}

  /**
   * An object's default-rights rules: whether its record permissions are switched on
   * ({@code AdministeredByRecords}), where its records' rights stand ({@code RightsState}, see
   * {@link #wire(RecordRightsState)}) and the rules in their order. Beside the rules every new record
   * gives its author and its owner every right with the right to delegate, and their management
   * roles every right.
   */
  public record DefaultRecordRightsDto(String object, boolean administeredByRecords, String rightsState,
      List<DefaultRecordRightDto> entries) {}

  /**
   * Where the object's record rights stand, on the wire: "Current"; "FirstPending" (the records
   * wait for their first rights, record permissions apply once they have them); "UpdatePending"
   * (the rights wait for the background job to follow a change; enforced meanwhile).
   */
  public static String wire(RecordRightsState state) {
    return switch (state) {
      case CURRENT -> "Current";
      case FIRST_PENDING -> "FirstPending";
      case UPDATE_PENDING -> "UpdatePending";
    };
  }

  /** What {@code PUT} takes: the object's new rules, in order, replacing the old ones. */
  public record DefaultRecordRightsChangeDto(@NotNull @Size(max = 200) List<@NotNull @Valid DefaultRecordRightDto> entries) {}
}
