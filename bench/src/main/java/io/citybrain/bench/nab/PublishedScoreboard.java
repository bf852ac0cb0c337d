package io.citybrain.bench.nab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * NAB's published scoreboard (resource {@code nab-scoreboard.tsv}, transcribed from the README of
 * numenta/NAB at commit ea702d7, "NAB v1.0"): normalised scores per profile.
 *
 * @param detector the entry's name on the board
 * @param note version or origin, as the board gives it
 * @param standard Standard profile score
 * @param rewardLowFp Reward Low FP score
 * @param rewardLowFn Reward Low FN score
 */
public record PublishedScoreboard(String detector, String note, double standard, double rewardLowFp,
    double rewardLowFn) {

  /** The entry's score for a profile. */
  public double score(NabProfile profile) {
    return switch (profile) {
      case STANDARD -> standard;
      case REWARD_LOW_FP -> rewardLowFp;
      case REWARD_LOW_FN -> rewardLowFn;
    };
  }

  /** Every entry, best first as on the board. */
  public static List<PublishedScoreboard> entries() {
    try (InputStream in = Objects.requireNonNull(PublishedScoreboard.class.getResourceAsStream("nab-scoreboard.tsv"),
            "nab-scoreboard.tsv is missing from the bench jar");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<PublishedScoreboard> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        out.add(new PublishedScoreboard(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]),
            Double.parseDouble(f[4])));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
