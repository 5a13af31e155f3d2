package dev.atrium.common.infrastructure;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells an outage of the database from a bug, so that callers get a 503 they can retry while the
 * pool replaces dead connections, rather than a 500.
 */
public final class Outages {

  /** PostgreSQL's "the server is shutting down / starting up" states, besides SQLSTATE class 08. */
  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

  private Outages() {}

  /**
   * Whether this failure (anywhere in its causes) means the database cannot be reached now. An
   * error the database itself reports about a statement (a constraint, the data, the syntax) says
   * it is up, even where EclipseLink flags a communication failure because its connection check
   * failed in the aborted transaction (PostgreSQL).
   */
  public static boolean databaseUnavailable(Throwable failure) {
    boolean unreachable = false;
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof SQLException sql && sql.getSQLState() != null && !sql.getSQLState().isEmpty()) {
        String state = sql.getSQLState();
        return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
      }
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException || t instanceof ConnectException
          || t instanceof jakarta.resource.ResourceException
          || t instanceof org.eclipse.persistence.exceptions.DatabaseException db && db.isCommunicationFailure()) {
        unreachable = true;
      }
    }
    return unreachable;
  }
}
