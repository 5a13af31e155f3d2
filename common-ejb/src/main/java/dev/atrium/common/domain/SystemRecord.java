package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/** A row of a system table that has only a GUID key and its creation time (UTC). */
@MappedSuperclass
public abstract class SystemRecord {

  @Id
  @Column(name = "Id", nullable = false, updatable = false)
  @Convert(GuidConverter.NAME)
  private UUID id = UUID.randomUUID();

  @Column(name = "CreatedOn", nullable = false, updatable = false)
  private LocalDateTime createdOn = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

  public UUID getId() {
    return id;
  }

  public LocalDateTime getCreatedOn() {
    return createdOn;
  }
}
