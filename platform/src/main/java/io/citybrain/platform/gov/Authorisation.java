package io.citybrain.platform.gov;

/**
 * Whether a deployment may act now, and if not, why (SPEC section 6, checks 1 and 3).
 *
 * @param allowed true when it may act in its mode
 * @param field the field of the deployment the refusal is about ({@code approvalId}, {@code
 *     jurisdiction}, {@code mode}, {@code assets}, {@code status}), empty when allowed
 * @param reason why not, for people; empty when allowed
 */
public record Authorisation(boolean allowed, String field, String reason) {
  static final Authorisation OK = new Authorisation(true, "", "");

  static Authorisation refused(String field, String reason) {
    return new Authorisation(false, field, reason);
  }
}
