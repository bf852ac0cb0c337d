package io.citybrain.cli;

import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.sim.Simulation;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of runs on standard error: a bar on a terminal; when output is not a terminal (pipes,
 * CI logs), one line every {@link #LINE_INTERVAL_NANOS 10 s} of wall time, so a short run prints
 * nothing and a long one (Nanchang: minutes) shows it is alive. {@code CITYBRAIN_NO_PROGRESS}
 * silences both.
 */
public final class Progress implements RunListener, AutoCloseable {
  /** Wall time between two progress lines when output is not a terminal: 10 s. */
  static final long LINE_INTERVAL_NANOS = 10_000_000_000L;

  private final ProgressBar bar;
  private final String task;
  private final java.io.PrintStream lines;
  private final long startNanos = System.nanoTime();
  private long lastLineNanos = startNanos;

  private Progress(ProgressBar bar, String task, java.io.PrintStream lines) {
    this.bar = bar;
    this.task = task;
    this.lines = lines;
  }

  /**
   * @param task label shown before the bar
   * @param totalSteps steps of the run
   */
  public static Progress start(String task, int totalSteps) {
    if (System.getenv("CITYBRAIN_NO_PROGRESS") != null) {
      return new Progress(null, task, null);
    }
    if (System.console() == null) {
      return new Progress(null, task, System.err);
    }
    return new Progress(
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(totalSteps)
            .setUnit(" s", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200)
            .clearDisplayOnFinish()
            .build(),
        task,
        null);
  }

  @Override
  public void afterStep(Simulation sim, int step, int totalSteps) {
    if (bar != null && (step % 20 == 0 || step == totalSteps)) {
      bar.stepTo(step);
      bar.setExtraMessage(" vehicles " + sim.vehiclesInNetwork());
    }
    if (lines != null && step % 20 == 0) {
      long now = System.nanoTime();
      if (now - lastLineNanos >= LINE_INTERVAL_NANOS) {
        lastLineNanos = now;
        lines.println(line(task, step, totalSteps, sim.vehiclesInNetwork(), (now - startNanos) / 1e9));
        lines.flush();
      }
    }
  }

  /**
   * One progress line: {@code "max-pressure: 1,200 / 3,600 steps (33 %), 1,234 vehicles in network, 12 s"}.
   *
   * @param wallSeconds wall time since the run started
   */
  static String line(String task, int step, int totalSteps, int vehiclesInNetwork, double wallSeconds) {
    return String.format(
        java.util.Locale.ROOT,
        "%s: %,d / %,d steps (%d %%), %,d vehicles in network, %.0f s",
        task,
        step,
        totalSteps,
        totalSteps > 0 ? (int) (100L * step / totalSteps) : 100,
        vehiclesInNetwork,
        wallSeconds);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
