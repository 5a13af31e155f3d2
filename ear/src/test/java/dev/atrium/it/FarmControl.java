package dev.atrium.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The local farm of the farm tests, driven through {@code standalone-config/bin/farm.sh} (the same
 * script operators use for demos): two WildFly nodes configured with {@code configure.sh
 * --farm-node}, HAProxy in front, a Redis of their own with AOF, and their own PostgreSQL database.
 */
final class FarmControl {

  static final int NODES = 2;
  static final String HAPROXY = "http://127.0.0.1:8090";
  private static final int ADMIN_PORT = 8801;

  private final Path script = Path.of(System.getProperty("atrium.farm.script", "../standalone-config/bin/farm.sh"));
  private final String jbossHome = System.getProperty("atrium.farm.jboss-home");
  private final String ear = System.getProperty("atrium.it.ear");
  final Path dir = Path.of(System.getProperty("atrium.farm.dir", "target/farm-run"));

  static String node(int n) {
    return "http://127.0.0.1:" + (8080 + 300 + 100 * n);
  }

  static int managementPort(int n) {
    return 9990 + 300 + 100 * n;
  }

  void start() {
    run(Duration.ofMinutes(8), "start", "--jboss-home", jbossHome, "--ear", ear, "--dir", dir.toString(),
        "--nodes", String.valueOf(NODES), "--java-opts", "-Datrium.supervisor.password=" + AtriumClient.SUPERVISOR_PASSWORD);
  }

  void stop() {
    run(Duration.ofMinutes(3), "stop", "--dir", dir.toString());
  }

  void killNode(int n) {
    run(Duration.ofSeconds(30), "kill-node", String.valueOf(n), "--dir", dir.toString());
  }

  void stopNode(int n) {
    run(Duration.ofMinutes(3), "stop-node", String.valueOf(n), "--dir", dir.toString());
  }

  void startNode(int n) {
    run(Duration.ofMinutes(5), "start-node", String.valueOf(n), "--dir", dir.toString());
  }

  void stopRedis() {
    run(Duration.ofSeconds(30), "stop-redis", "--dir", dir.toString());
  }

  void startRedis() {
    run(Duration.ofSeconds(30), "start-redis", "--dir", dir.toString());
  }

  /** Whether this user may stop and start the machine's PostgreSQL (root, or sudo without a password). */
  boolean canControlPostgres() {
    try {
      return exec(Duration.ofSeconds(10), "id", "-u").trim().equals("0")
          || new ProcessBuilder("sudo", "-n", "true").start().waitFor() == 0;
    } catch (IOException | AssertionError e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops or starts the PostgreSQL cluster on 127.0.0.1:5432 (Debian's pg_ctlcluster). */
  void postgres(String action) {
    String script = "v=$(ls /etc/postgresql | sort -V | tail -n 1); "
        + "$([ \"$(id -u)\" -eq 0 ] || echo sudo -n) pg_ctlcluster --skip-systemctl-redirect \"$v\" main " + action
        + (action.equals("stop") ? " -m fast" : "")
        + (action.equals("start") ? " && for i in $(seq 1 100); do pg_isready -h 127.0.0.1 -p 5432 -q && exit 0; sleep 0.2; done; exit 1" : "");
    exec(Duration.ofSeconds(60), "bash", "-c", script);
  }

  /** HAProxy's view of node n: UP, DOWN, MAINT, DRAIN, ... */
  String haproxyStatus(int n) {
    for (String line : haproxy("show stat").split("\n")) {
      String[] f = line.split(",", -1);
      if (f.length > 17 && f[0].equals("atrium") && f[1].equals("node" + n)) {
        return f[17];
      }
    }
    throw new AssertionError("HAProxy does not list node" + n);
  }

  /** One command of HAProxy's runtime API. */
  String haproxy(String command) {
    try (Socket s = new Socket("127.0.0.1", ADMIN_PORT)) {
      s.setSoTimeout(5_000);
      OutputStream out = s.getOutputStream();
      out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("HAProxy's runtime API did not answer", e);
    }
  }

  /** A management CLI command on node n (the server must be running). */
  String cli(int n, String command) {
    return exec(Duration.ofSeconds(60), jbossHome + "/bin/jboss-cli.sh", "--controller=127.0.0.1:" + managementPort(n),
        "-c", "--command=" + command);
  }

  /** Node n's server log. */
  String serverLog(int n) throws IOException {
    return Files.readString(dir.resolve("node" + n).resolve("log/server.log"));
  }

  static Connection database() throws SQLException {
    return DriverManager.getConnection(System.getProperty("atrium.farm.db.url"),
        System.getProperty("atrium.it.db.user"), System.getProperty("atrium.it.db.password"));
  }

  /** Waits for a condition, checking every 50 ms; false when the time is up. */
  static boolean within(Duration limit, BooleanSupplier condition) {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      sleep(50);
    }
    return condition.getAsBoolean();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void run(Duration limit, String... args) {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    exec(limit, command.toArray(String[]::new));
  }

  private static String exec(Duration limit, String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      // Read while it runs, so a chatty process never blocks on a full pipe.
      StringBuilder out = new StringBuilder();
      Thread reader = new Thread(() -> {
        try {
          out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException ignored) {
          // the process ended
        }
      });
      reader.start();
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish within " + limit);
      }
      reader.join(5_000);
      if (p.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
      }
      return out.toString();
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
