package dev.atrium.common.permissions;

import dev.atrium.common.data.RecordOperation;
import dev.atrium.common.metadata.RecordRightsTable;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;

/** The wire shapes of {@code /0/rest/records/{object}/{id}/rights}. */
public final class RecordRightsDtos {
  private RecordRightsDtos() {}

  /** Operations and levels on the wire. */
  public static final String OPERATIONS = "Read|Edit|Delete";
  public static final String LEVELS = "Granted|Delegate";

  /** A validated operation's name on the wire as the record layer's operation. */
  public static RecordOperation operation(String wire) {
    return switch (wire) {
      case "Read" -> RecordOperation.READ;
      case "Edit" -> RecordOperation.EDIT;
      case "Delete" -> RecordOperation.DELETE;
      default -> throw new IllegalArgumentException("No record operation " + wire);
    };
  }

  public static String wire(RecordOperation operation) {
    return switch (operation) {
      case READ -> "Read";
      case EDIT -> "Edit";
      case DELETE -> "Delete";
    };
  }

  /** A validated level's name on the wire ("Granted" when left out) as its {@code RightLevel}. */
  public static int level(String wire) {
    return "Delegate".equals(wire) ? RecordRightsTable.DELEGATE : RecordRightsTable.GRANTED;
  }

  public static String wireLevel(int level) {
    return level >= RecordRightsTable.DELEGATE ? "Delegate" : "Granted";
  }

  /** Why a right exists, on the wire. */
  public static String wireSource(int source) {
    return switch (source) {
      case RecordRightsTable.SOURCE_AUTHOR -> "Author";
      case RecordRightsTable.SOURCE_OWNER -> "Owner";
      case RecordRightsTable.SOURCE_MANAGER -> "Manager";
      case RecordRightsTable.SOURCE_RULE -> "Rule";
      default -> "Shared";
    };
  }

  /**
   * One right on the record: a user or role may do {@code Operation} ("Read", "Edit", "Delete") at
   * {@code Level} ("Granted", or "Delegate": and pass it on), for the reason {@code Source}
   * ("Author", "Owner", "Manager": a management role of either, "Rule": a default-rights rule,
   * "Shared").
   */
  @JsonbNillable
  public record RecordRightDto(UUID granteeId, String granteeName, String operation, String level, String source) {}

  public record RecordRightsDto(String object, UUID recordId, List<RecordRightDto> entries) {}

  /** What {@code POST} takes: share one operation with a user or role, at a level ("Granted" if left out). */
  public record ShareDto(@NotNull UUID granteeId,
      @NotNull @Pattern(regexp = OPERATIONS, message = "must be Read, Edit or Delete") String operation,
      @Pattern(regexp = LEVELS, message = "must be Granted or Delegate") String level) {}
}
