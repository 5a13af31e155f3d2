package dev.atrium.common.permissions;

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

  /**
   * One right on the record: a user or role may do {@code Operation} ("Read", "Edit", "Delete") at
   * {@code Level} ("Granted", or "Delegate": and pass it on), for the reason {@code Source}
   * ("Author", "Owner", "Shared").
   */
  @JsonbNillable
  public record RecordRightDto(UUID granteeId, String granteeName, String operation, String level, String source) {}

  public record RecordRightsDto(String object, UUID recordId, List<RecordRightDto> entries) {}

  /** What {@code POST} takes: share one operation with a user or role, at a level ("Granted" if left out). */
  public record ShareDto(@NotNull UUID granteeId,
      @NotNull @Pattern(regexp = OPERATIONS, message = "must be Read, Edit or Delete") String operation,
      @Pattern(regexp = LEVELS, message = "must be Granted or Delegate") String level) {}
}
