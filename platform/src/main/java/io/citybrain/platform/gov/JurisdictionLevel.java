package io.citybrain.platform.gov;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The four levels of the jurisdiction tree, from the top. Each level's parent is the level just
 * above it; a nation has no parent.
 */
public enum JurisdictionLevel {
  NATION,
  PROVINCE,
  CITY,
  DISTRICT;

  /** The name used in files, the database and the API: {@code nation}, {@code province}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The level a parent of this level has; empty for a nation. */
  public Optional<JurisdictionLevel> parentLevel() {
    return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
  }

  /** The level of this level's children; empty for a district. */
  public Optional<JurisdictionLevel> childLevel() {
    return ordinal() == values().length - 1 ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
  }

  /** The level named {@code label}, if any. */
  public static Optional<JurisdictionLevel> parse(String label) {
    return Arrays.stream(values()).filter(l -> l.label().equals(label)).findFirst();
  }

  /** The labels, for messages: {@code nation, province, city, district}. */
  public static String labels() {
    return Arrays.stream(values()).map(JurisdictionLevel::label).collect(Collectors.joining(", "));
  }
}
