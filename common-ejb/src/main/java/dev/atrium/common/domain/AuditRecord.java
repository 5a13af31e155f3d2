package dev.atrium.common.domain;

import dev.atrium.common.infrastructure.GuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.persistence.annotations.Convert;

/**
 * One security event (table {@code SysAuditLog}): what, whether it succeeded, who did it, to whom,
 * from which address, when (UTC). Never a password, token or session id.
 */
@Entity
@Table(name = "SysAuditLog")
public class AuditRecord extends SystemRecord {

  @Column(name = "EventType", nullable = false, length = 100)
  private String eventType;

  @Column(name = "Success", nullable = false)
  private boolean success;

  @Column(name = "ActorId")
  @Convert(GuidConverter.NAME)
  private UUID actorId;

  @Column(name = "ActorName", length = 250)
  private String actorName;

  @Column(name = "TargetId")
  @Convert(GuidConverter.NAME)
  private UUID targetId;

  @Column(name = "TargetName", length = 250)
  private String targetName;

  @Column(name = "ClientAddress", length = 100)
  private String clientAddress;

  @Column(name = "Details", length = 2000)
  private String details;

  protected AuditRecord() {}

  public AuditRecord(AuditEvent event, boolean success, UUID actorId, String actorName, UUID targetId,
      String targetName, String clientAddress, String details) {
    this.eventType = event.name();
    this.success = success;
    this.actorId = actorId;
    this.actorName = clip(actorName, 250);
    this.targetId = targetId;
    this.targetName = clip(targetName, 250);
    this.clientAddress = clip(clientAddress, 100);
    this.details = clip(details, 2000);
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  public String getEventType() {
    return eventType;
  }

  public boolean isSuccess() {
    return success;
  }

  public UUID getActorId() {
    return actorId;
  }

  public String getActorName() {
    return actorName;
  }

  public UUID getTargetId() {
    return targetId;
  }

  public String getTargetName() {
    return targetName;
  }

  public String getClientAddress() {
    return clientAddress;
  }

  public String getDetails() {
    return details;
  }
}
