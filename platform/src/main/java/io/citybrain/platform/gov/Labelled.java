package io.citybrain.platform.gov;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Lower-case hyphenated labels of the governance enums, as stored and shown in the API. */
final class Labelled {
  private Labelled() {}

  /** {@code IN_SERVICE} → {@code in-service}. */
  static String label(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The constant labelled {@code label}, if any. */
  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String label) {
    return Arrays.stream(type.getEnumConstants()).filter(e -> label(e).equals(label)).findFirst();
  }

  /** All labels, comma-separated, for messages. */
  static <E extends Enum<E>> String labels(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Labelled::label).collect(Collectors.joining(", "));
  }
}
