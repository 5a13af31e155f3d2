package dev.atrium.common.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One firing of a scheduled job (table {@code SysJobRun}), unique per job and scheduled time: the
 * key that makes a firing run to success at most once, however often it is started (a recovery
 * after a node died re-runs it; one that already succeeded is skipped).
 */
@Entity
@Table(name = "SysJobRun")
public class JobRun extends SystemRecord {

  /** Where a firing stands. */
  public enum Status { Running, Succeeded, Failed }

  @Column(name = "JobName", nullable = false, length = 100)
  private String jobName;

  @Column(name = "FireTime", nullable = false)
  private LocalDateTime fireTime;

  @Column(name = "NodeId", nullable = false, length = 100)
  private String nodeId;

  @Column(name = "Attempts", nullable = false)
  private int attempts;

  @Column(name = "Status", nullable = false, length = 20)
  private String status;

  @Column(name = "Outcome", length = 500)
  private String outcome;

  @Column(name = "StartedOn", nullable = false)
  private LocalDateTime startedOn;

  @Column(name = "FinishedOn")
  private LocalDateTime finishedOn;

  protected JobRun() {}

  public JobRun(String jobName, LocalDateTime fireTime, String nodeId, LocalDateTime now) {
    this.jobName = jobName;
    this.fireTime = fireTime;
    this.nodeId = nodeId;
    this.attempts = 1;
    this.status = Status.Running.name();
    this.startedOn = now;
  }

  /** Another attempt at a firing that did not succeed (its node died, or it failed). */
  public void retry(String node, LocalDateTime now) {
    this.nodeId = node;
    this.attempts++;
    this.status = Status.Running.name();
    this.outcome = null;
    this.startedOn = now;
    this.finishedOn = null;
  }

  public void finish(Status result, String summary, LocalDateTime now) {
    this.status = result.name();
    this.outcome = summary == null || summary.length() <= 500 ? summary : summary.substring(0, 500);
    this.finishedOn = now;
  }

  public String getJobName() {
    return jobName;
  }

  public LocalDateTime getFireTime() {
    return fireTime;
  }

  public String getNodeId() {
    return nodeId;
  }

  public int getAttempts() {
    return attempts;
  }

  public Status getStatus() {
    return Status.valueOf(status);
  }

  public String getOutcome() {
    return outcome;
  }

  public LocalDateTime getStartedOn() {
    return startedOn;
  }

  public LocalDateTime getFinishedOn() {
    return finishedOn;
  }
}
