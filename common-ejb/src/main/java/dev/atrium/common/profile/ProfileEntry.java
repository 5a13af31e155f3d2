package dev.atrium.common.profile;

import dev.atrium.common.domain.SystemRecord;
import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/**
 * One setting a user keeps for themselves (table {@code SysProfileData}): a JSON object under a
 * key, e.g. the columns, sort and filters of their Contacts list under {@code list.Contact}.
 */
@Entity
@Table(name = "SysProfileData")
public class ProfileEntry extends SystemRecord {

  @Column(name = "SysAdminUnitId", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID userId;

  @Column(name = "ProfileKey", nullable = false, updatable = false, length = 250)
  private String key;

  @Lob
  @Basic(fetch = FetchType.EAGER)
  @Column(name = "ObjectData", nullable = false)
  private String data;

  @Column(name = "ModifiedOn", nullable = false)
  private LocalDateTime modifiedOn;

  protected ProfileEntry() {}

  public ProfileEntry(UUID userId, String key, String data) {
    this.userId = userId;
    this.key = key;
    change(data);
  }

  /** Replaces the value and stamps the time of the change (UTC). */
  public void change(String data) {
    this.data = data;
    this.modifiedOn = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }

  public UUID getUserId() {
    return userId;
  }

  public String getKey() {
    return key;
  }

  public String getData() {
    return data;
  }

  public LocalDateTime getModifiedOn() {
    return modifiedOn;
  }
}
