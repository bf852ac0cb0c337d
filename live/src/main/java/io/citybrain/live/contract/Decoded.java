package io.citybrain.live.contract;

import java.util.List;

/**
 * The outcome of decoding one message: its accepted content (or {@code null} when nothing in it
 * could be accepted) and the refusals. A detector report may be partly accepted: its valid
 * observations pass and each invalid one is refused on its own.
 *
 * @param value what was accepted, or {@code null}
 * @param rejections the refusals, empty when all was accepted
 */
public record Decoded<T>(T value, List<Rejection> rejections) {
  public Decoded {
    rejections = List.copyOf(rejections);
  }

  /** Whether everything in the message was accepted. */
  public boolean accepted() {
    return value != null && rejections.isEmpty();
  }
}
