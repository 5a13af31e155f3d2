package dev.atrium.common.application;

import dev.atrium.common.domain.JobRun;
import dev.atrium.common.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The record of job firings ({@code SysJobRun}), kept by the scheduler around every run: a firing
 * that already succeeded is not run again (a recovery after a crash, or a duplicate), one whose node
 * died is taken over. Not reachable over HTTP; the admin API reads it through {@link JobAdminService}.
 */
@Stateless
@RolesAllowed(Roles.SYSTEM_JOBS)
public class JobRunService {

  /** A firing about to run, or one that already succeeded and must be skipped. */
  public record Start(UUID runId, boolean alreadySucceeded, int attempt) {}

  @PersistenceContext(unitName = "atrium")
  EntityManager em;

  /** Claims a firing for this node, in its own transaction (the row is locked while deciding). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Start begin(String job, Instant fireTime, String node) {
    LocalDateTime scheduled = LocalDateTime.ofInstant(fireTime, ZoneOffset.UTC);
    Optional<JobRun> existing = em.createQuery("SELECT r FROM JobRun r WHERE r.jobName = :job AND r.fireTime = :t",
            JobRun.class)
        .setParameter("job", job).setParameter("t", scheduled).setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream().findFirst();
    if (existing.isEmpty()) {
      JobRun run = new JobRun(job, scheduled, node, Mapping.nowUtc());
      em.persist(run);
      em.flush();
      return new Start(run.getId(), false, 1);
    }
    JobRun run = existing.get();
    if (run.getStatus() == JobRun.Status.Succeeded) {
      return new Start(run.getId(), true, run.getAttempts());
    }
    run.retry(node, Mapping.nowUtc());
    return new Start(run.getId(), false, run.getAttempts());
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void finish(UUID runId, JobRun.Status status, String outcome) {
    JobRun run = em.find(JobRun.class, runId);
    if (run != null) {
      run.finish(status, outcome, Mapping.nowUtc());
    }
  }

  /** The newest firings of a job, newest first (the admin API guards who may ask). */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<JobRun> newest(String job, int top) {
    return em.createQuery("SELECT r FROM JobRun r WHERE r.jobName = :job ORDER BY r.fireTime DESC", JobRun.class)
        .setParameter("job", job).setMaxResults(top).getResultList();
  }

  /** Forgets finished firings started before {@code before}; returns how many. */
  public int purgeBefore(Instant before) {
    return em.createQuery("DELETE FROM JobRun r WHERE r.startedOn < :t AND r.status <> :running")
        .setParameter("t", LocalDateTime.ofInstant(before, ZoneOffset.UTC))
        .setParameter("running", JobRun.Status.Running.name()).executeUpdate();
  }
}
