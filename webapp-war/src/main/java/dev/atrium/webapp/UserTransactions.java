package dev.atrium.webapp;

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
      throw new IllegalStateException("Cannot begin a transaction", e);
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
    } catch (Exception e) {
      throw new IllegalStateException("The transaction could not commit; nothing of it was saved", e);
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
