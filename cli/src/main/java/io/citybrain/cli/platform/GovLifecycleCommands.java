package io.citybrain.cli.platform;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.platform.Platform;
import io.citybrain.platform.gov.Algorithm;
import io.citybrain.platform.gov.AlgorithmVersion;
import io.citybrain.platform.gov.Approval;
import io.citybrain.platform.gov.Deployment;
import io.citybrain.platform.gov.Filing;
import io.citybrain.platform.gov.GovLifecycle;
import io.citybrain.platform.gov.GovViews;
import io.citybrain.platform.gov.NewAlgorithm;
import io.citybrain.platform.gov.NewApproval;
import io.citybrain.platform.gov.NewDeployment;
import io.citybrain.platform.gov.NewFiling;
import io.citybrain.platform.gov.NewVersion;
import io.citybrain.platform.gov.Orphan;
import io.citybrain.platform.gov.OverdueItem;
import io.citybrain.platform.gov.PublicDisclosure;
import io.citybrain.platform.storage.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The lifecycle subcommands of {@code citybrain gov}: register, file, approve, suspend, revoke,
 * deploy, stop, list, and the regulator's checks. Each calls the same service as {@code /api/gov}.
 */
final class GovLifecycleCommands {
  private GovLifecycleCommands() {}

  /** What every lifecycle command shares: the database and the output. */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    /** Runs with the lifecycle service and returns the exit code. */
    abstract int run(Platform p, GovLifecycle life);

    /** Whether the command only reads (then the database must exist already). */
    boolean readOnly() {
      return false;
    }

    @Override
    public Integer call() {
      try (Platform p = Platform.openForAdmin(readOnly() ? database.existingSettings() : database.settings(), database.dataDir())) {
        return run(p, p.governance().lifecycle());
      }
    }

    void print(String text) {
      GovCommand.print(spec, text);
    }

    static String actor() {
      return GovCommand.actor();
    }
  }

  // ------------------------------------------------------------------ algorithms and versions

  /** {@code citybrain gov algorithm add|change}. */
  @Command(
      name = "algorithm",
      mixinStandardHelpOptions = true,
      description = "Register an algorithm bound to a provider of the algorithm registry, or change its described fields.",
      footer = {"", "Examples:", "  citybrain gov algorithm add --id mp --registry-name max-pressure --provider acme --trade-name 'Acme MaxPressure'",
          "  citybrain gov algorithm change mp --intended-purpose 'adaptive signal timing'"},
      subcommands = {AddAlgorithm.class, ChangeAlgorithm.class})
  static final class AlgorithmCommand {}

  /** The described fields of an algorithm as options. */
  static final class Described {
    @Option(names = "--trade-name", paramLabel = "TEXT", description = "Trade name (EU AI Act Annex VIII A.4).")
    String tradeName;

    @Option(names = "--type", paramLabel = "TYPE", description = "scheduling-decision (signals, dispatch), generation-synthesis, personalised-push, sorting-selection, search-filtering.")
    String type;

    @Option(names = "--intended-purpose", paramLabel = "TEXT", description = "Intended purpose (Annex VIII A.5).")
    String intendedPurpose;

    @Option(names = "--out-of-scope", paramLabel = "TEXT", description = "Uses it is not meant for.")
    String outOfScope;

    @Option(names = "--public-summary", paramLabel = "TEXT", description = "Inputs and operating logic, publishable (Annex VIII A.6).")
    String publicSummary;

    @Option(names = "--high-risk-basis", paramLabel = "TEXT", description = "Why it is high risk (e.g. EU AI Act Annex III point 2).")
    String highRiskBasis;

    @Option(names = "--technical-supplier", paramLabel = "ORG", description = "The vendor organisation, if any.")
    String technicalSupplier;

    NewAlgorithm toRequest(String id, String registryName, String provider) {
      return new NewAlgorithm(id, registryName, tradeName, type, intendedPurpose, outOfScope, publicSummary, highRiskBasis, provider, technicalSupplier);
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Register an algorithm (descriptive fields may follow later).",
      footer = {"", "Examples:", "  citybrain gov algorithm add --id mp --registry-name max-pressure --provider acme"})
  static final class AddAlgorithm extends Base {
    @Option(names = "--id", required = true, paramLabel = "ID", description = "Unique slug.")
    String id;

    @Option(names = "--registry-name", required = true, paramLabel = "NAME", description = "Its name in 'citybrain algorithms list'.")
    String registryName;

    @Option(names = "--provider", required = true, paramLabel = "ORG", description = "The providing organisation.")
    String provider;

    @Mixin Described described;

    @Override
    int run(Platform p, GovLifecycle life) {
      Algorithm a = life.createAlgorithm(actor(), described.toRequest(id, registryName, provider));
      print("algorithm " + a.id() + " registered (" + a.registryName() + ", " + a.domain() + ")");
      return ExitCode.OK.code();
    }
  }

  @Command(name = "change", mixinStandardHelpOptions = true,
      description = "Change described fields; once filed, a change filing is due within 10 working days.",
      footer = {"", "Examples:", "  citybrain gov algorithm change mp --public-summary 'queue counts in, green splits out'"})
  static final class ChangeAlgorithm extends Base {
    @Parameters(index = "0", paramLabel = "ID", description = "The algorithm.")
    String id;

    @Mixin Described described;

    @Override
    int run(Platform p, GovLifecycle life) {
      Algorithm a = life.updateAlgorithm(actor(), id, described.toRequest(null, null, null));
      print("algorithm " + a.id() + " changed at " + a.updatedAt());
      return ExitCode.OK.code();
    }
  }

  @Command(name = "version", mixinStandardHelpOptions = true,
      description = "Register a version: parameter values fixed; the artifact digest is computed from the code classes and the values.",
      footer = {"", "Examples:", "  citybrain gov version --algorithm mp --param minGreenSeconds=10 --self-assessment 'report v1' \\",
          "      --oversight 'operator override and stop to the fixed plan' --model-card 'see docs/controllers.md'"})
  static final class VersionCommand extends Base {
    @Option(names = "--algorithm", required = true, paramLabel = "ID", description = "The algorithm.")
    String algorithm;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter value (repeat); others take their defaults.")
    Map<String, Double> parameters = new LinkedHashMap<>();

    @Option(names = "--dataset", paramLabel = "ID", description = "A dataset it was built or evaluated on (repeat).")
    List<String> datasets = List.of();

    @Option(names = "--model-card", paramLabel = "TEXT", description = "Model card / instructions for use.")
    String modelCard;

    @Option(names = "--self-assessment", paramLabel = "TEXT", description = "The self-assessment report.")
    String selfAssessment;

    @Option(names = "--oversight", paramLabel = "TEXT", description = "Override, stop and the safe fallback.")
    String oversight;

    @Override
    int run(Platform p, GovLifecycle life) {
      AlgorithmVersion v = life.createVersion(actor(), new NewVersion(algorithm, parameters, datasets, modelCard, selfAssessment, oversight));
      print("version " + v.id() + " of " + v.algorithmId() + " (" + v.version() + ") digest " + v.artifactSha256());
      return ExitCode.OK.code();
    }
  }

  // ------------------------------------------------------------------ filings

  /** The fields of a filing as options. */
  static final class FilingOptions {
    @Option(names = "--version-id", required = true, paramLabel = "N", description = "The version filed (its number in 'gov list versions').")
    Long version;

    @Option(names = "--filer", required = true, paramLabel = "ORG", description = "The filing organisation.")
    String filer;

    @Option(names = "--role", defaultValue = "provider", paramLabel = "ROLE", description = "provider (default), technical-supplier or deployer.")
    String role;

    @Option(names = "--product", paramLabel = "TEXT", description = "Product or form of service.")
    String product;

    @Option(names = "--main-use", paramLabel = "TEXT", description = "Main use, as published.")
    String mainUse;

    @Option(names = "--disclosure", paramLabel = "TEXT", description = "The text to publish.")
    String disclosure;

    @Option(names = "--remarks", paramLabel = "TEXT", description = "Published remarks.")
    String remarks;

    @Option(names = "--jurisdiction", paramLabel = "ID", description = "A jurisdiction covered (repeat).")
    List<String> jurisdictions = List.of();

    NewFiling toRequest() {
      return new NewFiling(version, filer, role, product, mainUse, disclosure, remarks, jurisdictions);
    }
  }

  @Command(name = "file", mixinStandardHelpOptions = true,
      description = {"Submit a filing and get its filing number. A missing field is named with the rule that asks for it;", "exit code 2."},
      footer = {"", "Examples:", "  citybrain gov file --version-id 1 --filer acme --product 'Acme Signals' --main-use 'signal control' \\",
          "      --disclosure 'Acme MaxPressure sets green splits from queue counts.' --jurisdiction 3601"})
  static final class FileCommand extends Base {
    @Mixin FilingOptions filing;

    @Override
    int run(Platform p, GovLifecycle life) {
      Filing f = life.submitFiling(actor(), filing.toRequest());
      print("filed: " + f.filingNumber());
      return ExitCode.OK.code();
    }
  }

  @Command(name = "change-filing", mixinStandardHelpOptions = true, description = "File a change: supersedes an active filing with a new number.",
      footer = {"", "Examples:", "  citybrain gov change-filing CBF-2026-000001 --version-id 1 --filer acme --product 'Acme Signals' \\",
          "      --main-use 'signal control and bus priority' --disclosure '...' --jurisdiction 3601"})
  static final class ChangeFilingCommand extends Base {
    @Parameters(index = "0", paramLabel = "NUMBER", description = "The filing changed.")
    String number;

    @Mixin FilingOptions filing;

    @Override
    int run(Platform p, GovLifecycle life) {
      Filing f = life.fileChange(actor(), life.filingByNumber(number).id(), filing.toRequest());
      print("filed: " + f.filingNumber() + " (supersedes " + number + ")");
      return ExitCode.OK.code();
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel an active filing (due within 20 working days of the service stopping).",
      footer = {"", "Examples:", "  citybrain gov cancel CBF-2026-000002 --reason 'service ended'"})
  static final class CancelCommand extends Base {
    @Parameters(index = "0", paramLabel = "NUMBER", description = "The filing.")
    String number;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
    String reason;

    @Override
    int run(Platform p, GovLifecycle life) {
      Filing f = life.cancelFiling(actor(), life.filingByNumber(number).id(), reason);
      print("filing " + f.filingNumber() + " cancelled");
      return ExitCode.OK.code();
    }
  }

  // ------------------------------------------------------------------ approvals

  /** What approve and reject share. */
  abstract static class Decide extends Base {
    @Parameters(index = "0", paramLabel = "NUMBER", description = "The filing decided on.")
    String number;

    @Option(names = "--jurisdiction", required = true, paramLabel = "ID", description = "Where it applies (with everything below).")
    String jurisdiction;

    @Option(names = "--regulator", required = true, paramLabel = "ORG", description = "The deciding regulator organisation.")
    String regulator;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "The reason.")
    String reason;

    abstract String decision();

    abstract NewApproval conditions(long filingId);

    @Override
    int run(Platform p, GovLifecycle life) {
      Approval a = life.decide(actor(), conditions(life.filingByNumber(number).id()));
      print("approval " + a.id() + ": " + a.status().label() + " for " + a.jurisdictionId() + " until " + a.validUntil());
      return ExitCode.OK.code();
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true,
      description = "Approve a filing for a jurisdiction inside the regulator's subtree (refused with exit code 2 outside it).",
      footer = {"", "Examples:", "  citybrain gov approve CBF-2026-000001 --jurisdiction 360102 --regulator jx-reg --reason 'meets the conditions' \\",
          "      --valid-until 2027-03-01T00:00:00Z --max-mode actuating"})
  static final class Approve extends Decide {
    @Option(names = "--valid-until", required = true, paramLabel = "INSTANT", description = "Expiry, ISO-8601 (e.g. 2027-03-01T00:00:00Z).")
    Instant validUntil;

    @Option(names = "--valid-from", paramLabel = "INSTANT", description = "Start of validity (default: now).")
    Instant validFrom;

    @Option(names = "--max-mode", paramLabel = "MODE", description = "shadow, advisory or actuating (default).")
    String maxMode;

    @Option(names = "--asset", paramLabel = "ID", description = "Limit to this asset (repeat); default all in the jurisdiction.")
    List<String> assets = List.of();

    @Override
    String decision() {
      return "approve";
    }

    @Override
    NewApproval conditions(long filingId) {
      return new NewApproval(filingId, jurisdiction, regulator, "approve", reason, maxMode, assets, validFrom, validUntil);
    }
  }

  @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a filing for a jurisdiction.",
      footer = {"", "Examples:", "  citybrain gov reject CBF-2026-000001 --jurisdiction 3601 --regulator jx-reg --reason 'self-assessment incomplete'"})
  static final class Reject extends Decide {
    @Override
    String decision() {
      return "reject";
    }

    @Override
    NewApproval conditions(long filingId) {
      return new NewApproval(filingId, jurisdiction, regulator, "reject", reason, null, null, null, null);
    }
  }

  /** Suspend, reinstate, revoke. */
  abstract static class ApprovalChange extends Base {
    @Parameters(index = "0", paramLabel = "APPROVAL", description = "The approval's number.")
    long approval;

    @Option(names = "--regulator", required = true, paramLabel = "ORG", description = "A regulator whose subtree contains the approval's jurisdiction.")
    String regulator;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "The reason.")
    String reason;

    abstract Approval apply(GovLifecycle life);

    @Override
    int run(Platform p, GovLifecycle life) {
      Approval a = apply(life);
      print("approval " + a.id() + " is " + a.status().label());
      return ExitCode.OK.code();
    }
  }

  @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Suspend an approval: deployments relying on it may no longer act.",
      footer = {"", "Examples:", "  citybrain gov suspend 1 --regulator jx-reg --reason 'incident under investigation'"})
  static final class Suspend extends ApprovalChange {
    @Override
    Approval apply(GovLifecycle life) {
      return life.suspend(actor(), approval, regulator, reason);
    }
  }

  @Command(name = "reinstate", mixinStandardHelpOptions = true, description = "Reinstate a suspended approval.",
      footer = {"", "Examples:", "  citybrain gov reinstate 1 --regulator jx-reg --reason 'investigation closed'"})
  static final class Reinstate extends ApprovalChange {
    @Override
    Approval apply(GovLifecycle life) {
      return life.reinstate(actor(), approval, regulator, reason);
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an approval for good.",
      footer = {"", "Examples:", "  citybrain gov revoke 1 --regulator jx-reg --reason 'conditions broken'"})
  static final class Revoke extends ApprovalChange {
    @Override
    Approval apply(GovLifecycle life) {
      return life.revoke(actor(), approval, regulator, reason);
    }
  }

  // ------------------------------------------------------------------ deployments

  @Command(name = "deploy", mixinStandardHelpOptions = true,
      description = {"Put a version in service. Shadow mode needs no approval; advisory and actuating need a valid approval",
          "covering the jurisdiction, mode and assets (refused with exit code 2, naming the field, otherwise)."},
      footer = {"", "Examples:", "  citybrain gov deploy --version-id 1 --approval 1 --deployer nc-tmb --jurisdiction 360102 --mode actuating",
          "  citybrain gov deploy --version-id 1 --deployer nc-tmb --jurisdiction 360103 --mode shadow"})
  static final class Deploy extends Base {
    @Option(names = "--version-id", required = true, paramLabel = "N", description = "The version to run.")
    Long version;

    @Option(names = "--approval", paramLabel = "N", description = "The approval relied on (not for shadow mode).")
    Long approval;

    @Option(names = "--deployer", required = true, paramLabel = "ORG", description = "The deploying organisation.")
    String deployer;

    @Option(names = "--jurisdiction", required = true, paramLabel = "ID", description = "Where it runs.")
    String jurisdiction;

    @Option(names = "--mode", required = true, paramLabel = "MODE", description = "shadow, advisory or actuating.")
    String mode;

    @Option(names = "--asset", paramLabel = "ID", description = "An intersection or feeder it acts on (repeat); default all.")
    List<String> assets = List.of();

    @Override
    int run(Platform p, GovLifecycle life) {
      Deployment d = life.deploy(actor(), new NewDeployment(version, approval, deployer, jurisdiction, assets, mode));
      print("deployment " + d.id() + " in service (" + d.mode().label() + " in " + d.jurisdictionId() + ")");
      return ExitCode.OK.code();
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a deployment (the filing is then due for cancellation within 20 working days).",
      footer = {"", "Examples:", "  citybrain gov stop 1 --reason 'contract ended'"})
  static final class Stop extends Base {
    @Parameters(index = "0", paramLabel = "DEPLOYMENT", description = "The deployment's number.")
    long deployment;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
    String reason;

    @Option(names = "--recall", description = "A regulator's recall rather than the deployer's stop.")
    boolean recall;

    @Override
    int run(Platform p, GovLifecycle life) {
      Deployment d = recall ? life.recallDeployment(actor(), deployment, reason) : life.stopDeployment(actor(), deployment, reason);
      print("deployment " + d.id() + " " + d.status().label());
      return ExitCode.OK.code();
    }
  }

  // ------------------------------------------------------------------ lists and checks

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List algorithms, versions, filings, approvals, deployments, or the public disclosure.",
      footer = {"", "Examples:", "  citybrain gov list filings", "  citybrain gov list deployments --json", "  citybrain gov list public"})
  static final class ListCommand extends Base {
    @Parameters(index = "0", paramLabel = "KIND", description = "algorithms, versions, filings, approvals, deployments or public.")
    String kind;

    @Option(names = "--json", description = "Print the JSON document of the matching GET /api/gov/... (public: /api/public/filings).")
    boolean json;

    @Override
    boolean readOnly() {
      return true;
    }

    @Override
    int run(Platform p, GovLifecycle life) {
      Instant now = Instant.now();
      Object doc;
      List<String> lines;
      switch (kind) {
        case "algorithms" -> {
          doc = Map.of("algorithms", life.algorithms().stream().map(GovViews::algorithm).toList());
          lines = life.algorithms().stream().map(a -> a.id() + "\t" + a.registryName() + "\t" + a.providerId() + "\t" + a.tradeName()).toList();
        }
        case "versions" -> {
          List<AlgorithmVersion> vs = life.versions();
          doc = Map.of("versions", vs.stream().map(v -> GovViews.version(v, life.versionStatus(v.id(), now))).toList());
          lines = vs.stream().map(v -> v.id() + "\t" + v.algorithmId() + "\t" + v.version() + "\t" + life.versionStatus(v.id(), now).label() + "\t" + v.artifactSha256()).toList();
        }
        case "filings" -> {
          doc = Map.of("filings", life.filings().stream().map(GovViews::filing).toList());
          lines = life.filings().stream().map(f -> f.filingNumber() + "\t" + f.status().label() + "\tversion " + f.versionId() + "\t" + f.filerId() + "\t" + String.join(",", f.jurisdictionIds())).toList();
        }
        case "approvals" -> {
          doc = Map.of("approvals", life.approvals().stream().map(GovViews::approval).toList());
          lines = life.approvals().stream().map(a -> a.id() + "\t" + a.status().label() + "\tfiling " + a.filingId() + "\t" + a.jurisdictionId() + "\t" + a.maxMode().label() + "\tuntil " + a.validUntil()).toList();
        }
        case "deployments" -> {
          doc = Map.of("deployments", life.deployments().stream().map(d -> GovViews.deployment(d, life.authorisation(d.id(), now))).toList());
          lines = life.deployments().stream().map(d -> {
            var auth = life.authorisation(d.id(), now);
            return d.id() + "\t" + d.status().label() + "\t" + d.mode().label() + "\tversion " + d.versionId() + "\t" + d.jurisdictionId() + "\t"
                + (auth.allowed() ? "may act" : "may not act: " + auth.reason());
          }).toList();
        }
        case "public" -> {
          Map<String, Object> d = new PublicDisclosure(p.governance()).document();
          doc = d;
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> fs = (List<Map<String, Object>>) d.get("filings");
          lines = fs.stream().map(f -> f.get("filingNumber") + "\t" + f.get("status") + "\t" + f.get("algorithm") + "\t" + f.get("entity") + "\t" + f.get("mainUse")).toList();
        }
        default -> throw new IllegalArgumentException("KIND is '" + kind + "'; expected algorithms, versions, filings, approvals, deployments or public");
      }
      print(json ? Json.write(doc) : String.join("\n", lines));
      return ExitCode.OK.code();
    }
  }

  @Command(name = "orphans", mixinStandardHelpOptions = true,
      description = {"The no-orphans check: advisory or actuating deployments in service without a valid approval.",
          "Exit code 0 when there are none, 3 when there are (each listed with the reason)."},
      footer = {"", "Examples:", "  citybrain gov orphans", "  citybrain gov orphans --at 2027-03-02T00:00:00Z"})
  static final class Orphans extends Base {
    @Option(names = "--at", paramLabel = "INSTANT", description = "The moment to judge (default: now).")
    Instant at;

    @Override
    boolean readOnly() {
      return true;
    }

    @Override
    int run(Platform p, GovLifecycle life) {
      List<Orphan> orphans = life.orphans(at == null ? Instant.now() : at);
      if (orphans.isEmpty()) {
        print("no orphans: every deployment acting has a valid approval");
        return ExitCode.OK.code();
      }
      print(String.join("\n", orphans.stream().map(o -> "deployment " + o.deployment().id() + " (" + o.deployment().mode().label() + " in "
          + o.deployment().jurisdictionId() + "): " + o.field() + ": " + o.reason()).toList()));
      return ExitCode.VERIFICATION_FAILED.code();
    }
  }

  @Command(name = "overdue", mixinStandardHelpOptions = true,
      description = {"Filings past their deadline: a change filing 10 working days after filed information changed, a cancellation",
          "20 working days after the service stopped. Exit code 0 when none, 3 when some."},
      footer = {"", "Examples:", "  citybrain gov overdue", "  citybrain gov overdue --at 2026-04-30T00:00:00Z"})
  static final class Overdue extends Base {
    @Option(names = "--at", paramLabel = "INSTANT", description = "The moment to judge (default: now).")
    Instant at;

    @Override
    boolean readOnly() {
      return true;
    }

    @Override
    int run(Platform p, GovLifecycle life) {
      List<OverdueItem> items = life.overdue(at == null ? Instant.now() : at);
      if (items.isEmpty()) {
        print("nothing overdue");
        return ExitCode.OK.code();
      }
      print(String.join("\n", items.stream().map(o -> o.filingNumber() + "\t" + o.kind() + "\tdue " + o.deadline() + "\t" + o.detail()).toList()));
      return ExitCode.VERIFICATION_FAILED.code();
    }
  }
}
