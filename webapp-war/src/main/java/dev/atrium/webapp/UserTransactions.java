package dev.atrium.webapp;

import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Several service calls as one transaction, for the APIs whose batches are atomic (OData change
 * sets, DataService BatchQuery): the services' transactions join it, and it commits only if the
 * whole work returns.
 */
public final class UserTransactions {

  /** The transaction did not commit: rolled back by the database, or with an outcome not known. */
  public static final class NotCommitted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean rolledBack;

    NotCommitted(boolean rolledBack, Throwable cause) {
      super(rolledBack ? "The transaction was rolled back" : "The outcome of the commit is not known", cause);
      this.rolledBack = rolledBack;
    }

    public boolean rolledBack() {
      return rolledBack;
    }
  }

  /** Work that returns a result or throws, which rolls everything back. */
  @FunctionalInterface
  public interface Work<T, X extends Exception> {
    T run() throws X;
  }

  private UserTransactions() {}

  public static <T, X extends Exception> T inOne(Work<T, X> work) throws X {
    UserTransaction tx = lookup();
    try {
      tx.begin();
    } catch (Exception e) {
      throw new NotCommitted(true, e);
    }
    T result;
    try {
      result = work.run();
    } catch (Exception | Error e) {
      rollback(tx);
      throw e;
    }
    try {
      tx.commit();
    } catch (RollbackException e) {
      throw new NotCommitted(true, e);
    } catch (Exception e) {
      throw new NotCommitted(false, e);
    }
    return result;
  }

  private static UserTransaction lookup() {
    try {
      return (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
    } catch (NamingException e) {
      throw new IllegalStateException("No UserTransaction in this component", e);
    }
  }

  private static void rollback(UserTransaction tx) {
    try {
      if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
        tx.rollback();
      }
    } catch (Exception ignored) {
      // the transaction is gone either way
    }
  }
}
