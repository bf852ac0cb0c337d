package io.citybrain.traffic.metrics;

import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.StepObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The KDD Cup 2021 City Brain Challenge's score, as its {@code evaluate.py} computes it in the final
 * round: every {@value #CHECK_SECONDS} s, at T = 20k − 1 s, the delay index over every vehicle
 * created so far ({@link Simulation#challengeDelayIndex()}) and the vehicles served (created by
 * then, whether they have moved or not); the run's score is the first check whose delay index
 * exceeds {@value #LIMIT}, and more served vehicles rank higher. Defined under the {@code
 * cbengine2021} engine rules.
 */
public final class ChallengeScore implements StepObserver {
  /** Time between two checks, s. */
  public static final int CHECK_SECONDS = 20;

  /** The delay index above which the challenge stopped a run. */
  public static final double LIMIT = 1.40;

  /**
   * One check.
   *
   * @param timeSeconds the check's time T, s (20k − 1)
   * @param served vehicles created before T
   * @param delayIndex the challenge's delay index at T
   */
  public record Check(int timeSeconds, long served, double delayIndex) {}

  private final List<Check> checks = new ArrayList<>();
  private Check limitCheck;

  @Override
  public void afterStep(Simulation sim) {
    int t = sim.stepCount();
    if ((t + 1) % CHECK_SECONDS != 0) {
      return;
    }
    Check c = new Check(t, sim.vehiclesSpawned(), sim.challengeDelayIndex());
    checks.add(c);
    if (limitCheck == null && c.delayIndex() > LIMIT) {
      limitCheck = c;
    }
  }

  /** Every check so far, in time order. */
  public List<Check> checks() {
    return List.copyOf(checks);
  }

  /** The first check above {@value #LIMIT}: the run's score; empty while none has been. */
  public Optional<Check> limitCheck() {
    return Optional.ofNullable(limitCheck);
  }

  /** True once a check has exceeded {@value #LIMIT} (the challenge stopped the run there). */
  public boolean limitPassed() {
    return limitCheck != null;
  }

  /** The last check, if any. */
  public Optional<Check> lastCheck() {
    return checks.isEmpty() ? Optional.empty() : Optional.of(checks.get(checks.size() - 1));
  }
}
