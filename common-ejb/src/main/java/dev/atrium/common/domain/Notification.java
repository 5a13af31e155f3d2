package dev.atrium.common.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A notice for the holders of an operation (table {@code SysNotification}), e.g. a licence expiry
 * warning. The dedup key makes producing it idempotent: a job that runs again adds nothing.
 */
@Entity
@Table(name = "SysNotification")
public class Notification extends SystemRecord {

  @Column(name = "Audience", nullable = false, length = 250)
  private String audience;

  @Column(name = "Kind", nullable = false, length = 100)
  private String kind;

  @Column(name = "Subject", nullable = false, length = 250)
  private String subject;

  @Column(name = "Message", nullable = false, length = 1000)
  private String message;

  @Column(name = "DueOn")
  private LocalDateTime dueOn;

  @Column(name = "DedupKey", nullable = false, length = 250)
  private String dedupKey;

  protected Notification() {}

  public Notification(String audience, String kind, String subject, String message, LocalDateTime dueOn,
      String dedupKey) {
    this.audience = audience;
    this.kind = kind;
    this.subject = subject;
    this.message = message;
    this.dueOn = dueOn;
    this.dedupKey = dedupKey;
  }

  public String getAudience() {
    return audience;
  }

  public String getKind() {
    return kind;
  }

  public String getSubject() {
    return subject;
  }

  public String getMessage() {
    return message;
  }

  public LocalDateTime getDueOn() {
    return dueOn;
  }

  public String getDedupKey() {
    return dedupKey;
  }
}
