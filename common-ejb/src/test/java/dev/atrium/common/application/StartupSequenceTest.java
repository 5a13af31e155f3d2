package dev.atrium.common.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.common.infrastructure.AtriumConfig;
import dev.atrium.common.infrastructure.SchemaMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start's Supervisor password: configured, printed (quick start) or written to an owner-only file. */
class StartupSequenceTest {

  @TempDir
  Path dataDir;

  private final List<String> passwordsSet = new ArrayList<>();
  private boolean migrated;

  private StartupSequence sequence(AtriumConfig.Mode mode, String configured, boolean supervisorHasNoPassword) {
    StartupSequence s = new StartupSequence();
    s.migrator = new SchemaMigrator() {
      @Override
      public void migrate() {
        migrated = true;
      }
    };
    s.supervisor = new SupervisorBootstrapService() {
      @Override
      public boolean setInitialPassword(String password) {
        passwordsSet.add(password);
        return supervisorHasNoPassword;
      }
    };
    s.config = new AtriumConfig() {
      @Override
      public Mode mode() {
        return mode;
      }

      @Override
      public Optional<String> supervisorPassword() {
        return Optional.ofNullable(configured);
      }

      @Override
      public String serverDataDir() {
        return dataDir.toString();
      }
    };
    return s;
  }

  private Path passwordFile() {
    return dataDir.resolve(StartupSequence.PASSWORD_FILE);
  }

  @Test
  void productionWritesAGeneratedPasswordToAnOwnerOnlyFileBeforeUsingIt() throws Exception {
    sequence(AtriumConfig.Mode.PRODUCTION, null, true).start();
    assertTrue(migrated, "migration runs first");
    assertEquals(1, passwordsSet.size());
    String password = passwordsSet.get(0);
    assertEquals(StartupSequence.GENERATED_LENGTH, password.length());
    assertEquals(password, Files.readString(passwordFile()).strip());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile())));
  }

  @Test
  void whenAnotherNodeSetItFirstTheUnusedFileIsRemoved() {
    sequence(AtriumConfig.Mode.PRODUCTION, null, false).start();
    assertEquals(1, passwordsSet.size());
    assertFalse(Files.exists(passwordFile()));
  }

  @Test
  void aConfiguredPasswordIsUsedAndNothingIsWritten() {
    sequence(AtriumConfig.Mode.PRODUCTION, "Configured-Pa55word", true).start();
    assertEquals(List.of("Configured-Pa55word"), passwordsSet);
    assertFalse(Files.exists(passwordFile()));
  }

  @Test
  void quickStartGeneratesAPasswordWithoutAFile() {
    sequence(AtriumConfig.Mode.QUICKSTART, null, true).start();
    assertEquals(1, passwordsSet.size());
    assertFalse(Files.exists(passwordFile()));
  }

  @Test
  void generatedPasswordsDiffer() {
    sequence(AtriumConfig.Mode.QUICKSTART, null, true).start();
    sequence(AtriumConfig.Mode.QUICKSTART, null, true).start();
    assertFalse(passwordsSet.get(0).equals(passwordsSet.get(1)));
  }
}
