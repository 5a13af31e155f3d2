package dev.atrium.common.application;

import dev.atrium.common.infrastructure.AtriumConfig;
import dev.atrium.common.infrastructure.AtriumConfig.Mode;
import dev.atrium.common.infrastructure.SchemaMigrator;
import dev.atrium.common.security.SecureTokens;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What runs once when the application is deployed, before any request: the schema migration, then
 * the Supervisor's first password. That password comes from {@code atrium.supervisor.password} or
 * is generated (never a fixed default). A generated one is printed in quick-start mode; in
 * production mode it is written, before it takes effect, to a file only its owner can read, and
 * the log names the file, never the password.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class StartupSequence {

  private static final Logger LOG = Logger.getLogger(StartupSequence.class);
  static final String PASSWORD_FILE = "atrium/supervisor-initial-password.txt";
  static final int GENERATED_LENGTH = 20;

  @EJB
  SchemaMigrator migrator;

  @EJB
  SupervisorBootstrapService supervisor;

  @Inject
  AtriumConfig config;

  @PostConstruct
  void start() {
    migrator.migrate();
    Optional<String> configured = config.supervisorPassword();
    if (configured.isPresent()) {
      if (supervisor.setInitialPassword(configured.get())) {
        LOG.info("ATRIUM-0010 Supervisor password set from atrium.supervisor.password");
      }
      return;
    }
    String generated = SecureTokens.newPassword(GENERATED_LENGTH);
    if (config.mode() == Mode.QUICKSTART) {
      if (supervisor.setInitialPassword(generated)) {
        LOG.warnf("%n%n    ATRIUM-0011 Quick start: sign in as Supervisor with password  %s%n"
            + "    (generated once, shown in quick-start mode only)%n", generated);
      }
      return;
    }
    Path file = Path.of(config.serverDataDir()).resolve(PASSWORD_FILE);
    writeOwnerOnly(file, generated);
    if (supervisor.setInitialPassword(generated)) {
      LOG.warnf("ATRIUM-0012 Supervisor password was generated and written to %s (readable by its owner"
          + " only); sign in, then delete the file", file);
    } else {
      deleteQuietly(file);
    }
  }

  private static void writeOwnerOnly(Path file, String secret) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, secret + System.lineSeparator());
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException("ATRIUM-0013 Cannot write " + file
          + "; set atrium.supervisor.password instead", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warnf("ATRIUM-0014 Could not delete unused %s", file);
    }
  }
}
