package io.citybrain.cli.platform;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.platform.Platform;
import io.citybrain.platform.access.AccessGrant;
import io.citybrain.platform.access.Jurisdictions;
import io.citybrain.platform.access.Role;
import io.citybrain.platform.auth.ApiToken;
import java.time.Instant;
import java.util.Optional;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code citybrain token}: API tokens for the operations centre. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Create and list API tokens (only their SHA-256 is stored), and grant their principals roles per",
      "jurisdiction: regulator, operator, provider or auditor, each covering the jurisdiction's subtree."
    },
    footer = {
      "",
      "Examples:",
      "  citybrain token create --name alice --role operator --jurisdiction 360102",
      "  citybrain token grant --principal alice --role auditor --jurisdiction 3601",
      "  citybrain token list",
      "  citybrain token grants",
      "  citybrain token revoke --name alice"
    },
    subcommands = {
      TokenCommand.Create.class,
      TokenCommand.ListTokens.class,
      TokenCommand.Revoke.class,
      TokenCommand.Grant.class,
      TokenCommand.ListGrants.class,
      TokenCommand.Ungrant.class
    })
public final class TokenCommand {

  private static Role role(String name) {
    try {
      return Role.parse(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--role: " + e.getMessage(), e);
    }
  }

  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  /** {@code citybrain token create --name NAME}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create an API token and print it once. Send it as 'Authorization: Bearer TOKEN';",
        "the name is recorded as the actor (token:NAME) of every change made with it.",
        "The token may do what its principal's grants allow; --role with --jurisdiction grants one.",
        "Without them, a principal without grants becomes operator and auditor of the nation."
      },
      footer = {
        "",
        "Examples:",
        "  citybrain token create --name alice --role operator --jurisdiction 360102",
        "  citybrain token create --name alice-laptop --principal alice"
      })
  public static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Unique name: letters, digits, '.', '_' or '-'.")
    String name;

    @Option(names = "--principal", paramLabel = "PRINCIPAL", description = "Who the token is issued to (default: NAME).")
    String principal;

    @Option(names = "--role", paramLabel = "ROLE", description = "Grant the principal this role: regulator, operator, provider or auditor.")
    String role;

    @Option(names = "--jurisdiction", paramLabel = "ID", description = "Where the role counts: this jurisdiction and every one below it.")
    String jurisdiction;

    @Override
    public Integer call() {
      if ((role == null) != (jurisdiction == null)) {
        throw new IllegalArgumentException("--role and --jurisdiction go together: a role is granted for a jurisdiction");
      }
      Role r = role == null ? null : role(role);
      String who = principal == null ? name : principal;
      try (Platform p = Platform.openForAdmin(database.settings(), database.dataDir())) {
        if (r != null && !p.access().jurisdictions().exists(jurisdiction)) {
          throw new IllegalArgumentException("--jurisdiction: jurisdiction '" + jurisdiction + "' does not exist");
        }
        String secret = p.tokens().create(name, who, actor());
        if (r != null) {
          AccessGrant g = p.access().grant(who, r, jurisdiction, Optional.empty(), actor());
          spec.commandLine().getErr().println("principal '" + who + "' granted " + g.label() + " (grant " + g.id() + ")");
        } else if (p.access().grants(who).isEmpty()) {
          // as every token could before jurisdictions: operate and audit the whole nation
          for (Role nationWide : java.util.List.of(Role.OPERATOR, Role.AUDITOR)) {
            AccessGrant g = p.access().grant(who, nationWide, Jurisdictions.ROOT, Optional.empty(), actor());
            spec.commandLine().getErr().println("principal '" + who + "' granted " + g.label() + " (grant " + g.id()
                + "; name --role and --jurisdiction to scope a token)");
          }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(secret);
        out.flush();
        spec.commandLine().getErr().println("token '" + name + "' created; it is shown only now");
        spec.commandLine().getErr().flush();
        return ExitCode.OK.code();
      }
    }
  }

  /** {@code citybrain token revoke --name NAME}. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a token: requests carrying it are refused (a running server refuses it within 5 s).",
      footer = {"", "Examples:", "  citybrain token revoke --name alice"})
  public static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The token's name.")
    String name;

    @Override
    public Integer call() {
      try (Platform p = Platform.openForAdmin(database.existingSettings(), database.dataDir())) {
        if (!p.tokens().revoke(name, actor())) {
          throw new IllegalArgumentException("no active token named '" + name + "'");
        }
        spec.commandLine().getOut().println("token '" + name + "' revoked");
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
      }
    }
  }

  /** {@code citybrain token list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List tokens: name, created, revoked.",
      footer = {"", "Examples:", "  citybrain token list", "  citybrain token list --db jdbc:postgresql://127.0.0.1:5432/test?user=postgres"})
  public static final class ListTokens implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Override
    public Integer call() {
      try (Platform p = Platform.openForAdmin(database.existingSettings(), database.dataDir())) {
        PrintWriter out = spec.commandLine().getOut();
        for (ApiToken t : p.tokens().list()) {
          out.println(t.name() + "\tprincipal " + t.principal() + "\tcreated " + t.createdAt()
              + t.revokedAt().map(r -> "\trevoked " + r).orElse(""));
        }
        out.flush();
        return ExitCode.OK.code();
      }
    }
  }

  /** {@code citybrain token grant --principal P --role R --jurisdiction J}. */
  @Command(
      name = "grant",
      mixinStandardHelpOptions = true,
      description = {
        "Grant a principal a role in a jurisdiction and every jurisdiction below it. Its tokens may use",
        "it within 5 s on a running server. regulator: approve, suspend, revoke, read, audit;",
        "operator: upload, run, cancel, deploy, read; provider: file; auditor: read and audit."
      },
      footer = {"", "Examples:", "  citybrain token grant --principal alice --role regulator --jurisdiction 36",
          "  citybrain token grant --principal bob --role operator --jurisdiction 360102 --valid-until 2027-01-01T00:00:00Z"})
  public static final class Grant implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(names = "--principal", required = true, paramLabel = "PRINCIPAL", description = "Who gets the role.")
    String principal;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "regulator, operator, provider or auditor.")
    String role;

    @Option(names = "--jurisdiction", required = true, paramLabel = "ID", description = "Where: this jurisdiction and below.")
    String jurisdiction;

    @Option(names = "--valid-until", paramLabel = "INSTANT", description = "When the grant ends (ISO-8601 UTC, e.g. 2027-01-01T00:00:00Z); default: never.")
    String validUntil;

    @Override
    public Integer call() {
      Role r = role(role);
      Optional<Instant> until;
      try {
        until = validUntil == null ? Optional.empty() : Optional.of(Instant.parse(validUntil));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("--valid-until '" + validUntil + "' is not an ISO-8601 instant such as 2027-01-01T00:00:00Z");
      }
      try (Platform p = Platform.openForAdmin(database.existingSettings(), database.dataDir())) {
        AccessGrant g = p.access().grant(principal, r, jurisdiction, until, actor());
        spec.commandLine().getOut().println("grant " + g.id() + ": principal '" + principal + "' is " + g.label()
            + g.validUntil().map(u -> " until " + u).orElse(""));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
      }
    }
  }

  /** {@code citybrain token grants}. */
  @Command(
      name = "grants",
      mixinStandardHelpOptions = true,
      description = "List grants: id, principal, role@jurisdiction, validity, revoked.",
      footer = {"", "Examples:", "  citybrain token grants", "  citybrain token grants --principal alice"})
  public static final class ListGrants implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(names = "--principal", paramLabel = "PRINCIPAL", description = "Only this principal's grants.")
    String principal;

    @Override
    public Integer call() {
      try (Platform p = Platform.openForAdmin(database.existingSettings(), database.dataDir())) {
        PrintWriter out = spec.commandLine().getOut();
        for (AccessGrant g : principal == null ? p.access().all() : p.access().grants(principal)) {
          out.println(g.id() + "\t" + g.principal() + "\t" + g.label() + "\tfrom " + g.validFrom()
              + g.validUntil().map(u -> "\tuntil " + u).orElse("") + g.revokedAt().map(r -> "\trevoked " + r).orElse("")
              + "\tby " + g.grantedBy());
        }
        out.flush();
        return ExitCode.OK.code();
      }
    }
  }

  /** {@code citybrain token ungrant --id N}. */
  @Command(
      name = "ungrant",
      mixinStandardHelpOptions = true,
      description = "Revoke a grant (its principal's tokens lose the role within 5 s on a running server).",
      footer = {"", "Examples:", "  citybrain token ungrant --id 7"})
  public static final class Ungrant implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(names = "--id", required = true, paramLabel = "N", description = "The grant's id (citybrain token grants).")
    long id;

    @Override
    public Integer call() {
      try (Platform p = Platform.openForAdmin(database.existingSettings(), database.dataDir())) {
        if (!p.access().revoke(id, actor())) {
          throw new IllegalArgumentException("--id: no unrevoked grant " + id);
        }
        spec.commandLine().getOut().println("grant " + id + " revoked");
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
      }
    }
  }
}
