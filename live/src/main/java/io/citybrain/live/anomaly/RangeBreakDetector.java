package io.citybrain.live.anomaly;

import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.commons.algorithm.ParameterValues;
import java.util.Arrays;
import java.util.List;

/**
 * citybrain's own streaming detector, {@code range-break}: a point is anomalous when one of three
 * views of the series leaves the range that view has kept over a long trailing window.
 *
 * <p>The three views, each a number per point:
 *
 * <ol>
 *   <li>the value itself (spikes, drops, new levels);
 *   <li>the mean of the last {@code smoothingPoints} values (a shift of level that single
 *       values hide in their noise);
 *   <li>the mean of the last {@code smoothingPoints} daily-profile residuals: the value minus
 *       an exponentially weighted average of earlier values at the same time of day (learning
 *       rate {@code profileLearningRate}; slots as wide as the smallest sampling interval seen in
 *       the first points, at most 2,880 a day; off for series sampled 6-hourly or slower). It
 *       catches a day whose shape is wrong while its values stay in range. With {@code
 *       profileWarmup} (version 2) a slot is the plain mean of its values until it has
 *       1/{@code profileLearningRate} of them, then the exponential average (the bias-corrected
 *       start of an exponentially weighted mean); version 1 started each slot from its first
 *       value alone, whose noise then stayed in the profile for days and made the residuals of
 *       clean daily series break their range about once a day.
 * </ol>
 *
 * <p>For each view with n ≥ {@code minHistoryPoints} past values among the last {@code
 * windowPoints}, the excess is e = max(v − max, min − v)/(max − min) − h/n (a scale floor guards
 * constant views; h = {@code historyPenaltyPoints}: a young range is still growing, and a new
 * record in it is weaker evidence), multiplied by the view's weight ({@code valueWeight}, {@code
 * levelWeight}, {@code residualWeight}). If the largest weighted excess is above {@code margin}, the point
 * raises an alarm scored 0.5 + 0.5 e/(1 + e), in (0.5, 1), so larger breaks score higher and the
 * NAB threshold can be set between them; otherwise it scores 0. After an alarm the detector stays
 * silent (scores 0) for {@code restPoints} points, so one event raises one alarm; the views keep
 * learning meanwhile.
 *
 * <p>Spike exclusion (version 3, {@code spikeExclusion}): when an alarm's weighted excess is above
 * {@code spikeExclusionExcess}, the value view holds the values of the alarm and of its rest out of
 * its range. When the rest ends, a point still out of range means the series has a new level: the
 * held values join the range and no second alarm is raised; a point back in range means they were
 * a spike: they are dropped, so the range does not widen and the next spike of the same size is a
 * break again (in NAB's corpus, about half of version 2's missed windows were a second anomaly as
 * large as a first one that had widened the range).
 *
 * <p>Why this shape: most labelled anomalies in real operations series (NAB's corpus; Lavin &
 * Ahmad, ICMLA 2015) are a break out of the range the series has kept for days, in the value,
 * its level or its daily shape; NAB's scoring rewards the first point of an event and charges every
 * further alarm, hence one alarm per event. The running-extremes test is the streaming form of
 * the novelty ("out of the seen range") tests of Skyline-style detectors, without their
 * Gaussian assumption; the daily profile is a seasonal-naive baseline with exponential smoothing
 * (Hyndman & Athanasopoulos, Forecasting: Principles and Practice, §8). It sees no minimum,
 * maximum or length of the series in advance.
 *
 * <p>State: three trailing min/max queues of {@code windowPoints} entries, two rings of {@code
 * smoothingPoints}, the daily profile, the held values of one rest; O(1) amortised work per point.
 */
public final class RangeBreakDetector implements AnomalyDetector {
  private static final long serialVersionUID = 1L;
  private static final long DAY_SECONDS = 86_400L;
  /** No daily profile for series sampled this slowly or slower. */
  private static final long PROFILE_MAX_INTERVAL_SECONDS = 6 * 3600L;
  private static final int PROFILE_MAX_SLOTS = 2880;
  /** Points whose smallest interval fixes the profile's slot width. */
  private static final int PROFILE_SETUP_POINTS = 10;

  private final int smoothingPoints;
  private final int restPoints;
  private final int minHistoryPoints;
  private final double margin;
  private final double profileLearningRate;
  private final double valueWeight;
  private final double levelWeight;
  private final double residualWeight;
  private final double historyPenaltyPoints;
  private final boolean profileWarmup;
  private final double spikeExclusionExcess;

  private final TrailingExtremes valueRange;
  private final TrailingExtremes levelRange;
  private final TrailingExtremes residualRange;
  private final double[] recentValues;
  private final double[] recentResiduals;
  private long points;
  private long residuals;
  private long previousTimestamp = Long.MIN_VALUE;
  private long smallestIntervalSeconds = Long.MAX_VALUE;
  private double[] dailyProfile;
  /** Updates per daily-profile slot (only with profile warm-up). */
  private int[] slotUpdates;
  private boolean profileDecided;
  private int quietPoints;
  /** Whether the value view's values are held out of its range while resting after a large break. */
  private boolean holdingSpike;
  private final double[] heldValues;
  private int heldCount;

  /**
   * @param windowPoints trailing window of each view, points (≥ 2)
   * @param smoothingPoints values averaged for the level and residual views, points (≥ 1)
   * @param restPoints silence after an alarm, points (≥ 0)
   * @param minHistoryPoints past values a view needs before it may alarm (1..windowPoints)
   * @param margin excess, in units of the view's range, that a break must exceed (≥ 0)
   * @param profileLearningRate weight of a new value in its daily slot, in (0, 1]
   */
  public RangeBreakDetector(int windowPoints, int smoothingPoints, int restPoints, int minHistoryPoints,
      double margin, double profileLearningRate) {
    this(windowPoints, smoothingPoints, restPoints, minHistoryPoints, margin, profileLearningRate, 1, 1, 1, 0, false);
  }

  /**
   * The full form (version 2); the six-argument constructor is this with weights 1, no history
   * penalty and no profile warm-up (version 1's rule).
   *
   * @param valueWeight factor on the value view's excess, ≥ 0 (0 turns the view off)
   * @param levelWeight factor on the level view's excess, ≥ 0
   * @param residualWeight factor on the daily-residual view's excess, ≥ 0
   * @param historyPenaltyPoints h: a view's excess is reduced by h / n, n the values in its window
   *     (≥ 0), so breaks of a short history (whose range is still growing) count less
   * @param profileWarmup whether each daily-profile slot averages its first values equally until
   *     1/{@code profileLearningRate} of them (a bias-corrected exponential average) instead of
   *     starting from its first value alone
   */
  public RangeBreakDetector(int windowPoints, int smoothingPoints, int restPoints, int minHistoryPoints,
      double margin, double profileLearningRate, double valueWeight, double levelWeight, double residualWeight,
      double historyPenaltyPoints, boolean profileWarmup) {
    this(windowPoints, smoothingPoints, restPoints, minHistoryPoints, margin, profileLearningRate, valueWeight,
        levelWeight, residualWeight, historyPenaltyPoints, profileWarmup, Double.POSITIVE_INFINITY);
  }

  /**
   * The full form (version 3): version 2 with spike exclusion.
   *
   * @param spikeExclusionExcess an alarm whose weighted excess is above this keeps the value
   *     view's values of the alarm and of its rest out of the value range; at the end of the rest
   *     they are admitted only if the series is still out of range (a new level, admitted without
   *     a second alarm), else dropped (a spike: the range does not widen, so the next spike of its
   *     size is a break again). {@code +∞} turns it off (version 2).
   */
  public RangeBreakDetector(int windowPoints, int smoothingPoints, int restPoints, int minHistoryPoints,
      double margin, double profileLearningRate, double valueWeight, double levelWeight, double residualWeight,
      double historyPenaltyPoints, boolean profileWarmup, double spikeExclusionExcess) {
    if (windowPoints < 2 || smoothingPoints < 1 || restPoints < 0 || minHistoryPoints < 1
        || minHistoryPoints > windowPoints || !(margin >= 0) || !(profileLearningRate > 0 && profileLearningRate <= 1)
        || !(valueWeight >= 0) || !(levelWeight >= 0) || !(residualWeight >= 0) || !(historyPenaltyPoints >= 0)
        || !(spikeExclusionExcess >= 0)) {
      throw new IllegalArgumentException("invalid range-break parameters: window " + windowPoints + ", smoothing "
          + smoothingPoints + ", rest " + restPoints + ", min history " + minHistoryPoints + ", margin " + margin
          + ", learning rate " + profileLearningRate + ", weights " + valueWeight + "/" + levelWeight + "/"
          + residualWeight + ", history penalty " + historyPenaltyPoints);
    }
    this.valueWeight = valueWeight;
    this.levelWeight = levelWeight;
    this.residualWeight = residualWeight;
    this.historyPenaltyPoints = historyPenaltyPoints;
    this.profileWarmup = profileWarmup;
    this.spikeExclusionExcess = spikeExclusionExcess;
    this.heldValues = new double[restPoints + 1];
    this.smoothingPoints = smoothingPoints;
    this.restPoints = restPoints;
    this.minHistoryPoints = minHistoryPoints;
    this.margin = margin;
    this.profileLearningRate = profileLearningRate;
    valueRange = new TrailingExtremes(windowPoints);
    levelRange = new TrailingExtremes(windowPoints);
    residualRange = new TrailingExtremes(windowPoints);
    recentValues = new double[smoothingPoints];
    recentResiduals = new double[smoothingPoints];
  }

  @Override
  public double score(long timestampEpochSeconds, double value) {
    if (previousTimestamp != Long.MIN_VALUE) {
      smallestIntervalSeconds = Math.min(smallestIntervalSeconds, timestampEpochSeconds - previousTimestamp);
    }
    previousTimestamp = timestampEpochSeconds;
    recentValues[(int) (points % smoothingPoints)] = value;
    points++;
    double level = points >= smoothingPoints ? mean(recentValues) : Double.NaN;
    double residual = profileResidual(timestampEpochSeconds, value);
    double residualLevel = Double.NaN;
    if (!Double.isNaN(residual)) {
      recentResiduals[(int) (residuals % smoothingPoints)] = residual;
      residuals++;
      if (residuals >= smoothingPoints) {
        residualLevel = mean(recentResiduals);
      }
    }
    // the value view's value joins its range only once the alarm rule has decided (spike exclusion)
    double excess = weighted(valueWeight, excess(valueRange, value));
    if (!Double.isNaN(level)) {
      excess = Math.max(excess, weighted(levelWeight, excessAndPush(levelRange, level)));
    }
    if (!Double.isNaN(residualLevel)) {
      excess = Math.max(excess, weighted(residualWeight, excessAndPush(residualRange, residualLevel)));
    }
    if (quietPoints > 0) {
      quietPoints--;
      if (holdingSpike) {
        heldValues[heldCount++] = value;
      } else {
        valueRange.push(value);
      }
      return 0.0;
    }
    if (holdingSpike) {
      // the rest is over: still out of range means a new level (admit it, no second alarm);
      // back in range means the held values were a spike (drop them)
      holdingSpike = false;
      if (excess > margin) {
        for (int k = 0; k < heldCount; k++) {
          valueRange.push(heldValues[k]);
        }
      }
      heldCount = 0;
      valueRange.push(value);
      return 0.0;
    }
    if (excess > margin) {
      quietPoints = restPoints;
      if (excess > spikeExclusionExcess) {
        holdingSpike = true;
        heldValues[heldCount++] = value;
      } else {
        valueRange.push(value);
      }
      return 0.5 + 0.5 * excess / (1.0 + excess);
    }
    valueRange.push(value);
    return 0.0;
  }

  /** {@code weight} × {@code excess}; −∞ for a view turned off or without enough history. */
  private static double weighted(double weight, double excess) {
    return weight > 0 ? weight * excess : Double.NEGATIVE_INFINITY;
  }

  /**
   * The excess of {@code v} over the view's trailing range less the history penalty (−∞ while the
   * view has too little history), then remembers it.
   */
  private double excessAndPush(TrailingExtremes range, double v) {
    double excess = excess(range, v);
    range.push(v);
    return excess;
  }

  /** The excess of {@code v} over the view's trailing range less the history penalty (−∞ while too little history). */
  private double excess(TrailingExtremes range, double v) {
    double excess = Double.NEGATIVE_INFINITY;
    if (range.size() >= minHistoryPoints) {
      double max = range.max();
      double min = range.min();
      // a constant view has no range: measure against a tiny relative one, so any change is a break
      double spread = Math.max(max - min, 1e-9 * Math.max(1.0, Math.max(Math.abs(max), Math.abs(min))));
      excess = Math.max(v - max, min - v) / spread - historyPenaltyPoints / range.size();
    }
    return excess;
  }

  /** The value minus its slot's profile (NaN before the slot has one), then updates the slot. */
  private double profileResidual(long t, double value) {
    if (!profileDecided) {
      if (points < PROFILE_SETUP_POINTS) {
        return Double.NaN;
      }
      profileDecided = true;
      if (smallestIntervalSeconds > 0 && smallestIntervalSeconds < PROFILE_MAX_INTERVAL_SECONDS) {
        int slots = (int) Math.min(PROFILE_MAX_SLOTS, DAY_SECONDS / smallestIntervalSeconds);
        dailyProfile = new double[slots];
        Arrays.fill(dailyProfile, Double.NaN);
        slotUpdates = new int[slots];
      }
    }
    if (dailyProfile == null) {
      return Double.NaN;
    }
    int slot = (int) (Math.floorMod(t, DAY_SECONDS) * dailyProfile.length / DAY_SECONDS);
    double expected = dailyProfile[slot];
    if (Double.isNaN(expected)) {
      dailyProfile[slot] = value;
      return Double.NaN;
    }
    double rate = profileLearningRate;
    if (profileWarmup) {
      // the running mean of the slot's values until it has 1/rate of them, then the exponential
      // average: without it the first value alone weighs (1 − rate)^k after k more days
      slotUpdates[slot] = (int) Math.min(Integer.MAX_VALUE - 1L, slotUpdates[slot] + 1L);
      rate = Math.max(profileLearningRate, 1.0 / (slotUpdates[slot] + 1));
    }
    dailyProfile[slot] = expected + rate * (value - expected);
    return value - expected;
  }

  /** The daily profile's value for the slot of {@code t}: NaN before it has one (for tests). */
  double profileAt(long t) {
    if (dailyProfile == null) {
      return Double.NaN;
    }
    return dailyProfile[(int) (Math.floorMod(t, DAY_SECONDS) * dailyProfile.length / DAY_SECONDS)];
  }

  private static double mean(double[] a) {
    double sum = 0;
    for (double v : a) {
      sum += v;
    }
    return sum / a.length;
  }

  /** The provider: {@code range-break}, with the one global parameter set as defaults. */
  public static final class Provider implements AnomalyDetectorProvider {
    @Override
    public String name() {
      return "range-break";
    }

    @Override
    public String version() {
      return "3";
    }

    @Override
    public String description() {
      return "a break out of the trailing range of the value, its level or its daily-profile residual,"
          + " one alarm per event";
    }

    @Override
    public String source() {
      return "citybrain (docs/anomaly-detection.md); streaming max/min filter: Lemire, Nordic J. Computing 13(4),"
          + " 2006; seasonal profile: Hyndman & Athanasopoulos, Forecasting: Principles and Practice, ch. 8";
    }

    @Override
    public List<ParameterSpec> parameters() {
      return List.of(
          new ParameterSpec("windowPoints", 6000, 2, 1_000_000, POINTS, "trailing window of each view"),
          new ParameterSpec("smoothingPoints", 16, 1, 10_000, POINTS, "values averaged for the level and residual views"),
          new ParameterSpec("restPoints", 40, 0, 1_000_000, POINTS, "silence after an alarm"),
          new ParameterSpec("minHistoryPoints", 10, 1, 1_000_000, POINTS, "past values a view needs before it may alarm"),
          new ParameterSpec("margin", 0.02, 0.0, 100.0, "1",
              "excess over the trailing range a break must exceed, in ranges of the view"),
          new ParameterSpec("profileLearningRate", 0.02, 1e-6, 1.0, "1", "weight of a new value in its daily-profile slot"),
          new ParameterSpec("profileWarmup", 1, 0, 1, "1",
              "1: a slot is the running mean of its values until it has 1/profileLearningRate of them; 0: it starts"
                  + " from its first value (version 1)"),
          new ParameterSpec("valueWeight", 1.25, 0, 100, "1", "factor on the value view's excess (0: view off)"),
          new ParameterSpec("levelWeight", 0.8, 0, 100, "1", "factor on the level view's excess (0: view off)"),
          new ParameterSpec("residualWeight", 1.0, 0, 100, "1", "factor on the daily-residual view's excess (0: view off)"),
          new ParameterSpec("historyPenaltyPoints", 10, 0, 1_000_000, "1",
              "h: a view's excess is reduced by h / (values in its window), so young ranges alarm less"),
          new ParameterSpec("spikeExclusion", 1, 0, 1, "1",
              "1: the values of a large break and its rest stay out of the value range unless the series stays out"
                  + " of range (version 3); 0: every value joins it (version 2)"),
          new ParameterSpec("spikeExclusionExcess", 1.0, 0, 1_000_000, "1",
              "weighted excess above which a break's values are held out of the value range"));
    }

    @Override
    public List<Class<?>> codeClasses() {
      return List.of(RangeBreakDetector.class, TrailingExtremes.class);
    }

    @Override
    public AnomalyDetector create(ParameterValues p, SeriesHints hints) {
      for (String flag : List.of("profileWarmup", "spikeExclusion")) {
        if (p.get(flag) != 0 && p.get(flag) != 1) {
          throw new IllegalArgumentException("parameter " + flag + "=" + p.get(flag)
              + " of anomaly detector 'range-break' is a flag: expected 0 or 1");
        }
      }
      if (p.get("minHistoryPoints") > p.get("windowPoints")) {
        throw new IllegalArgumentException("parameter minHistoryPoints=" + ParameterValues.format(p.get("minHistoryPoints"))
            + " of anomaly detector 'range-break' must not exceed windowPoints=" + ParameterValues.format(p.get("windowPoints")));
      }
      return new RangeBreakDetector((int) p.get("windowPoints"), (int) p.get("smoothingPoints"),
          (int) p.get("restPoints"), (int) p.get("minHistoryPoints"), p.get("margin"),
          p.get("profileLearningRate"), p.get("valueWeight"), p.get("levelWeight"), p.get("residualWeight"),
          p.get("historyPenaltyPoints"), p.get("profileWarmup") == 1,
          p.get("spikeExclusion") == 1 ? p.get("spikeExclusionExcess") : Double.POSITIVE_INFINITY);
    }
  }
}
