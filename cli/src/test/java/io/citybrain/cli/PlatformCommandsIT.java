package io.citybrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.cli.CitybrainJar.Result;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in the options of serve, audit and token: each is a clear error with exit code 2 and no
 * stack trace, and a mistyped --data-dir is not silently given a new, empty database.
 */
class PlatformCommandsIT {
  @TempDir Path dir;

  @Test
  void auditOfAFolderWithoutADatabaseIsAnErrorNotAnIntactEmptyLog() {
    Result result = CitybrainJar.runQuick(dir, "audit", "verify", "--data-dir", "citybrian-data").assertInvalid();

    assertThat(result.stderr()).contains("no citybrain database in citybrian-data");
    assertThat(dir.resolve("citybrian-data")).as("nothing created").doesNotExist();

    CitybrainJar.runQuick(dir, "token", "revoke", "--name", "alice", "--data-dir", "citybrian-data").assertInvalid();
    assertThat(dir.resolve("citybrian-data")).doesNotExist();
  }

  @Test
  void dataDirThatIsAFileIsRefused() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "keep me");

    Result result = CitybrainJar.runQuick(dir, "token", "create", "--name", "alice", "--data-dir", "notes.txt").assertInvalid();

    assertThat(result.stderr()).contains("--data-dir notes.txt is a file, not a folder");
    assertThat(dir.resolve("notes.txt")).hasContent("keep me");
  }

  @Test
  void uploadLimitBeyondWhatJavaCanHoldIsRefused() {
    Result result =
        CitybrainJar.runQuick(dir, "serve", "--port", "0", "--data-dir", "data", "--max-upload-mb", "100000").assertInvalid();

    assertThat(result.stderr()).contains("--max-upload-mb must be in [1, 1024], got 100000");
  }

  @Test
  void vehicleLimitOutOfRangeIsRefused() {
    Result result =
        CitybrainJar.runQuick(dir, "serve", "--port", "0", "--data-dir", "data", "--max-vehicles-per-run", "0").assertInvalid();

    assertThat(result.stderr()).contains("--max-vehicles-per-run must be in [1, 1000000000], got 0");
  }

  @Test
  void busyPortIsAUsageErrorNotAnInternalOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Result result =
          CitybrainJar.runQuick(dir, "serve", "--port", Integer.toString(taken.getLocalPort()), "--data-dir", "data");

      assertThat(result.exitCode()).as(result.describe()).isEqualTo(CitybrainJar.EXIT_INVALID);
      assertThat(result.stderr())
          .as(result.describe())
          .contains("error: cannot listen on 127.0.0.1 port " + taken.getLocalPort() + ": the port is in use")
          .doesNotContain("internal error", "please report");
      result.assertNoStackTrace();
    }
  }

  @Test
  void unreachableDatabaseIsAUsageErrorNotAnInternalOne() {
    Result result =
        CitybrainJar.runQuick(dir, "audit", "verify", "--db", "jdbc:postgresql://127.0.0.1:1/citybrain?connectTimeout=2");

    assertThat(result.exitCode()).as(result.describe()).isEqualTo(CitybrainJar.EXIT_INVALID);
    assertThat(result.stderr()).as(result.describe()).startsWith("error: cannot open database").doesNotContain("please report");
    result.assertNoStackTrace();
  }

  @Test
  void passwordOnTheCommandLineIsRefusedWithTheWayToGiveIt() {
    Result result =
        CitybrainJar.runQuick(dir, "audit", "verify", "--db", "jdbc:postgresql://127.0.0.1:1/citybrain?user=u&password=hunter2")
            .assertInvalid();

    assertThat(result.stderr())
        .contains("--db must not contain a password")
        .contains("CITYBRAIN_DB_PASSWORD")
        .contains("--db-password-file")
        .doesNotContain("hunter2");
  }

  /** {@code citybrain serve} in the background, until {@link Process#destroy()} (SIGTERM). */
  private Process serve(String... extra) throws Exception {
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(
        "java", "-jar", Path.of(System.getProperty("citybrain.jar", "target/citybrain.jar")).toAbsolutePath().toString(),
        "serve", "--port", "0", "--data-dir", "data"));
    cmd.addAll(java.util.List.of(extra));
    Path log = dir.resolve("serve-" + System.nanoTime() + ".log");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(CitybrainJar.TIMEOUT_SECONDS);
    while (System.nanoTime() < end) {
      if (Files.exists(log) && Files.readString(log).contains("press Ctrl-C")) {
        return p;
      }
      assertThat(p.isAlive()).as("serve exited early:\n%s", Files.exists(log) ? Files.readString(log) : "").isTrue();
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new AssertionError("serve did not start:\n" + Files.readString(log));
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
  }

  /**
   * Issue 15: any local user could read the embedded database's key from its lock file and reach
   * it over H2's port. Now the server opens no port unless asked; asked, the owner's token and
   * audit commands reach it, another user's (nobody, when the tests run as root) do not.
   */
  @Test
  void embeddedDatabaseIsReachableByItsOwnerOnly() throws Exception {
    Process shared = serve("--share-embedded-db");
    try {
      Result owner = CitybrainJar.runQuick(dir, "token", "create", "--name", "alice", "--data-dir", "data");
      assertThat(owner.exitCode()).as(owner.describe()).isZero();
      assertThat(owner.stdout()).startsWith("cbt_");
      Result intruder = CitybrainJar.runQuickUnprivileged(dir, "token", "create", "--name", "mallory", "--data-dir", "data");
      assertThat(intruder.exitCode()).as(intruder.describe()).isNotZero();
      assertThat(intruder.stdout()).as("no token printed").doesNotContain("cbt_");
      if ("root".equals(System.getProperty("user.name"))) {
        Result reader = CitybrainJar.runQuickUnprivileged(dir, "audit", "verify", "--data-dir", "data");
        assertThat(reader.exitCode()).as(reader.describe()).isEqualTo(CitybrainJar.EXIT_INVALID);
      }
    } finally {
      stop(shared);
    }

    Process unshared = serve();
    try {
      Result refused = CitybrainJar.runQuick(dir, "token", "create", "--name", "bob", "--data-dir", "data").assertInvalid();
      assertThat(refused.stderr()).contains("a citybrain server holds the embedded database in").contains("--share-embedded-db");
    } finally {
      stop(unshared);
    }

    Result verify = CitybrainJar.runQuick(dir, "audit", "verify", "--data-dir", "data");
    assertThat(verify.exitCode()).as(verify.describe()).isZero();
    assertThat(verify.stdout()).as("alice's token.create and her two access.grant entries only").contains("intact: 3 entries");
  }
}
