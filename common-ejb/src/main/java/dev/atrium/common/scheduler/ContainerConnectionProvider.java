package dev.atrium.common.scheduler;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Quartz's connections come from the server's datasource (its pool, validation and credentials). */
public final class ContainerConnectionProvider implements ConnectionProvider {

  private final DataSource dataSource;

  public ContainerConnectionProvider(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void shutdown() {
    // the server owns the pool
  }

  @Override
  public void initialize() {
    // the server owns the pool
  }
}
