package dev.atrium.common.changelog;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.UUID;

/** The wire shapes of {@code GET /0/rest/changelog}. */
public final class ChangeLogDtos {
  private ChangeLogDtos() {}

  /**
   * One change: when (UTC), the object and record, {@code Change} ("Insert", "Update", "Delete"),
   * the column (none for a delete) with its value before and after as text, and who made it (their
   * contact and its name; none for the server's own changes).
   */
  @JsonbNillable
  public record ChangeDto(UUID id, Instant on, String object, UUID recordId, String change, String column,
      String oldValue, String newValue, UUID changedById, String changedByName) {}
}
