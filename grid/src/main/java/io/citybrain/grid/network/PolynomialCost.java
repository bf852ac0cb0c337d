package io.citybrain.grid.network;

import java.util.Arrays;

/**
 * Polynomial cost, MATPOWER model 2: {@code f(p) = c(n-1) p^(n-1) + ... + c1 p + c0} in $/h with
 * {@code p} in MW. Exactly NCOST coefficients are read from the file, highest order first;
 * padding beyond them is ignored.
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><th>attribute</th><th>unit</th><th>rule</th></tr>
 *   <tr><td>coefficientsHighestFirst</td><td>$/h/MW^k for the coefficient of p^k</td>
 *       <td>at least one; {@code [c2, c1, c0]} is the usual quadratic</td></tr>
 * </table>
 *
 * @param startupCost start-up cost, $
 * @param shutdownCost shut-down cost, $
 * @param coefficientsHighestFirst coefficients, highest order first
 */
public record PolynomialCost(double startupCost, double shutdownCost, double[] coefficientsHighestFirst)
    implements CostCurve {

  /**
   * @throws IllegalArgumentException if there is no coefficient
   */
  public PolynomialCost {
    if (coefficientsHighestFirst.length == 0) {
      throw new IllegalArgumentException("a polynomial cost needs at least one coefficient");
    }
    coefficientsHighestFirst = coefficientsHighestFirst.clone();
  }

  /** The coefficients, highest order first (a copy). */
  @Override
  public double[] coefficientsHighestFirst() {
    return coefficientsHighestFirst.clone();
  }

  /**
   * Coefficient of {@code p^power}, $/h/MW^power; 0 when the polynomial has no such term.
   *
   * @param power 0 or more
   */
  public double coefficient(int power) {
    int index = coefficientsHighestFirst.length - 1 - power;
    return index >= 0 ? coefficientsHighestFirst[index] : 0.0;
  }

  /** Degree after dropping leading zero coefficients (0 for a constant). */
  public int degree() {
    for (int i = 0; i < coefficientsHighestFirst.length; i++) {
      if (coefficientsHighestFirst[i] != 0) {
        return coefficientsHighestFirst.length - 1 - i;
      }
    }
    return 0;
  }

  @Override
  public double costPerHour(double activePowerMw) {
    double value = 0;
    for (double c : coefficientsHighestFirst) {
      value = value * activePowerMw + c; // Horner
    }
    return value;
  }

  /** Convex when of degree at most 2 with a non-negative quadratic coefficient. */
  @Override
  public boolean isConvex() {
    return degree() <= 1 || (degree() == 2 && coefficient(2) >= 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolynomialCost p
        && p.startupCost == startupCost
        && p.shutdownCost == shutdownCost
        && Arrays.equals(p.coefficientsHighestFirst, coefficientsHighestFirst);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(coefficientsHighestFirst) * 31 + Double.hashCode(startupCost);
  }

  @Override
  public String toString() {
    return "PolynomialCost" + Arrays.toString(coefficientsHighestFirst);
  }
}
