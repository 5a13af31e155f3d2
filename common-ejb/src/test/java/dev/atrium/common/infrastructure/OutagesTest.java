package dev.atrium.common.infrastructure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;

class OutagesTest {

  @Test
  void aDatabaseThatCannotBeReachedIsAnOutage() {
    assertTrue(Outages.databaseUnavailable(new PersistenceException(new SQLException("refused", "08001"))));
    assertTrue(Outages.databaseUnavailable(new SQLException("terminating connection", "57P01")));
    assertTrue(Outages.databaseUnavailable(new RuntimeException(new ConnectException("Connection refused"))));
    assertTrue(Outages.databaseUnavailable(DatabaseException.sqlException(new SQLException("I/O error"), true)));
  }

  @Test
  void anErrorTheDatabaseReportsIsNotAnOutage() {
    SQLException foreignKey = new SQLException("violates foreign key constraint", "23503");
    // EclipseLink flags a communication failure when its check of the connection fails inside the
    // aborted transaction; the database's own answer says otherwise.
    assertFalse(Outages.databaseUnavailable(new PersistenceException(DatabaseException.sqlException(foreignKey, true))));
    assertFalse(Outages.databaseUnavailable(new SQLException("syntax error", "42601")));
    assertFalse(Outages.databaseUnavailable(new IllegalStateException("a bug")));
  }
}
