package io.citybrain.cli.traffic;

import io.citybrain.traffic.control.SignalControllers;
import java.util.Iterator;

/** Completion candidates for {@code tune --controller}: controllers that declare tuning ranges. */
public final class TunableControllerNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return SignalControllers.names().stream()
        .filter(n -> !SignalControllers.require(n).tuningRanges().isEmpty())
        .iterator();
  }
}
