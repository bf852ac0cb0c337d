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
}
