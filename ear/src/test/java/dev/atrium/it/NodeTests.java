package dev.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of {@code src/test/js/*.test.mjs} with node's test runner against the deployed EAR
 * and fails the calling test unless every node test passed. The script gets the base URL and the
 * Supervisor's credentials ({@code ATRIUM_URL}, {@code ATRIUM_USER}, {@code ATRIUM_PASSWORD})
 * plus whatever the caller adds; it is killed after {@code timeoutSeconds}.
 */
final class NodeTests {

  private NodeTests() {
  }

  /** Where browser tests leave their screenshots: {@code ear/target/screenshots}. */
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  /** Runs a browser test: as {@link #run}, with {@code SCREENSHOTS} naming the screenshot folder. */
  static void inBrowser(String script, Map<String, String> env, long timeoutSeconds)
      throws IOException, InterruptedException {
    Files.createDirectories(SCREENSHOTS);
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString());
    run(script, all, timeoutSeconds);
  }

  static void run(String script, Map<String, String> env, long timeoutSeconds) throws IOException, InterruptedException {
    Path log = Files.createTempFile("node-" + script, ".log");
    ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", script)
        .directory(Path.of("src/test/js").toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    node.environment().put("ATRIUM_URL", System.getProperty("atrium.it.base-url", "http://127.0.0.1:8180"));
    node.environment().put("ATRIUM_USER", AtriumClient.SUPERVISOR);
    node.environment().put("ATRIUM_PASSWORD", AtriumClient.SUPERVISOR_PASSWORD);
    node.environment().putAll(env);
    Process process = node.start();
    boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    System.out.println(output);
    if (!finished) {
      fail(script + " did not finish within " + timeoutSeconds + " s:\n" + output);
    }
    assertEquals(0, process.exitValue(), output);
  }
}
