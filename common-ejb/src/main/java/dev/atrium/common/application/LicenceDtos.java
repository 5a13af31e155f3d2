package dev.atrium.common.application;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The wire shapes of licensing ({@code /0/rest/licenses}). */
public final class LicenceDtos {
  private LicenceDtos() {}

  /** A product of the licence in force: type, how many users it covers (named), validity. */
  public record ProductDto(String code, String type, int owned, Instant validFrom, Instant validTo) {}

  /** What this installation holds. */
  @JsonbNillable
  public record SummaryDto(UUID instanceId, String customerId, UUID licenseId, List<ProductDto> products) {}

  public record RequestedProductDto(String code, int count) {}

  /** The licence request file an administrator sends to the vendor. */
  public record RequestDto(int requestVersion, UUID instanceId, String customerId, Instant createdOn,
      List<RequestedProductDto> products) {}
}
