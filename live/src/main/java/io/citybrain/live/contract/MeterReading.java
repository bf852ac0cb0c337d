package io.citybrain.live.contract;

import java.time.Instant;

/**
 * Energy through one feeder or transformer over one interval ({@code
 * meter-reading-1.schema.json}).
 *
 * @param meterId the meter
 * @param level feeder or transformer
 * @param seq per-meter sequence number
 * @param intervalStart start of the interval
 * @param intervalEnd end of the interval, after the start
 * @param activeEnergyKilowattHours active energy imported in the interval, kWh &ge; 0
 * @param reactiveEnergyKilovarHours reactive energy, kvarh; {@code NaN} when not measured
 * @param voltageMeanVolts mean line-to-line voltage, V; {@code NaN} when not measured
 * @param busId the grid model's bus, or {@code null}
 */
public record MeterReading(
    String meterId,
    MeterLevel level,
    long seq,
    Instant intervalStart,
    Instant intervalEnd,
    double activeEnergyKilowattHours,
    double reactiveEnergyKilovarHours,
    double voltageMeanVolts,
    String busId) {
  /** Schema name and version carried in the message's {@code schema} field. */
  public static final String SCHEMA = "citybrain.meter-reading/1";

  /** Mean active power over the interval, kW. */
  public double meanActivePowerKilowatts() {
    double hours = (intervalEnd.toEpochMilli() - intervalStart.toEpochMilli()) / 3_600_000.0;
    return activeEnergyKilowattHours / hours;
  }
}
