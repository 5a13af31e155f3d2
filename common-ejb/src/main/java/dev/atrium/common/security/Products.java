package dev.atrium.common.security;

/**
 * Product codes of licences that code gates features with ({@link RequiresProduct}). The CRM core
 * objects (accounts, contacts) come with any of the CRM products; {@code studio} alone is the
 * platform without them.
 */
public final class Products {
  public static final String SALES = "sales";
  public static final String SERVICE = "service";
  public static final String MARKETING = "marketing";
  public static final String STUDIO = "studio";

  private Products() {}
}
