package dev.atrium.common.scheduler;

import dev.atrium.common.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;

/**
 * Runs a job's work as the system: every service it calls sees the caller in
 * {@link Roles#SYSTEM_JOBS}, a group no user can hold, which the services only jobs may call
 * require. No transaction of its own: each service call has its own.
 */
@Stateless
@PermitAll
@RunAs(Roles.SYSTEM_JOBS)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SystemRunner {

  public <T> T call(Callable<T> work) throws Exception {
    return work.call();
  }
}
