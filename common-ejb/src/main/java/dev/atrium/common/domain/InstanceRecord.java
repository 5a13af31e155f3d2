package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/** This installation (table {@code SysInstance}, one row): the id licences are bound to. */
@Entity
@Table(name = "SysInstance")
public class InstanceRecord {

  public static final int ROW = 1;

  @Id
  @Column(name = "Id")
  private int id;

  @Column(name = "InstanceId", nullable = false)
  @Convert(GuidConverter.NAME)
  private UUID instanceId;

  @Column(name = "CreatedOn", nullable = false)
  private LocalDateTime createdOn;

  @Column(name = "HighWaterMark")
  private LocalDateTime highWaterMark;

  public UUID getInstanceId() {
    return instanceId;
  }

  public LocalDateTime getCreatedOn() {
    return createdOn;
  }

  public LocalDateTime getHighWaterMark() {
    return highWaterMark;
  }
}
