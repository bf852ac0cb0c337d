package io.citybrain.grid.flow;

import io.citybrain.grid.network.Branch;
import io.citybrain.grid.network.Bus;
import io.citybrain.grid.network.PowerNetwork;
import io.citybrain.grid.topology.Topology;
import java.util.Arrays;

/**
 * Bus admittance matrix {@code Ybus} of the in-service network in compressed rows, and the
 * branch admittances, as MATPOWER's {@code makeYbus} (MATPOWER manual, section 3.2, eq.
 * 3.2-3.13): for a branch with series admittance {@code ys = 1/(r + jx)}, charging {@code b} and
 * complex tap {@code t = τ e^{jφ}},
 *
 * <pre>
 *   Ytt = ys + j b/2     Yff = Ytt / τ²     Yft = −ys / conj(t)     Ytf = −ys / t
 * </pre>
 *
 * and each bus adds its shunt {@code (Gs + j Bs) / baseMVA}. Rows and columns are positions in a
 * caller-given numbering of the in-service buses. Real and imaginary parts are kept in separate
 * arrays.
 */
final class AdmittanceMatrix {
  final int size;
  final int[] rowStart;
  final int[] column;
  final double[] conductance;
  final double[] susceptance;
  /** Per branch: yff, yft, ytf, ytt as (re, im) pairs, 8 values; zero when out of service. */
  final double[][] branchAdmittance;

  private AdmittanceMatrix(int size, int[] rowStart, int[] column, double[] g, double[] b, double[][] branchY) {
    this.size = size;
    this.rowStart = rowStart;
    this.column = column;
    this.conductance = g;
    this.susceptance = b;
    this.branchAdmittance = branchY;
  }

  /**
   * @param position position of each bus in the numbering, -1 for isolated buses
   * @param size number of in-service buses
   */
  static AdmittanceMatrix build(PowerNetwork network, Topology topology, int[] position, int size) {
    int nl = network.branches().size();
    double base = network.baseMva();
    long[] keys = new long[4 * nl + size];
    double[] re = new double[keys.length];
    double[] im = new double[keys.length];
    int count = 0;
    double[][] branchY = new double[nl][];
    for (int l = 0; l < nl; l++) {
      if (!topology.branchInService(l)) {
        branchY[l] = new double[8];
        continue;
      }
      Branch br = network.branches().get(l);
      double r = br.resistancePu();
      double x = br.reactancePu();
      double den = r * r + x * x;
      double ysRe = r / den;
      double ysIm = -x / den;
      double tau = br.effectiveTapRatio();
      double phi = Math.toRadians(br.phaseShiftDeg());
      double tRe = tau * Math.cos(phi);
      double tIm = tau * Math.sin(phi);
      double tAbs2 = tau * tau;
      double yttRe = ysRe;
      double yttIm = ysIm + br.chargingSusceptancePu() / 2;
      double yffRe = yttRe / tAbs2;
      double yffIm = yttIm / tAbs2;
      // −ys / conj(t) = −ys · t / |t|²
      double yftRe = -(ysRe * tRe - ysIm * tIm) / tAbs2;
      double yftIm = -(ysRe * tIm + ysIm * tRe) / tAbs2;
      // −ys / t = −ys · conj(t) / |t|²
      double ytfRe = -(ysRe * tRe + ysIm * tIm) / tAbs2;
      double ytfIm = -(ysIm * tRe - ysRe * tIm) / tAbs2;
      branchY[l] = new double[] {yffRe, yffIm, yftRe, yftIm, ytfRe, ytfIm, yttRe, yttIm};
      int f = position[network.busIndex(br.fromBus())];
      int t = position[network.busIndex(br.toBus())];
      count = put(keys, re, im, count, f, f, size, yffRe, yffIm);
      count = put(keys, re, im, count, f, t, size, yftRe, yftIm);
      count = put(keys, re, im, count, t, f, size, ytfRe, ytfIm);
      count = put(keys, re, im, count, t, t, size, yttRe, yttIm);
    }
    for (int i = 0; i < network.buses().size(); i++) {
      if (position[i] >= 0) {
        Bus bus = network.buses().get(i);
        keys[count] = (long) position[i] * size + position[i];
        re[count] = bus.shuntConductanceMw() / base;
        im[count] = bus.shuntSusceptanceMvar() / base;
        count++;
      }
    }
    Integer[] idx = new Integer[count];
    for (int k = 0; k < count; k++) {
      idx[k] = k;
    }
    final long[] k2 = keys;
    Arrays.sort(idx, (a, b) -> Long.compare(k2[a], k2[b]));
    int[] rowStart = new int[size + 1];
    int[] column = new int[count];
    double[] g = new double[count];
    double[] b = new double[count];
    int nnz = 0;
    long last = -1;
    for (int k = 0; k < count; k++) {
      int e = idx[k];
      if (keys[e] != last) {
        last = keys[e];
        column[nnz] = (int) (keys[e] % size);
        rowStart[(int) (keys[e] / size) + 1]++;
        nnz++;
      }
      g[nnz - 1] += re[e];
      b[nnz - 1] += im[e];
    }
    for (int i = 0; i < size; i++) {
      rowStart[i + 1] += rowStart[i];
    }
    return new AdmittanceMatrix(size, rowStart, Arrays.copyOf(column, nnz), Arrays.copyOf(g, nnz),
        Arrays.copyOf(b, nnz), branchY);
  }

  private static int put(long[] keys, double[] re, double[] im, int count, int row, int col, int size,
      double vRe, double vIm) {
    keys[count] = (long) row * size + col;
    re[count] = vRe;
    im[count] = vIm;
    return count + 1;
  }
}
