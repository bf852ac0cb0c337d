package io.citybrain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrerequisitesTest {
  @TempDir Path dir;

  private Path program(String name, String permissions) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
    return p;
  }

  @Test
  void anExecutableAtItsDebianPathIsReturned() throws IOException {
    Path chromium = program("chromium", "rwxr-xr-x");
    assertThat(
            Prerequisites.executable(
                Map.of(), "CITYBRAIN_CHROMIUM", chromium, "Chromium", "chromium"))
        .isEqualTo(chromium);
  }

  @Test
  void theEnvironmentVariableOverridesTheDebianPath() throws IOException {
    Path elsewhere = program("google-chrome", "rwxr-xr-x");
    Path absent = dir.resolve("usr-bin-chromium");
    Map<String, String> env = Map.of("CITYBRAIN_CHROMIUM", elsewhere.toString());
    assertThat(Prerequisites.executable(env, "CITYBRAIN_CHROMIUM", absent, "Chromium", "chromium"))
        .isEqualTo(elsewhere);
  }

  @Test
  void aMissingProgramFailsNamingThePathThePackageTheScriptAndHowToSkip() {
    Path absent = dir.resolve("chromedriver");
    assertThatThrownBy(
            () ->
                Prerequisites.executable(
                    Map.of(), "CITYBRAIN_CHROMEDRIVER", absent, "ChromeDriver", "chromium-driver"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ChromeDriver")
        .hasMessageContaining(
            absent + " is not an executable file (set CITYBRAIN_CHROMEDRIVER to use another path)")
        .hasMessageContaining("apt-get install chromium-driver")
        .hasMessageContaining("scripts/test-all.sh")
        .hasMessageContaining("-DskipITs");
  }

  @Test
  void aFileWithoutExecutePermissionIsNotAProgram() throws IOException {
    Path notExecutable = program("chromium", "rw-r--r--");
    assertThatThrownBy(
            () ->
                Prerequisites.executable(
                    Map.of(), "CITYBRAIN_CHROMIUM", notExecutable, "Chromium", "chromium"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(notExecutable.toString());
  }

  @Test
  void aBadOverrideIsNamedAsComingFromTheVariable() {
    Path bad = dir.resolve("no-such-browser");
    Map<String, String> env = Map.of("CITYBRAIN_CHROMIUM", bad.toString());
    assertThatThrownBy(
            () ->
                Prerequisites.executable(
                    env,
                    "CITYBRAIN_CHROMIUM",
                    Path.of("/usr/bin/chromium"),
                    "Chromium",
                    "chromium"))
        .hasMessageContaining(bad + " (from CITYBRAIN_CHROMIUM) is not an executable file");
  }

  @Test
  void aListeningPortPassesAndAClosedOneFailsNamingTheAddress() throws IOException {
    int closedPort;
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Prerequisites.listening("127.0.0.1", server.getLocalPort(), "test service", "start it");
      closedPort = server.getLocalPort();
    }
    assertThatThrownBy(
            () ->
                Prerequisites.listening(
                    "127.0.0.1",
                    closedPort,
                    "PostgreSQL test server",
                    "apt-get install postgresql"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("PostgreSQL test server")
        .hasMessageContaining("127.0.0.1:" + closedPort)
        .hasMessageContaining("apt-get install postgresql");
  }
}
