package io.citybrain.bench.nab;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The three NAB application profiles: the weights that turn detections into a score. Values from
 * NAB's {@code config/profiles.json} (numenta/NAB, commit ea702d7), as written out in Lavin &
 * Ahmad, ICMLA 2015, Table 1. NAB's file also has a true-negative weight; it takes no part in
 * the score and is left out here.
 */
public enum NabProfile {
  /** NAB "standard": a missed window costs as much as a hit earns; a false alarm row 0.11. */
  STANDARD("standard", "Standard", 1.0, 0.11, 1.0),
  /** NAB "reward_low_FP_rate": false alarm rows cost twice as much (0.22). */
  REWARD_LOW_FP("reward_low_FP_rate", "Reward Low FP", 1.0, 0.22, 1.0),
  /** NAB "reward_low_FN_rate": a missed window costs twice as much (2.0). */
  REWARD_LOW_FN("reward_low_FN_rate", "Reward Low FN", 1.0, 0.11, 2.0);

  private final String nabName;
  private final String title;
  private final double truePositiveWeight;
  private final double falsePositiveWeight;
  private final double falseNegativeWeight;

  NabProfile(String nabName, String title, double tp, double fp, double fn) {
    this.nabName = nabName;
    this.title = title;
    this.truePositiveWeight = tp;
    this.falsePositiveWeight = fp;
    this.falseNegativeWeight = fn;
  }

  /** The profile's name in NAB's files, e.g. {@code reward_low_FP_rate}. */
  public String nabName() {
    return nabName;
  }

  /** The column title of NAB's scoreboard, e.g. {@code Reward Low FP}. */
  public String title() {
    return title;
  }

  /** A_TP: credit of a detection on a window's first row. */
  public double truePositiveWeight() {
    return truePositiveWeight;
  }

  /** A_FP: cost of one detected row far from any window. */
  public double falsePositiveWeight() {
    return falsePositiveWeight;
  }

  /** A_FN: cost of one window without any detection. */
  public double falseNegativeWeight() {
    return falseNegativeWeight;
  }

  /**
   * The profile named {@code name}: NAB's name ({@code reward_low_FP_rate}), the enum name, or a
   * short form ({@code standard}, {@code low-fp}, {@code low-fn}), case-insensitive.
   *
   * @throws IllegalArgumentException for any other name, listing the accepted ones
   */
  public static NabProfile parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (NabProfile p : values()) {
      if (n.equals(p.nabName.toLowerCase(Locale.ROOT).replace('_', '-'))
          || n.equals(p.name().toLowerCase(Locale.ROOT).replace('_', '-'))
          || n.equals(p.shortName())) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown NAB profile '" + name + "'; expected one of "
        + Arrays.stream(values()).map(NabProfile::shortName).collect(Collectors.joining(", ")));
  }

  /** {@code standard}, {@code low-fp} or {@code low-fn}. */
  public String shortName() {
    return switch (this) {
      case STANDARD -> "standard";
      case REWARD_LOW_FP -> "low-fp";
      case REWARD_LOW_FN -> "low-fn";
    };
  }
}
