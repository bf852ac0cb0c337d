package io.citybrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.cli.CitybrainJar.Result;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code citybrain gov} through the jar as a user runs it: the lifecycle from seeding to the
 * regulator's checks, and bad input (unknown jurisdiction, approval outside the regulator's
 * subtree, malformed filing) as a clear error naming the field, exit code 2, no stack trace.
 */
class GovCommandsIT {
  @TempDir Path dir;

  private Result gov(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "gov";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--data-dir";
    all[args.length + 2] = "data";
    return CitybrainJar.runQuick(dir, all);
  }

  @Test
  void fileApproveDeployAndCheck() {
    gov("jurisdictions", "seed-example").assertSuccess();
    gov("organisations", "add", "--id", "acme", "--name", "Acme Signals Ltd", "--registration-code", "91110000ACME00001X", "--role", "provider",
            "--contact", "filings@acme.example", "--security-responsible", "security office", "--home", "CN")
        .assertSuccess();
    gov("organisations", "add", "--id", "nc-tmb", "--name", "Nanchang TMB", "--registration-code", "T2", "--role", "deployer",
            "--contact", "ops@nc.example", "--security-responsible", "ops desk", "--home", "3601")
        .assertSuccess();
    gov("organisations", "add", "--id", "jx-reg", "--name", "Jiangxi CAC", "--registration-code", "R1", "--role", "regulator",
            "--contact", "algo@jx.example", "--security-responsible", "filing office", "--home", "36")
        .assertSuccess();
    gov("organisations", "add", "--id", "zj-reg", "--name", "Zhejiang CAC", "--registration-code", "R2", "--role", "regulator",
            "--contact", "algo@zj.example", "--security-responsible", "filing office", "--home", "33")
        .assertSuccess();

    Result unknown = gov("organisations", "add", "--id", "x", "--name", "X", "--registration-code", "X", "--role", "provider",
        "--contact", "c", "--security-responsible", "s", "--home", "atlantis").assertInvalid().assertNoStackTrace();
    assertThat(unknown.stderr()).contains("homeJurisdiction: jurisdiction 'atlantis' does not exist");

    gov("algorithm", "add", "--id", "mp", "--registry-name", "max-pressure", "--provider", "acme").assertSuccess();
    assertThat(gov("version", "--algorithm", "mp").assertSuccess().stdout()).startsWith("version 1 of mp");
    Result incomplete = gov("file", "--version-id", "1", "--filer", "acme", "--jurisdiction", "3601").assertInvalid().assertNoStackTrace();
    assertThat(incomplete.stderr())
        .contains("product: is missing; required by CAC Algorithmic Recommendation Provisions art. 24 (form of service)")
        .contains("algorithm.intendedPurpose: is missing; required by EU AI Act Annex VIII A.5 (intended purpose)");

    gov("algorithm", "change", "mp", "--trade-name", "Acme MaxPressure", "--type", "scheduling-decision", "--intended-purpose", "signal timing",
            "--public-summary", "queue counts in, green splits out", "--high-risk-basis", "EU AI Act Annex III point 2")
        .assertSuccess();
    gov("version", "--algorithm", "mp", "--param", paramName() + "=" + paramValue(), "--model-card", "card", "--self-assessment", "report",
            "--oversight", "stop to fixed plan")
        .assertSuccess();
    String filed = gov("file", "--version-id", "2", "--filer", "acme", "--product", "Acme Signals", "--main-use", "signal control",
            "--disclosure", "Acme MaxPressure sets green splits.", "--jurisdiction", "3601")
        .assertSuccess().stdout().strip();
    assertThat(filed).matches("filed: CBF-\\d{4}-000001");
    String number = filed.substring("filed: ".length());

    String until = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    Result outside = gov("approve", number, "--jurisdiction", "3601", "--regulator", "zj-reg", "--reason", "ok", "--valid-until", until)
        .assertInvalid().assertNoStackTrace();
    assertThat(outside.stderr()).contains("jurisdiction: '3601' (CN/36/3601) is outside the subtree of regulator 'zj-reg'");
    gov("approve", number, "--jurisdiction", "360102", "--regulator", "jx-reg", "--reason", "meets the conditions", "--valid-until", until)
        .assertSuccess();
    Result sibling = gov("deploy", "--version-id", "2", "--approval", "1", "--deployer", "nc-tmb", "--jurisdiction", "360103", "--mode", "actuating")
        .assertInvalid();
    assertThat(sibling.stderr()).contains("jurisdiction: '360103' is outside approval 1's jurisdiction '360102'");
    gov("deploy", "--version-id", "2", "--approval", "1", "--deployer", "nc-tmb", "--jurisdiction", "360102", "--mode", "actuating").assertSuccess();
    assertThat(gov("orphans").assertSuccess().stdout()).contains("no orphans");

    gov("suspend", "1", "--regulator", "jx-reg", "--reason", "incident").assertSuccess();
    Result orphans = gov("orphans");
    assertThat(orphans.exitCode()).isEqualTo(3);
    assertThat(orphans.stdout()).contains("deployment 1 (actuating in 360102): approvalId: approval 1 is suspended (incident)");
    assertThat(gov("list", "public").assertSuccess().stdout()).contains(number + "\tactive\tAcme MaxPressure\tAcme Signals Ltd\tsignal control");
    assertThat(gov("list", "filings", "--json").assertSuccess().stdout()).startsWith("{\"filings\":[{\"id\":1,\"filingNumber\":\"" + number + "\"");
    gov("list", "everything").assertInvalid();
  }

  private static String paramName() {
    return io.citybrain.commons.algorithm.AlgorithmRegistry.shared().require("max-pressure").parameters().get(0).name();
  }

  private static String paramValue() {
    var p = io.citybrain.commons.algorithm.AlgorithmRegistry.shared().require("max-pressure").parameters().get(0);
    return io.citybrain.commons.algorithm.ParameterValues.format(p.defaultValue() == p.max() ? p.min() : p.max());
  }
}
