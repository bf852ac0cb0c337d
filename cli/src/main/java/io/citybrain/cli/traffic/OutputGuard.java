package io.citybrain.cli.traffic;

import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.commons.input.InputValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses, before anything is written, a command whose output files would replace one of its own
 * input files or each other: {@code traffic convert --out} on the folder of its inputs, a CityFlow
 * config whose {@code replayLogFile} names its own flow file, {@code --replay} or {@code --out}
 * pointing at the inputs. Without this check the inputs were silently overwritten (and lost when
 * they were in another format, such as CBEngine text).
 */
final class OutputGuard {
  private OutputGuard() {}

  /**
   * Every input file a traffic command reads, under the option that named it: the scenario's
   * files and the run's (such as {@code --params}).
   *
   * @throws InputValidationException when a config file naming the scenario cannot be read
   */
  static Map<String, Path> inputsOf(ScenarioOptions scenario, RunOptions run) throws InputValidationException {
    Map<String, Path> inputs = new LinkedHashMap<>(scenario.inputFiles());
    inputs.putAll(run.inputFiles());
    return inputs;
  }

  /**
   * @param outputs files the command will write, by a description naming the option that chose
   *     each (such as {@code "--replay runs/r (replay.txt)"})
   * @param inputs files the command reads, by a description of the option that names each
   * @throws UsageException naming the first output that is one of the inputs, or two outputs that
   *     are the same file
   */
  static void check(Map<String, Path> outputs, Map<String, Path> inputs) {
    List<Map.Entry<String, Path>> seen = new ArrayList<>();
    for (Map.Entry<String, Path> out : outputs.entrySet()) {
      for (Map.Entry<String, Path> in : inputs.entrySet()) {
        if (sameFile(out.getValue(), in.getValue())) {
          throw new UsageException(
              out.getKey() + " would overwrite " + in.getValue() + ", the input file given as " + in.getKey()
                  + "; expected an output location that is not one of the input files");
        }
      }
      for (Map.Entry<String, Path> other : seen) {
        if (sameFile(out.getValue(), other.getValue())) {
          throw new UsageException(
              out.getKey() + " and " + other.getKey() + " are the same file (" + out.getValue()
                  + "); expected two different files");
        }
      }
      seen.add(out);
    }
  }

  /**
   * True when both paths name one file: the same normalised absolute path, or (when both exist)
   * the same file through links.
   */
  static boolean sameFile(Path a, Path b) {
    if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
