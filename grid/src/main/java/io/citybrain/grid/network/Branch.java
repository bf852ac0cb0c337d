package io.citybrain.grid.network;

/**
 * A line or transformer between two buses: one row of MATPOWER's {@code mpc.branch}, modelled as
 * MATPOWER's standard pi model with an ideal phase-shifting transformer at the from end (MATPOWER
 * manual, section 3.2, eq. 3.2).
 *
 * <table>
 *   <caption>Attributes (MATPOWER manual, Table B-3)</caption>
 *   <tr><th>attribute</th><th>MATPOWER column</th><th>unit</th><th>convention</th></tr>
 *   <tr><td>fromBus, toBus</td><td>F_BUS, T_BUS</td><td>-</td><td>bus numbers; flows are
 *       positive from {@code fromBus} to {@code toBus}</td></tr>
 *   <tr><td>resistancePu, reactancePu</td><td>BR_R, BR_X</td><td>p.u. on baseMVA</td>
 *       <td>series impedance</td></tr>
 *   <tr><td>chargingSusceptancePu</td><td>BR_B</td><td>p.u.</td><td>total line charging</td></tr>
 *   <tr><td>rateAMva, rateBMva, rateCMva</td><td>RATE_A..C</td><td>MVA</td><td>0 = unlimited;
 *       the DC model applies RATE_A to active power (MW)</td></tr>
 *   <tr><td>tapRatio</td><td>TAP</td><td>p.u.</td><td>off-nominal turns ratio at the from end;
 *       0 in the file means a line (ratio 1), see {@link #effectiveTapRatio()}</td></tr>
 *   <tr><td>phaseShiftDeg</td><td>SHIFT</td><td>degrees</td><td>positive = delay</td></tr>
 *   <tr><td>inService</td><td>BR_STATUS</td><td>-</td><td>status &gt; 0</td></tr>
 *   <tr><td>minAngleDifferenceDeg, maxAngleDifferenceDeg</td><td>ANGMIN, ANGMAX</td>
 *       <td>degrees</td><td>read, not enforced (as MATPOWER with default options when they are
 *       ±360)</td></tr>
 * </table>
 *
 * @param fromBus from-bus number
 * @param toBus to-bus number
 * @param resistancePu series resistance, p.u.
 * @param reactancePu series reactance, p.u.
 * @param chargingSusceptancePu total line charging susceptance, p.u.
 * @param rateAMva long-term rating, MVA (0 = unlimited)
 * @param rateBMva short-term rating, MVA (0 = unlimited)
 * @param rateCMva emergency rating, MVA (0 = unlimited)
 * @param tapRatio transformer off-nominal turns ratio as in the file (0 = line)
 * @param phaseShiftDeg transformer phase shift angle, degrees
 * @param inService whether the branch is in service
 * @param minAngleDifferenceDeg minimum angle difference, degrees
 * @param maxAngleDifferenceDeg maximum angle difference, degrees
 */
public record Branch(
    int fromBus,
    int toBus,
    double resistancePu,
    double reactancePu,
    double chargingSusceptancePu,
    double rateAMva,
    double rateBMva,
    double rateCMva,
    double tapRatio,
    double phaseShiftDeg,
    boolean inService,
    double minAngleDifferenceDeg,
    double maxAngleDifferenceDeg) {

  /** The tap ratio to use in equations: {@code tapRatio}, or 1 where the file gives 0. */
  public double effectiveTapRatio() {
    return tapRatio == 0 ? 1.0 : tapRatio;
  }

  /** Whether RATE_A limits the flow (RATE_A &gt; 0 and finite; MATPOWER treats 0 as unlimited). */
  public boolean hasRateA() {
    return rateAMva > 0 && Double.isFinite(rateAMva);
  }
}
