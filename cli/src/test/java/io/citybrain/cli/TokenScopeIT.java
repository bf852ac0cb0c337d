package io.citybrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.cli.CitybrainJar.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens with roles per jurisdiction through the jar: a scoped token, grants listed and revoked,
 * and the mistakes (unknown role, unknown jurisdiction, role without jurisdiction) refused with
 * exit code 2 naming the option.
 */
class TokenScopeIT {
  @TempDir Path dir;

  @Test
  void aTokenIsScopedToAJurisdictionAndItsGrantsAreListedAndRevoked() {
    CitybrainJar.runQuick(dir, "gov", "jurisdictions", "seed-example", "--data-dir", "data").assertSuccess();
    Result created =
        succeeded(CitybrainJar.runQuick(dir, "token", "create", "--name", "donghu", "--role", "operator", "--jurisdiction", "360102", "--data-dir", "data"));
    assertThat(created.stdout().strip()).startsWith("cbt_");
    assertThat(created.stderr()).contains("principal 'donghu' granted operator@360102");

    // without a role: what every token could do before jurisdictions
    Result plain = succeeded(CitybrainJar.runQuick(dir, "token", "create", "--name", "admin", "--data-dir", "data"));
    assertThat(plain.stderr()).contains("operator@CN").contains("auditor@CN");

    CitybrainJar.runQuick(dir, "token", "grant", "--principal", "donghu", "--role", "auditor", "--jurisdiction", "3601", "--data-dir", "data")
        .assertSuccess();
    Result grants = CitybrainJar.runQuick(dir, "token", "grants", "--principal", "donghu", "--data-dir", "data").assertSuccess();
    assertThat(grants.stdout().lines().toList()).hasSize(2);
    assertThat(grants.stdout()).contains("operator@360102").contains("auditor@3601");
    String auditorGrant = grants.stdout().lines().filter(l -> l.contains("auditor@3601")).findFirst().orElseThrow().split("\t")[0];

    CitybrainJar.runQuick(dir, "token", "ungrant", "--id", auditorGrant, "--data-dir", "data").assertSuccess();
    assertThat(CitybrainJar.runQuick(dir, "token", "grants", "--principal", "donghu", "--data-dir", "data").assertSuccess().stdout())
        .contains("auditor@3601").contains("revoked");
    assertThat(CitybrainJar.runQuick(dir, "token", "list", "--data-dir", "data").assertSuccess().stdout()).contains("donghu\tprincipal donghu");
  }

  /** token create tells on standard error what it granted: exit 0, no stack trace. */
  private static Result succeeded(Result r) {
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    return r.assertNoStackTrace();
  }

  @Test
  void mistakesNameTheOptionAndStoreNothing() {
    assertThat(CitybrainJar.runQuick(dir, "token", "create", "--name", "x", "--role", "operator", "--jurisdiction", "moon", "--data-dir", "data")
            .assertInvalid().stderr())
        .contains("--jurisdiction: jurisdiction 'moon' does not exist");
    assertThat(CitybrainJar.runQuick(dir, "token", "create", "--name", "y", "--role", "mayor", "--jurisdiction", "CN", "--data-dir", "data")
            .assertInvalid().stderr())
        .contains("--role: unknown role 'mayor'");
    assertThat(CitybrainJar.runQuick(dir, "token", "create", "--name", "z", "--role", "operator", "--data-dir", "data").assertInvalid().stderr())
        .contains("--role and --jurisdiction go together");
    assertThat(CitybrainJar.runQuick(dir, "token", "list", "--data-dir", "data").assertSuccess().stdout()).as("nothing stored").isBlank();
  }
}
