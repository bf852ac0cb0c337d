/**
 * Power-grid library: a power-network model ({@link io.citybrain.grid.network}), a MATPOWER
 * case-file reader ({@link io.citybrain.grid.io}), network topology with islands and reference
 * buses ({@link io.citybrain.grid.topology}), DC and AC power flow ({@link io.citybrain.grid.flow}),
 * DC optimal power flow and a naive dispatch baseline ({@link io.citybrain.grid.dispatch}), and
 * reports ({@link io.citybrain.grid.report}).
 *
 * <p>Conventions follow MATPOWER (R. D. Zimmerman, C. E. Murillo-Sánchez, R. J. Thomas,
 * "MATPOWER: Steady-State Operations, Planning and Analysis Tools for Power Systems Research and
 * Education", IEEE Trans. Power Systems 26(1), 2011; MATPOWER User's Manual, Appendix B "Data File
 * Format"): powers in MW/MVAr, voltages in per unit of the bus base kV, angles in degrees in the
 * model (radians inside solvers), impedances in per unit of {@code baseMVA}.
 */
package io.citybrain.grid;
