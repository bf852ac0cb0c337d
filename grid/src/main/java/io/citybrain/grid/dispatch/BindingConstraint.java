package io.citybrain.grid.dispatch;

/**
 * A constraint that a dispatch meets with equality (within {@link DcOptimalPowerFlow#BINDING_TOLERANCE_MW}).
 *
 * @param kind what is limited
 * @param index 0-based index of the branch or generator in the network's lists
 * @param description human-readable, e.g. {@code branch 7 (4-5) at +240.0 MW of 240.0}
 * @param valueMw the flow or output, MW
 * @param limitMw the limit reached, MW (signed: the bound that binds)
 * @param shadowPricePerMwh marginal cost saving of relaxing the limit by 1 MW, $/MWh (&gt;= 0)
 */
public record BindingConstraint(Kind kind, int index, String description, double valueMw, double limitMw,
    double shadowPricePerMwh) {

  /** Kinds of binding constraint. */
  public enum Kind {
    /** Branch flow at RATE_A (either direction). */
    BRANCH_RATING,
    /** Generator at PMAX. */
    GENERATOR_MAX,
    /** Generator at PMIN. */
    GENERATOR_MIN
  }
}
