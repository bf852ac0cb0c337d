package io.citybrain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.cli.CitybrainJar.Result;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --help} on every command and subcommand, found by following the "Commands:" lists of the
 * help pages themselves, so a command added later is covered without editing this test.
 */
class HelpIT {
  /** picocli's built-in {@code help} command documents itself and has no examples. */
  private static final String BUILT_IN_HELP = "help";

  /** A command entry in a "Commands:" list: two blanks, the name, at least two blanks. */
  private static final Pattern COMMAND_ENTRY = Pattern.compile("^  ([a-z][a-z0-9-]*)\\s{2,}\\S");

  @TempDir static Path dir;

  /** Help output of each command, by command path ("" for the top level). */
  private static final Map<String, Result> HELP = new LinkedHashMap<>();

  @BeforeAll
  static void collectHelpOfEveryCommand() {
    Deque<String> todo = new ArrayDeque<>(List.of(""));
    while (!todo.isEmpty()) {
      String command = todo.removeFirst();
      List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : Arrays.asList(command.split(" ")));
      args.add("--help");
      Result help = CitybrainJar.runQuick(dir, args.toArray(String[]::new));
      HELP.put(command, help);
      if (!command.endsWith(BUILT_IN_HELP)) {
        for (String sub : subcommands(help.stdout())) {
          todo.addLast(command.isEmpty() ? sub : command + " " + sub);
        }
      }
    }
  }

  @Test
  void everyCommandIsReached() {
    assertThat(HELP.keySet())
        .containsAll(List.of("", "traffic", "traffic run", "traffic compare", "demo", "bench", "bench traffic", "help"));
  }

  @Test
  void everyCommandPrintsItsUsageAndExamples() {
    HELP.forEach(
        (command, help) -> {
          help.assertSuccess();
          String usage = "Usage: " + (command.isEmpty() ? "citybrain" : "citybrain " + command) + " ";
          if (command.equals(BUILT_IN_HELP)) {
            assertThat(help.stdout()).as(help.describe()).contains(usage);
          } else {
            assertThat(help.stdout()).as(help.describe()).startsWith(usage).contains("Examples:");
          }
        });
  }

  @Test
  void topLevelHelpDocumentsTheExitCodes() {
    assertThat(HELP.get("").stdout())
        .contains("Exit codes:\n  0  success\n  1  internal error").contains("  2  invalid input, arguments or options")
        .contains("  3  verification failed").contains("  4  the input is valid but has no solution");
  }

  @Test
  void shortOptionAndHelpCommandGiveTheSamePage() {
    String runHelp = HELP.get("traffic run").stdout();
    assertThat(CitybrainJar.runQuick(dir, "traffic", "run", "-h").assertSuccess().stdout()).isEqualTo(runHelp);
    assertThat(CitybrainJar.runQuick(dir, "help", "traffic").assertSuccess().stdout())
        .isEqualTo(HELP.get("traffic").stdout());
  }

  @Test
  void versionIsTheBuiltVersion() {
    String expected = "citybrain " + System.getProperty("citybrain.version", "");
    assertThat(CitybrainJar.runQuick(dir, "--version").assertSuccess().stdout().strip()).isEqualTo(expected);
    assertThat(CitybrainJar.runQuick(dir, "traffic", "run", "-V").assertSuccess().stdout().strip()).isEqualTo(expected);
  }

  /** Names listed under "Commands:" in a help page. */
  private static List<String> subcommands(String helpPage) {
    List<String> names = new ArrayList<>();
    boolean inList = false;
    for (String line : helpPage.split("\\R")) {
      if (line.equals("Commands:")) {
        inList = true;
      } else if (inList && line.isBlank()) {
        break;
      } else if (inList) {
        Matcher m = COMMAND_ENTRY.matcher(line);
        if (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }
}
