package io.citybrain.cli.platform;

import io.citybrain.commons.exit.ExitCode;
import io.citybrain.platform.Platform;
import io.citybrain.platform.auth.ApiToken;
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
    description = "Create and list API tokens (only their SHA-256 is stored).",
    footer = {"", "Examples:", "  citybrain token create --name alice", "  citybrain token list", "  citybrain token revoke --name alice"},
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public final class TokenCommand {

  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  /** {@code citybrain token create --name NAME}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create an API token and print it once. Send it as 'Authorization: Bearer TOKEN';",
        "the name is recorded as the actor (token:NAME) of every change made with it."
      },
      footer = {"", "Examples:", "  citybrain token create --name alice"})
  public static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOptions database;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Unique name: letters, digits, '.', '_' or '-'.")
    String name;

    @Override
    public Integer call() {
      try (Platform p = Platform.openForAdmin(database.settings(), database.dataDir())) {
        String secret = p.tokens().create(name, actor());
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
          out.println(t.name() + "\tcreated " + t.createdAt() + t.revokedAt().map(r -> "\trevoked " + r).orElse(""));
        }
        out.flush();
        return ExitCode.OK.code();
      }
    }
  }
}
