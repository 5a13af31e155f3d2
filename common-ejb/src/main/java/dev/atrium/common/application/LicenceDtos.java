package dev.atrium.common.application;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The wire shapes of licensing ({@code /0/rest/licenses}). */
public final class LicenceDtos {
  private LicenceDtos() {}

  /**
   * A product in force: its type; for named licences how many users it covers, how many hold it
   * and how many are free (null for server licences); its validity.
   */
  @JsonbNillable
  public record ProductDto(String code, String type, Integer owned, Integer assigned, Integer available,
      Instant validFrom, Instant validTo) {}

  /**
   * What this installation holds: the licence in force (none during the trial), whether sign-in is
   * locked by over-allocation, and the products.
   */
  @JsonbNillable
  public record SummaryDto(UUID instanceId, String customerId, UUID licenseId, boolean trial, boolean overAllocated,
      List<ProductDto> products) {}

  /** Who a named licence of a product is granted to: a user, or a role and how many users that covers. */
  public record HolderDto(UUID holderId, String name, String kind, int users) {}

  /** A user and the named licences granted to them, directly or through roles. */
  public record UserLicencesDto(UUID id, String name, boolean active, List<String> products) {}

  public record RequestedProductDto(String code, int count) {}

  /** The licence request file an administrator sends to the vendor. */
  public record RequestDto(int requestVersion, UUID instanceId, String customerId, Instant createdOn,
      List<RequestedProductDto> products) {}
}
