package io.citybrain.cli;

import io.citybrain.traffic.metrics.RunListener;
import io.citybrain.traffic.sim.Simulation;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the terminal (standard error) for runs; nothing at all when output is not a
 * terminal (pipes, CI logs).
 */
public final class Progress implements RunListener, AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /**
   * @param task label shown before the bar
   * @param totalSteps steps of the run
   */
  public static Progress start(String task, int totalSteps) {
    if (System.console() == null || System.getenv("CITYBRAIN_NO_PROGRESS") != null) {
      return new Progress(null);
    }
    return new Progress(
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(totalSteps)
            .setUnit(" s", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200)
            .clearDisplayOnFinish()
            .build());
  }

  @Override
  public void afterStep(Simulation sim, int step, int totalSteps) {
    if (bar != null && (step % 20 == 0 || step == totalSteps)) {
      bar.stepTo(step);
      bar.setExtraMessage(" vehicles " + sim.vehiclesInNetwork());
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
