package io.citybrain.cli.platform;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.platform.Platform;
import io.citybrain.platform.gov.GovViews;
import io.citybrain.platform.gov.Jurisdiction;
import io.citybrain.platform.gov.JurisdictionTree;
import io.citybrain.platform.gov.NewJurisdiction;
import io.citybrain.platform.gov.NewOrganisation;
import io.citybrain.platform.gov.Organisation;
import io.citybrain.platform.gov.OrganisationRole;
import io.citybrain.platform.storage.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain gov}: the governance registry (docs/governance.md). Every change goes through
 * the same service as the HTTP API ({@code /api/gov/...}) and is recorded in the audit log with the
 * actor {@code cli:<user>}.
 */
@Command(
    name = "gov",
    mixinStandardHelpOptions = true,
    description = "Governance registry: jurisdictions, organisations, filings, approvals, deployments.",
    footer = {
      "",
      "Examples:",
      "  citybrain gov jurisdictions seed-example",
      "  citybrain gov jurisdictions list --under 3601",
      "  citybrain gov organisations add --id nc-tmb --name 'Nanchang Traffic Management Bureau' --registration-code 11360100MB1234567X \\",
      "      --role deployer --contact 'signals@nc-tmb.example' --security-responsible 'information security office' --home 3601"
    },
    subcommands = {
      GovCommand.Jurisdictions.class,
      GovCommand.Organisations.class,
      GovLifecycleCommands.AlgorithmCommand.class,
      GovLifecycleCommands.VersionCommand.class,
      GovLifecycleCommands.FileCommand.class,
      GovLifecycleCommands.ChangeFilingCommand.class,
      GovLifecycleCommands.CancelCommand.class,
      GovLifecycleCommands.Approve.class,
      GovLifecycleCommands.Reject.class,
      GovLifecycleCommands.Suspend.class,
      GovLifecycleCommands.Reinstate.class,
      GovLifecycleCommands.Revoke.class,
      GovLifecycleCommands.Deploy.class,
      GovLifecycleCommands.Stop.class,
      GovLifecycleCommands.ListCommand.class,
      GovLifecycleCommands.Orphans.class,
      GovLifecycleCommands.Overdue.class
    })
public final class GovCommand {

  static String actor() {
    return TokenCommand.actor();
  }

  static void print(CommandSpec spec, String text) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(text);
    out.flush();
  }

  // ------------------------------------------------------------------ jurisdictions

  /** {@code citybrain gov jurisdictions ...}. */
  @Command(
      name = "jurisdictions",
      mixinStandardHelpOptions = true,
      description = "The jurisdiction tree: nation -> province -> city -> district (every database starts with the nation CN).",
      footer = {"", "Examples:", "  citybrain gov jurisdictions list", "  citybrain gov jurisdictions add --id 360111 --level district --parent 3601 --name Qingshanhu"},
      subcommands = {ListJurisdictions.class, AddJurisdiction.class, SeedExample.class})
  public static final class Jurisdictions {}

  /** {@code citybrain gov jurisdictions list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List jurisdictions in path order: path, level, name.",
      footer = {"", "Examples:", "  citybrain gov jurisdictions list", "  citybrain gov jurisdictions list --under 36 --json"})
  public static final class ListJurisdictions implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(names = "--under", paramLabel = "ID", description = "Only this jurisdiction and those below it.")
    String under;

    @Option(names = "--json", description = "Print the JSON document of GET /api/gov/jurisdictions.")
    boolean json;

    @Override
    public Integer call() {
      try (Platform p = Platform.openForAdmin(database.existingSettings(), database.dataDir())) {
        JurisdictionTree tree = p.governance().tree();
        if (under != null && tree.find(under).isEmpty()) {
          throw new IllegalArgumentException("--under: jurisdiction '" + under + "' does not exist");
        }
        List<Jurisdiction> js = under == null ? tree.all() : tree.subtree(under);
        if (json) {
          print(spec, Json.write(GovViews.jurisdictions(js)));
        } else {
          print(spec, js.stream().map(j -> j.path() + "\t" + j.level().label() + "\t" + j.name()).collect(Collectors.joining("\n")));
        }
        return ExitCode.OK.code();
      }
    }
  }

  /** {@code citybrain gov jurisdictions add}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Create a jurisdiction under a parent of the level just above (a nation has no parent).",
      footer = {"", "Examples:", "  citybrain gov jurisdictions add --id 360111 --level district --parent 3601 --name Qingshanhu"})
  public static final class AddJurisdiction implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "Unique code: 1 to 32 letters, digits, '_' or '-'.")
    String id;

    @Option(names = "--level", required = true, paramLabel = "LEVEL", description = "nation, province, city or district.")
    String level;

    @Option(names = "--parent", paramLabel = "ID", description = "The parent (required except for a nation).")
    String parent;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The name people use.")
    String name;

    @Override
    public Integer call() {
      try (Platform p = Platform.openForAdmin(database.settings(), database.dataDir())) {
        Jurisdiction j = p.governance().createJurisdiction(actor(), new NewJurisdiction(id, level, parent, name));
        print(spec, "jurisdiction " + j.path() + " (" + j.level().label() + ", " + j.name() + ") created");
        return ExitCode.OK.code();
      }
    }
  }

  /** {@code citybrain gov jurisdictions seed-example}. */
  @Command(
      name = "seed-example",
      mixinStandardHelpOptions = true,
      description = {
        "Create the example tree below CN: Jiangxi/Nanchang, Zhejiang/Hangzhou and Shandong/Jinan with two districts each",
        "(GB/T 2260 codes). Creates only what is missing; running it twice changes nothing."
      },
      footer = {"", "Examples:", "  citybrain gov jurisdictions seed-example"})
  public static final class SeedExample implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Override
    public Integer call() {
      try (Platform p = Platform.openForAdmin(database.settings(), database.dataDir())) {
        List<Jurisdiction> created = p.governance().seedExample(actor());
        print(spec, created.size() + " jurisdictions created" + (created.isEmpty() ? "" : ": " + created.stream().map(Jurisdiction::path).collect(Collectors.joining(", "))));
        return ExitCode.OK.code();
      }
    }
  }

  // ------------------------------------------------------------------ organisations

  /** {@code citybrain gov organisations ...}. */
  @Command(
      name = "organisations",
      mixinStandardHelpOptions = true,
      description = "Providers, technical suppliers, deployers and regulators.",
      footer = {"", "Examples:", "  citybrain gov organisations list"},
      subcommands = {ListOrganisations.class, AddOrganisation.class})
  public static final class Organisations {}

  /** {@code citybrain gov organisations list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List organisations by id: id, roles, home jurisdiction, name.",
      footer = {"", "Examples:", "  citybrain gov organisations list", "  citybrain gov organisations list --json"})
  public static final class ListOrganisations implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(names = "--json", description = "Print the JSON document of GET /api/gov/organisations.")
    boolean json;

    @Override
    public Integer call() {
      try (Platform p = Platform.openForAdmin(database.existingSettings(), database.dataDir())) {
        List<Organisation> os = p.governance().organisations();
        if (json) {
          print(spec, Json.write(GovViews.organisations(os)));
        } else {
          print(
              spec,
              os.stream()
                  .map(o -> o.id() + "\t" + o.roles().stream().sorted().map(OrganisationRole::label).collect(Collectors.joining(","))
                      + "\t" + o.homeJurisdictionId() + "\t" + o.name())
                  .collect(Collectors.joining("\n")));
        }
        return ExitCode.OK.code();
      }
    }
  }

  /** {@code citybrain gov organisations add}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Register an organisation. Contact and security-responsible name an office or function, not a person.",
      footer = {
        "",
        "Examples:",
        "  citybrain gov organisations add --id jx-cac --name 'Jiangxi Cyberspace Administration' --registration-code 11360000MB0000001A \\",
        "      --role regulator --contact 'filings@jx-cac.example' --security-responsible 'algorithm filing office' --home 36"
      })
  public static final class AddOrganisation implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "Unique slug: lower-case letters, digits, '-'.")
    String id;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Registered name.")
    String name;

    @Option(names = "--registration-code", required = true, paramLabel = "CODE", description = "Registration code (unique).")
    String registrationCode;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        split = ",",
        description = "provider, technical-supplier, deployer or regulator; repeat or separate with commas.")
    List<String> roles;

    @Option(names = "--contact", required = true, paramLabel = "TEXT", description = "Office address or mailbox.")
    String contact;

    @Option(names = "--security-responsible", required = true, paramLabel = "TEXT", description = "The function responsible for security.")
    String securityResponsible;

    @Option(names = "--home", required = true, paramLabel = "ID", description = "Home jurisdiction.")
    String home;

    @Override
    public Integer call() {
      try (Platform p = Platform.openForAdmin(database.settings(), database.dataDir())) {
        Organisation o =
            p.governance()
                .createOrganisation(actor(), new NewOrganisation(id, name, registrationCode, roles, contact, securityResponsible, home));
        print(spec, "organisation " + o.id() + " registered in " + o.homeJurisdictionId());
        return ExitCode.OK.code();
      }
    }
  }
}
