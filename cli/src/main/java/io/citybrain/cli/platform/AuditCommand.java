package io.citybrain.cli.platform;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.platform.Platform;
import io.citybrain.platform.audit.AuditVerification;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code citybrain audit}: the audit log. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Check the platform's audit log.",
    footer = {"", "Examples:", "  citybrain audit verify", "  citybrain audit verify --db jdbc:postgresql://127.0.0.1:5432/test?user=postgres"},
    subcommands = {AuditCommand.Verify.class})
public final class AuditCommand {
  /** {@code citybrain audit verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check the audit log's hash chain: every entry's SHA-256 matches its content and links to the previous entry.",
        "Exit code 0 when intact, 3 when broken (the first broken entry is named)."
      },
      footer = {"", "Examples:", "  citybrain audit verify", "  citybrain audit verify --db jdbc:postgresql://127.0.0.1:5432/citybrain?user=citybrain"})
  public static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Override
    public Integer call() {
      try (Platform p = Platform.openForAdmin(database.existingSettings(), database.dataDir())) {
        AuditVerification v = p.audit().verify();
        PrintWriter out = spec.commandLine().getOut();
        out.println(v.describe());
        out.flush();
        return v.intact() ? ExitCode.OK.code() : ExitCode.VERIFICATION_FAILED.code();
      }
    }
  }
}
