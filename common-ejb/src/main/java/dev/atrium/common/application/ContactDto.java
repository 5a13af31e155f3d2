package dev.atrium.common.application;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * A contact on the wire ({@code /0/rest/contacts}). {@code Id} may be given on create; the
 * audit columns ({@code CreatedOn} ...) are read-only and ignored on input.
 */
@JsonbNillable
public record ContactDto(
    UUID id,
    @NotBlank @Size(max = 250) String name,
    @Size(max = 250) String givenName,
    @Size(max = 250) String surname,
    @Size(max = 250) String jobTitle,
    UUID accountId,
    UUID ownerId,
    @Email @Size(max = 250) String email,
    @Size(max = 250) String phone,
    @Size(max = 250) String mobilePhone,
    @Size(max = 500) String address,
    @Size(max = 250) String city,
    @Size(max = 250) String region,
    @Size(max = 50) String zip,
    @Size(max = 250) String country,
    @Size(max = CrmObjectService.MAX_NOTES) String notes,
    Instant createdOn,
    UUID createdById,
    Instant modifiedOn,
    UUID modifiedById) {}
