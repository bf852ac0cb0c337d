package io.citybrain.grid.network;

/**
 * A generator (or dispatchable load with negative limits): one row of MATPOWER's {@code mpc.gen}.
 * Several generators may share a bus.
 *
 * <table>
 *   <caption>Attributes (MATPOWER manual, Table B-2)</caption>
 *   <tr><th>attribute</th><th>MATPOWER column</th><th>unit</th><th>convention</th></tr>
 *   <tr><td>bus</td><td>GEN_BUS</td><td>-</td><td>bus number</td></tr>
 *   <tr><td>activePowerMw</td><td>PG</td><td>MW</td><td>positive = injection; the case-file
 *       set-point used by power flow</td></tr>
 *   <tr><td>reactivePowerMvar</td><td>QG</td><td>MVAr</td><td>positive = injection</td></tr>
 *   <tr><td>maxReactivePowerMvar, minReactivePowerMvar</td><td>QMAX, QMIN</td><td>MVAr</td>
 *       <td>not enforced by the power flow here (as MATPOWER's default)</td></tr>
 *   <tr><td>voltageSetpointPu</td><td>VG</td><td>p.u.</td><td>voltage magnitude set-point</td></tr>
 *   <tr><td>machineBaseMva</td><td>MBASE</td><td>MVA</td><td>informative</td></tr>
 *   <tr><td>inService</td><td>GEN_STATUS</td><td>-</td><td>status &gt; 0</td></tr>
 *   <tr><td>maxActivePowerMw, minActivePowerMw</td><td>PMAX, PMIN</td><td>MW</td><td>dispatch
 *       limits</td></tr>
 * </table>
 *
 * @param bus bus number
 * @param activePowerMw active output, MW
 * @param reactivePowerMvar reactive output, MVAr
 * @param maxReactivePowerMvar maximum reactive output, MVAr
 * @param minReactivePowerMvar minimum reactive output, MVAr
 * @param voltageSetpointPu voltage magnitude set-point, p.u.
 * @param machineBaseMva machine base, MVA
 * @param inService whether the generator is in service
 * @param maxActivePowerMw maximum active output, MW
 * @param minActivePowerMw minimum active output, MW
 */
public record Generator(
    int bus,
    double activePowerMw,
    double reactivePowerMvar,
    double maxReactivePowerMvar,
    double minReactivePowerMvar,
    double voltageSetpointPu,
    double machineBaseMva,
    boolean inService,
    double maxActivePowerMw,
    double minActivePowerMw) {}
