package io.citybrain.cli.traffic;

import io.citybrain.traffic.control.SignalControllers;
import java.util.Iterator;

/** Completion candidates for {@code --controller}: the registered controllers. */
public final class ControllerNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return SignalControllers.names().iterator();
  }
}
