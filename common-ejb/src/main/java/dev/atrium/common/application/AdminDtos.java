package dev.atrium.common.application;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The wire shapes of the administration API ({@code /0/rest/users}, {@code roles}, {@code operations}, {@code settings}). */
public final class AdminDtos {
  private AdminDtos() {}

  /** A user as administrators see it; {@code Type} is {@code Employee} or {@code External}. */
  @JsonbNillable
  public record UserDto(UUID id, String name, String email, String type, boolean technical, boolean active,
      UUID contactId, List<String> roles, boolean locked, boolean forcePasswordChange, Instant passwordChangedOn,
      Instant createdOn, Instant modifiedOn) {}

  /**
   * A new user: name (the login), type, initial password, direct roles. A technical user (for
   * integrations through OAuth) has no password and never signs in interactively.
   */
  public record NewUserDto(
      @NotBlank @Size(max = 250) String name,
      @Email @Size(max = 250) String email,
      @Pattern(regexp = "Employee|External") String type,
      Boolean technical,
      String password,
      List<UUID> roleIds) {}

  /** What may change about a user: name, email, whether they may sign in. */
  public record UserChangeDto(@NotBlank @Size(max = 250) String name, @Email @Size(max = 250) String email,
      @NotNull Boolean active) {}

  public record PasswordDto(@NotNull String password) {}

  /** A live session: its opaque id and when it started. */
  public record SessionDto(String id, Instant createdOn) {}

  /** A role; {@code Type} is Organisation, Division, ManagerRole, Team or FunctionalRole. */
  @JsonbNillable
  public record RoleDto(UUID id, String name, String code, String type, UUID parentRoleId, boolean active,
      List<UUID> linkedOrgRoleIds) {}

  public record NewRoleDto(
      @NotBlank @Size(max = 250) String name,
      @NotBlank @Size(max = 250) @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]*") String code,
      @NotNull @Pattern(regexp = "Organisation|Division|ManagerRole|Team|FunctionalRole") String type,
      UUID parentRoleId) {}

  public record RoleChangeDto(@NotBlank @Size(max = 250) String name, UUID parentRoleId, @NotNull Boolean active) {}

  public record MemberDto(@NotNull UUID userId) {}

  public record LinkDto(@NotNull UUID orgRoleId) {}

  public record GranteeDto(UUID adminUnitId, String name, boolean canExecute) {}

  public record OperationDto(String code, String name, List<GranteeDto> grantees) {}

  public record GrantDto(@NotNull Boolean canExecute) {}

  @JsonbNillable
  public record SettingValueDto(UUID adminUnitId, String adminUnitName, String value) {}

  @JsonbNillable
  public record SettingDto(String code, String name, String valueType, String defaultValue, Long minValue,
      Long maxValue, List<SettingValueDto> values) {}

  public record ValueDto(@NotNull String value) {}

  /** An OAuth client; {@code ClientSecret} is present only right after it was created or rotated. */
  @JsonbNillable
  public record OAuthClientDto(UUID id, String name, String clientId, String clientSecret, UUID userId, boolean active,
      Instant createdOn) {}

  public record NewOAuthClientDto(@NotBlank @Size(max = 250) String name, @NotNull UUID userId) {}

  public record OAuthClientChangeDto(@NotBlank @Size(max = 250) String name, @NotNull Boolean active) {}
}
