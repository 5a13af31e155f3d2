package dev.atrium.common.profile;

import jakarta.json.JsonObject;
import java.time.Instant;

/** The wire shapes of {@code /0/rest/profile}. */
public final class ProfileDtos {
  private ProfileDtos() {}

  /** One entry: its key, the JSON object stored under it and when it last changed (UTC). */
  public record ProfileEntryDto(String key, JsonObject value, Instant modifiedOn) {}
}
