package io.citybrain.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.citybrain.commons.algorithm.AlgorithmDomain;
import io.citybrain.commons.algorithm.AlgorithmInfo;
import io.citybrain.commons.algorithm.AlgorithmProvider;
import io.citybrain.commons.algorithm.AlgorithmRegistry;
import io.citybrain.commons.algorithm.ParameterSpec;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.commons.exit.ExitCode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code citybrain algorithms}: the one registry of algorithms across domains. */
@Command(
    name = "algorithms",
    mixinStandardHelpOptions = true,
    description = "The registered algorithms of every domain (signal control, grid dispatch, detection).",
    footer = {"", "Examples:", "  citybrain algorithms list", "  citybrain algorithms list --domain grid-dispatch --json"},
    subcommands = {AlgorithmsCommand.ListAlgorithms.class})
public final class AlgorithmsCommand {

  /** {@code citybrain algorithms list [--domain ID] [--json]}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "Every registered algorithm: domain, name, version, the artifact digest with default parameters, and its"
            + " parameters (default, unit, range).",
        "The digest is SHA-256 over the algorithm's identity, the bytecode of its code and its parameter values"
            + " (docs/algorithms.md); runs record it with the values they used."
      },
      footer = {"", "Examples:", "  citybrain algorithms list", "  citybrain algorithms list --json > algorithms.json"})
  public static final class ListAlgorithms implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "print JSON (every field, full digests, hashed class files) instead of a table")
    boolean json;

    @Option(names = "--domain", paramLabel = "ID",
        description = "only this domain: traffic-signal-control, grid-dispatch, anomaly-detection, incident-detection")
    String domain;

    @Override
    public Integer call() throws Exception {
      List<AlgorithmProvider> providers = domain == null
          ? AlgorithmRegistry.shared().all()
          : AlgorithmRegistry.shared().all(AlgorithmDomain.ofId(domain));
      List<AlgorithmInfo> infos = providers.stream().map(AlgorithmInfo::of).toList();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(infos));
      } else {
        List<String[]> rows = new ArrayList<>();
        for (AlgorithmInfo a : infos) {
          rows.add(new String[] {a.domain(), a.name(), a.version(), a.defaultDigest().substring(0, 12), parameters(a.parameters())});
        }
        out.print(Tables.render(List.of("domain", "name", "version", "digest", "parameters (default unit [min, max])"), rows));
        out.println("digest: first 12 hex digits of the artifact digest with default parameters; --json gives all 64");
      }
      out.flush();
      return ExitCode.OK.code();
    }

    private static String parameters(List<ParameterSpec> specs) {
      if (specs.isEmpty()) {
        return "(none)";
      }
      return specs.stream()
          .map(s -> s.name() + "=" + ParameterValues.format(s.defaultValue()) + " " + s.unit() + " ["
              + ParameterValues.format(s.min()) + ", " + ParameterValues.format(s.max()) + "]")
          .collect(Collectors.joining("; "));
    }
  }
}
