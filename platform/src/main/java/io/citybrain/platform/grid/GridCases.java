package io.citybrain.platform.grid;

import io.citybrain.commons.input.InputValidationException;
import io.citybrain.grid.io.BundledCases;
import io.citybrain.grid.network.Bus;
import io.citybrain.grid.network.PowerNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The bundled MATPOWER cases the operations centre dispatches, with their sizes (read once each). */
public final class GridCases {

  /**
   * One case.
   *
   * @param name the case name, e.g. {@code case118}
   * @param buses buses
   * @param branches branches
   * @param generators generators
   * @param loadMw total active load (sum of PD over buses), MW
   * @param hasCosts whether the case has generator costs (a dispatch needs them)
   */
  public record CaseInfo(String name, int buses, int branches, int generators, double loadMw, boolean hasCosts) {}

  private final Map<String, CaseInfo> infos = new ConcurrentHashMap<>();

  /** Every bundled case, in the bundle's order. */
  public List<CaseInfo> list() {
    return BundledCases.names().stream().map(n -> find(n).orElseThrow()).toList();
  }

  /** The case named {@code name}, if it is bundled. */
  public Optional<CaseInfo> find(String name) {
    if (name == null || !BundledCases.isBundled(name)) {
      return Optional.empty();
    }
    return Optional.of(infos.computeIfAbsent(name, n -> info(load(n))));
  }

  /** Names of the bundled cases. */
  public List<String> names() {
    return BundledCases.names();
  }

  /**
   * Reads bundled case {@code name}.
   *
   * @throws IllegalStateException when a bundled case does not read (a broken build)
   */
  public PowerNetwork load(String name) {
    try {
      return BundledCases.read(name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled case " + name, e);
    } catch (InputValidationException e) {
      throw new IllegalStateException("bundled case " + name + " does not read: " + e.getMessage(), e);
    }
  }

  private static CaseInfo info(PowerNetwork n) {
    double load = n.buses().stream().mapToDouble(Bus::loadMw).sum();
    return new CaseInfo(n.name(), n.buses().size(), n.branches().size(), n.generators().size(), load, n.hasCosts());
  }
}
