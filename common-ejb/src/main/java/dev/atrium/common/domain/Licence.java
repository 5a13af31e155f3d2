package dev.atrium.common.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The content of a signed licence file: who it is for (customer, installation), how long it holds,
 * and the products it grants, named (per user, up to {@code count} users) or server-wide.
 */
public record Licence(UUID licenseId, String customerId, UUID instanceId, Instant issuedOn, Instant validFrom,
    Instant validTo, List<Product> products, String keyId) {

  /** How a product is licensed. */
  public enum Type { Named, Server }

  /** One product of the licence. */
  public record Product(String code, Type type, int count) {}

  public Licence {
    products = List.copyOf(products);
  }

  public boolean validAt(Instant t) {
    return !t.isBefore(validFrom) && t.isBefore(validTo);
  }
}
