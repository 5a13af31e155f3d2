package dev.atrium.common.profile;

import dev.atrium.common.application.Caller;
import dev.atrium.common.domain.AtriumException;
import dev.atrium.common.domain.ErrorCode;
import dev.atrium.common.domain.FieldError;
import dev.atrium.common.profile.ProfileDtos.ProfileEntryDto;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.PersistenceException;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What each signed-in user keeps for themselves: JSON objects under keys of their choosing (the
 * browser workspace keeps a list's columns, sort and filters under {@code list.<Object>}). A user
 * reads and writes only their own entries; nobody else's are reachable through this service.
 */
@Stateless
@PermitAll
public class ProfileService {

  /** Letters, digits and {@code . _ : -}, starting with a letter or digit. */
  static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,249}");
  /** The longest value, as JSON text. */
  static final int MAX_VALUE_CHARS = 32_768;
  /** Entries one user may keep. */
  static final int MAX_ENTRIES = 500;

  @Inject
  Caller caller;

  @Inject
  ProfileRepository entries;

  /** The caller's entries whose key starts with {@code prefix} (every entry for none), by key. */
  public List<ProfileEntryDto> list(String prefix) {
    String start = prefix == null ? "" : prefix;
    if (!start.isEmpty() && !KEY.matcher(start).matches()) {
      throw invalidKey("Prefix");
    }
    return entries.list(user(), start).stream().map(ProfileService::dto).toList();
  }

  /** The caller's entry under {@code key}; 404 when they keep none. */
  public ProfileEntryDto get(String key) {
    return dto(entries.find(user(), checked(key)).orElseThrow(() -> notFound(key)));
  }

  /** Stores {@code json} (a JSON object) under {@code key} for the caller, replacing what was there. */
  public ProfileEntryDto put(String key, String json) {
    UUID user = user();
    String checkedKey = checked(key);
    String data = object(json).toString();
    ProfileEntry entry = entries.find(user, checkedKey).orElse(null);
    if (entry != null) {
      entry.change(data);
      return dto(entry);
    }
    if (entries.count(user) >= MAX_ENTRIES) {
      throw new AtriumException(ErrorCode.CONFLICT, "A user keeps at most " + MAX_ENTRIES
          + " profile entries; remove one first.");
    }
    entry = new ProfileEntry(user, checkedKey, data);
    try {
      entries.persist(entry);
    } catch (PersistenceException e) {
      // another request of the same user stored the key first
      throw new AtriumException(ErrorCode.CONFLICT, "The entry " + checkedKey + " was stored at the same time; repeat the request.");
    }
    return dto(entry);
  }

  /** Removes the caller's entry under {@code key}; 404 when they keep none. */
  public void remove(String key) {
    entries.remove(entries.find(user(), checked(key)).orElseThrow(() -> notFound(key)));
  }

  private UUID user() {
    UUID id = caller.who().id();
    if (id == null) {
      throw new AtriumException(ErrorCode.AUTHENTICATION_REQUIRED, "Profile entries belong to a signed-in user.");
    }
    return id;
  }

  private static String checked(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw invalidKey("Key");
    }
    return key;
  }

  /** The body as a JSON object, or a 400/413 that says what is wrong with it. */
  static JsonObject object(String json) {
    if (json == null || json.isBlank()) {
      throw new AtriumException(ErrorCode.MALFORMED_REQUEST, "A JSON object is required as the body.");
    }
    if (json.length() > MAX_VALUE_CHARS) {
      throw new AtriumException(ErrorCode.PAYLOAD_TOO_LARGE, "A profile entry holds at most " + MAX_VALUE_CHARS
          + " characters of JSON.");
    }
    JsonValue value;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      value = reader.readValue();
    } catch (JsonException e) {
      throw new AtriumException(ErrorCode.MALFORMED_REQUEST, "The body is not valid JSON.");
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new AtriumException(ErrorCode.VALIDATION_FAILED, "A profile entry is a JSON object.",
          List.of(new FieldError("Value", "must be a JSON object")));
    }
    return value.asJsonObject();
  }

  private static ProfileEntryDto dto(ProfileEntry entry) {
    return new ProfileEntryDto(entry.getKey(), object(entry.getData()), entry.getModifiedOn().toInstant(ZoneOffset.UTC));
  }

  private static AtriumException invalidKey(String field) {
    return new AtriumException(ErrorCode.VALIDATION_FAILED, ErrorCode.VALIDATION_FAILED.defaultMessage(),
        List.of(new FieldError(field, "1 to 250 letters, digits and . _ : - starting with a letter or digit")));
  }

  private static AtriumException notFound(String key) {
    return new AtriumException(ErrorCode.NOT_FOUND, "There is no profile entry " + key + ".");
  }
}
