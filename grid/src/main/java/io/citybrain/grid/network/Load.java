package io.citybrain.grid.network;

/**
 * A fixed demand at a bus. MATPOWER stores demand on the bus row (PD, QD); {@link
 * PowerNetwork#loads()} derives one {@code Load} per bus with non-zero demand.
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><th>attribute</th><th>unit</th><th>convention</th></tr>
 *   <tr><td>bus</td><td>-</td><td>bus number</td></tr>
 *   <tr><td>activePowerMw</td><td>MW</td><td>positive = consumption</td></tr>
 *   <tr><td>reactivePowerMvar</td><td>MVAr</td><td>positive = consumption</td></tr>
 * </table>
 *
 * @param bus bus number
 * @param activePowerMw active demand, MW
 * @param reactivePowerMvar reactive demand, MVAr
 */
public record Load(int bus, double activePowerMw, double reactivePowerMvar) {}
