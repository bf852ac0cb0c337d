/**
 * Governance registry (issue 9, SPEC sections 1 and 5): the jurisdiction tree (nation, province,
 * city, district), organisations, and the filing and approval lifecycle of algorithms. Plain Java
 * services over the platform's database; the command line ({@code citybrain gov ...}) and the HTTP
 * API ({@code /api/gov/...}) both call {@link io.citybrain.platform.gov.GovRegistry}. Every state
 * change is appended to the audit log in the same transaction.
 */
package io.citybrain.platform.gov;
