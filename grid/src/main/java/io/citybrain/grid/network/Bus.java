package io.citybrain.grid.network;

/**
 * A bus (node) of a power network: one row of MATPOWER's {@code mpc.bus}.
 *
 * <table>
 *   <caption>Attributes (MATPOWER manual, Table B-1)</caption>
 *   <tr><th>attribute</th><th>MATPOWER column</th><th>unit</th><th>convention</th></tr>
 *   <tr><td>number</td><td>BUS_I</td><td>-</td><td>positive, unique; need not be 1..N</td></tr>
 *   <tr><td>type</td><td>BUS_TYPE</td><td>-</td><td>PQ, PV, reference, isolated</td></tr>
 *   <tr><td>loadMw</td><td>PD</td><td>MW</td><td>positive = consumption</td></tr>
 *   <tr><td>loadMvar</td><td>QD</td><td>MVAr</td><td>positive = consumption</td></tr>
 *   <tr><td>shuntConductanceMw</td><td>GS</td><td>MW at V = 1 p.u.</td><td>positive =
 *       consumption; the DC model counts it as load at 1 p.u.</td></tr>
 *   <tr><td>shuntSusceptanceMvar</td><td>BS</td><td>MVAr at V = 1 p.u.</td><td>positive =
 *       injection (capacitor)</td></tr>
 *   <tr><td>area, zone</td><td>BUS_AREA, ZONE</td><td>-</td><td>labels</td></tr>
 *   <tr><td>voltageMagnitudePu</td><td>VM</td><td>p.u. of baseKv</td><td>initial/solved
 *       value</td></tr>
 *   <tr><td>voltageAngleDeg</td><td>VA</td><td>degrees</td><td>initial value; the reference
 *       bus keeps it as angle reference</td></tr>
 *   <tr><td>baseKv</td><td>BASE_KV</td><td>kV</td><td>line-to-line</td></tr>
 *   <tr><td>maxVoltagePu, minVoltagePu</td><td>VMAX, VMIN</td><td>p.u.</td><td>limits</td></tr>
 * </table>
 *
 * @param number external bus number
 * @param type bus type
 * @param loadMw active demand, MW
 * @param loadMvar reactive demand, MVAr
 * @param shuntConductanceMw shunt conductance, MW demanded at 1 p.u.
 * @param shuntSusceptanceMvar shunt susceptance, MVAr injected at 1 p.u.
 * @param area area number
 * @param voltageMagnitudePu voltage magnitude, p.u.
 * @param voltageAngleDeg voltage angle, degrees
 * @param baseKv base voltage, kV
 * @param zone loss zone
 * @param maxVoltagePu maximum voltage magnitude, p.u.
 * @param minVoltagePu minimum voltage magnitude, p.u.
 */
public record Bus(
    int number,
    BusType type,
    double loadMw,
    double loadMvar,
    double shuntConductanceMw,
    double shuntSusceptanceMvar,
    int area,
    double voltageMagnitudePu,
    double voltageAngleDeg,
    double baseKv,
    int zone,
    double maxVoltagePu,
    double minVoltagePu) {

  /** Whether the bus is in service (every type except {@link BusType#ISOLATED}). */
  public boolean inService() {
    return type != BusType.ISOLATED;
  }
}
