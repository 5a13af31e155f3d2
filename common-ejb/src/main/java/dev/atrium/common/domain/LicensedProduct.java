package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/** A product the licence in force grants (table {@code SysLicense}). */
@Entity
@Table(name = "SysLicense")
public class LicensedProduct extends SystemRecord {

  @Column(name = "SysLicenseFileId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID fileId;

  @Column(name = "ProductCode", nullable = false, length = 100)
  private String productCode;

  @Column(name = "LicenseType", nullable = false, length = 20)
  private String licenseType;

  @Column(name = "LicenseCount", nullable = false)
  private int count;

  @Column(name = "ValidFrom", nullable = false)
  private LocalDateTime validFrom;

  @Column(name = "ValidTo", nullable = false)
  private LocalDateTime validTo;

  protected LicensedProduct() {}

  public LicensedProduct(UUID fileId, Licence.Product p, LocalDateTime validFrom, LocalDateTime validTo) {
    this.fileId = fileId;
    this.productCode = p.code();
    this.licenseType = p.type().name();
    this.count = p.count();
    this.validFrom = validFrom;
    this.validTo = validTo;
  }

  public String getProductCode() {
    return productCode;
  }

  public Licence.Type getType() {
    return Licence.Type.valueOf(licenseType);
  }

  public int getCount() {
    return count;
  }

  public LocalDateTime getValidFrom() {
    return validFrom;
  }

  public LocalDateTime getValidTo() {
    return validTo;
  }
}
