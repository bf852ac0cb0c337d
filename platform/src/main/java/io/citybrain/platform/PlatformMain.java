package io.citybrain.platform;

import io.citybrain.platform.storage.DatabaseSettings;
import java.nio.file.Path;

/**
 * A minimal launcher without the CLI, used to run the server as a separate process (crash tests):
 * {@code PlatformMain DATA_DIR [PORT] [JDBC_URL [SCHEMA]]}. Prints {@code listening on http://HOST:PORT/}
 * once serving, and stops on SIGTERM. Operators use {@code citybrain serve}.
 */
public final class PlatformMain {
  private PlatformMain() {}

  /**
   * Starts a server and waits until the process is stopped.
   *
   * @param args data folder, then optionally port (default 0), a JDBC URL (default embedded) and
   *     a schema in it
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length < 1) {
      System.err.println("usage: PlatformMain DATA_DIR [PORT] [JDBC_URL [SCHEMA]]");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    PlatformConfig cfg = PlatformConfig.defaults(data).withPort(args.length > 1 ? Integer.parseInt(args[1]) : 0);
    if (args.length > 2) {
      DatabaseSettings db = DatabaseSettings.of(args[2]);
      cfg = cfg.withDatabase(args.length > 3 ? db.withSchema(args[3]) : db);
    }
    PlatformServer server = PlatformServer.start(cfg);
    System.out.println("listening on http://" + cfg.host() + ":" + server.port() + "/");
    System.out.flush();
    server.serveUntilStopped();
    System.exit(0); // threads of libraries (H2's mixed-mode server) would keep the JVM alive
  }
}
