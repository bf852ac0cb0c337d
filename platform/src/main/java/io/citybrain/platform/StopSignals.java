package io.citybrain.platform;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Runs a server's stop action on Ctrl-C (SIGINT) and SIGTERM <em>before</em> the JVM starts its
 * shutdown hooks. Stopping from a shutdown hook raced with H2's own hook, which closes the embedded
 * database at exit (H2 refuses {@code DB_CLOSE_ON_EXIT=FALSE} together with the {@code
 * AUTO_SERVER} mode the CLI's admin commands need): runs stopped by Ctrl-C were then not stored as
 * interrupted until the next start. With the signals handled here the action runs to its end
 * first, then the caller returns and the JVM exits. A second signal while it runs exits at once
 * (status 130). Where the signals cannot be handled (other platforms), and for any other exit,
 * the action also runs from a shutdown hook; it runs once in all.
 *
 * <p>Uses {@code sun.misc.Signal} from the JDK's {@code jdk.unsupported} module, the JDK's only
 * way to handle a signal.
 */
public final class StopSignals {
  private StopSignals() {}

  /**
   * Installs {@code stop} for SIGINT, SIGTERM and the JVM's shutdown.
   *
   * @param stop the action that stops the server; called at most once, from a signal or shutdown
   *     thread
   */
  public static void install(Runnable stop) {
    AtomicBoolean started = new AtomicBoolean();
    Runnable once =
        () -> {
          if (started.compareAndSet(false, true)) {
            stop.run();
          }
        };
    for (String name : List.of("INT", "TERM")) {
      try {
        Signal.handle(
            new Signal(name),
            s -> {
              if (started.get()) {
                Runtime.getRuntime().halt(130); // asked twice: stop waiting
              }
              once.run();
            });
      } catch (IllegalArgumentException e) {
        // this platform has no such signal, or the JVM reserves it: the shutdown hook remains
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(once, "citybrain-shutdown"));
  }
}
