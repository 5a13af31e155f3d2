package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/** A licence file that was accepted, as uploaded (table {@code SysLicenseFile}). */
@Entity
@Table(name = "SysLicenseFile")
public class LicenceFileRecord extends SystemRecord {

  @Column(name = "CreatedById")
  @Convert(GuidConverter.NAME)
  private UUID createdById;

  @Column(name = "LicenseId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID licenseId;

  @Column(name = "CustomerId", nullable = false, length = 250)
  private String customerId;

  @Column(name = "KeyId", nullable = false, length = 100)
  private String keyId;

  @Column(name = "ValidFrom", nullable = false)
  private LocalDateTime validFrom;

  @Column(name = "ValidTo", nullable = false)
  private LocalDateTime validTo;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "Content", nullable = false)
  private String content;

  protected LicenceFileRecord() {}

  public LicenceFileRecord(Licence l, String content, UUID createdById, LocalDateTime validFrom, LocalDateTime validTo) {
    this.createdById = createdById;
    this.licenseId = l.licenseId();
    this.customerId = l.customerId();
    this.keyId = l.keyId();
    this.validFrom = validFrom;
    this.validTo = validTo;
    this.content = content;
  }

  public UUID getLicenseId() {
    return licenseId;
  }

  public String getCustomerId() {
    return customerId;
  }
}
