package io.citybrain.platform.gov;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a complete filing contains and which rule asks for each field (SPEC section 6, check 2).
 * Sources: China's Algorithmic Recommendation Provisions (CAC/MIIT/MPS/SAMR, 2022) art. 24 lists
 * what a provider files; the EU AI Act (Regulation (EU) 2024/1689) Annex VIII section A lists the
 * registration data of a high-risk system, art. 14 human oversight.
 */
public final class FilingRules {
  private FilingRules() {}

  /** Field (as named in errors) → the rule that asks for it. */
  public static final Map<String, String> RULES = rules();

  private static Map<String, String> rules() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("filer", "CAC Algorithmic Recommendation Provisions art. 24 (name of the provider) and EU AI Act Annex VIII A.1 (provider name, address, contact)");
    m.put("filerRole", "the published filing list (column 'role': provider, technical supplier or deployer)");
    m.put("product", "CAC Algorithmic Recommendation Provisions art. 24 (form of service) and the published list (column 'product')");
    m.put("mainUse", "the published filing list (column 'main use') and EU AI Act Annex VIII A.5 (intended purpose)");
    m.put("disclosureText", "CAC Algorithmic Recommendation Provisions art. 24 (content to be made public)");
    m.put("jurisdictions", "EU AI Act art. 49(5) (registration where it is put into service) and SPEC section 5 (jurisdictions covered)");
    m.put("algorithm.tradeName", "EU AI Act Annex VIII A.4 (trade name and unambiguous reference)");
    m.put("algorithm.algorithmType", "CAC Algorithmic Recommendation Provisions art. 24 (algorithm type)");
    m.put("algorithm.intendedPurpose", "EU AI Act Annex VIII A.5 (intended purpose)");
    m.put("algorithm.publicSummary", "EU AI Act Annex VIII A.6 (inputs and operating logic)");
    m.put("algorithm.highRiskBasis", "EU AI Act art. 6(2) and Annex III point 2 (safety component of road traffic or utility supply)");
    m.put("version.selfAssessment", "CAC Algorithmic Recommendation Provisions art. 24 (algorithm self-assessment report)");
    m.put("version.oversight", "EU AI Act art. 14 (human oversight: override, reverse, stop to a safe state)");
    m.put("version.modelCard", "EU AI Act Annex VIII A.12 (instructions for use)");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The message for a missing field: {@code "is missing; required by <rule>"}. */
  public static String missing(String field) {
    String rule = RULES.get(field);
    if (rule == null) {
      throw new IllegalArgumentException("no filing rule for " + field);
    }
    return "is missing; required by " + rule;
  }

  /**
   * Every field the filing lacks, with its rule, in {@link #RULES} order (empty when complete).
   * Fields of the request itself ({@code filer}, {@code product}, ...) are checked by the caller
   * for format; this checks the stored algorithm and version.
   */
  public static Map<String, String> missingOf(Algorithm a, AlgorithmVersion v) {
    Map<String, String> out = new LinkedHashMap<>();
    check(out, "algorithm.tradeName", a.tradeName());
    check(out, "algorithm.algorithmType", a.algorithmType());
    check(out, "algorithm.intendedPurpose", a.intendedPurpose());
    check(out, "algorithm.publicSummary", a.publicSummary());
    check(out, "algorithm.highRiskBasis", a.highRiskBasis());
    check(out, "version.selfAssessment", v.selfAssessment());
    check(out, "version.oversight", v.oversight());
    check(out, "version.modelCard", v.modelCard());
    return out;
  }

  private static void check(Map<String, String> out, String field, String value) {
    if (value == null || value.isBlank()) {
      out.put(field, missing(field));
    }
  }
}
