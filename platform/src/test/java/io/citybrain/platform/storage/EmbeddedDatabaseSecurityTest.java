package io.citybrain.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database against a local user (issue 15): no listener unless asked, loopback and
 * keyed when asked (a second process reaching it: {@code PlatformCommandsIT} in the cli module), the data folder and its files readable by the owner only, and a database that
 * H2 closed under the pool (as after a full disk) answering again without a restart.
 */
class EmbeddedDatabaseSecurityTest {
  @TempDir Path dir;

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static Properties lockFile(Path data) throws Exception {
    Properties p = new Properties();
    try (var in = Files.newInputStream(data.resolve("citybrain.lock.db"))) {
      p.load(in);
    }
    return p;
  }

  @Test
  void defaultOpensNoListenerAndKeepsFilesToTheOwner() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x")); // as a umask of 022 leaves it
    try (Database db = Database.open(DatabaseSettings.embedded(data));
        ServerLock lock = ServerLock.acquire(db, data)) {
      assertThat(db.settings().jdbcUrl()).doesNotContainIgnoringCase("AUTO_SERVER");
      assertThat(mode(data)).isEqualTo("rwx------");
      assertThat(mode(data.resolve("citybrain.mv.db"))).isEqualTo("rw-------");
      assertThat(mode(data.resolve(ServerLock.FILE))).isEqualTo("rw-------");
      if (Files.exists(data.resolve("citybrain.lock.db"))) {
        assertThat(mode(data.resolve("citybrain.lock.db"))).isEqualTo("rw-------");
        assertThat(lockFile(data).getProperty("server")).as("no TCP server announced").isNull();
      }
    }
  }

  @Test
  void sharedModeListensOnLoopbackOnly() throws Exception {
    Path data = dir.resolve("shared");
    try (Database db = Database.open(DatabaseSettings.shared(data))) {
      String server = lockFile(data).getProperty("server");
      assertThat(server).as("address announced in the lock file").matches("(127\\.0\\.0\\.1|localhost):\\d+");
      int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
      for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
        for (var address : java.util.Collections.list(nic.getInetAddresses())) {
          if (!address.isLoopbackAddress()) {
            try (var socket = new java.net.Socket()) {
              assertThatThrownBy(() -> socket.connect(new java.net.InetSocketAddress(address, port), 2000))
                  .as("H2's port on %s", address)
                  .isInstanceOf(java.io.IOException.class);
            }
          }
        }
      }
      assertThat(mode(data.resolve("citybrain.lock.db"))).as("the key is the owner's only").isEqualTo("rw-------");
      assertThat(lockFile(data).getProperty("id")).isNotBlank();
    }
  }

  @Test
  void databaseClosedUnderThePoolAnswersAgainWithoutARestart() throws Exception {
    Path data = dir.resolve("closed");
    try (Database db = Database.open(DatabaseSettings.embedded(data))) {
      db.jdbi().useHandle(h -> h.execute("INSERT INTO api_tokens (name, principal, token_sha256, created_at_ms) VALUES ('a', 'a', 'x', 1)"));
      // what H2 does itself after a write fails for lack of space: the database closes under the pool
      try {
        db.jdbi().useHandle(h -> h.execute("SHUTDOWN IMMEDIATELY"));
      } catch (RuntimeException expected) {
        // the connection that asked goes down with the database
      }
      int failures = 0;
      while (db.check(2).isPresent()) {
        failures++;
        assertThat(failures).as("health recovers once the pool drops its dead connections").isLessThan(3);
      }
      int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_tokens").mapTo(Integer.class).one());
      assertThat(rows)
          .as("the committed row is there after the reopen")
          .isEqualTo(1);
    }
  }

  @Test
  void passwordsInUrlsAreRecognised() {
    assertThat(DatabaseSettings.urlHasPassword("jdbc:postgresql://127.0.0.1:5432/c?user=u&password=secret")).isTrue();
    assertThat(DatabaseSettings.urlHasPassword("jdbc:postgresql://127.0.0.1:5432/c?PASSWORD=secret")).isTrue();
    assertThat(DatabaseSettings.urlHasPassword("jdbc:postgresql://u:secret@127.0.0.1:5432/c")).isTrue();
    assertThat(DatabaseSettings.urlHasPassword("jdbc:postgresql://127.0.0.1:5432/c?user=u")).isFalse();
    assertThat(DatabaseSettings.urlHasPassword("jdbc:postgresql://127.0.0.1:5432/c?user=password")).isFalse();
  }
}
