package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Router;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** CBEngine test inputs: the bundled files as text, parsing helpers, and problem capture. */
final class CBEngineInputs {
  static final String FOLDER = "nanchang_citybrain/";
  static final String BAD_ROADNET = "bad_roadnet.txt";
  static final String BAD_FLOW = "bad_flow.txt";

  private CBEngineInputs() {}

  /** A bundled file of the Nanchang folder as text, e.g. {@code roadnet_1x1.txt}. */
  static String text(String file) {
    try (InputStream in = TestInputs.resource(TestInputs.bundled(FOLDER + file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static RoadNetwork roadnet(String text) {
    try {
      return CBEngineRoadnetReader.read(stream(text), "roadnet.txt");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InputValidationException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  static Demand flows(String text, RoadNetwork network) {
    try {
      return CBEngineFlowReader.read(stream(text), "flow.txt", network);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InputValidationException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** The problems reported for a roadnet text named {@value #BAD_ROADNET}; fails if it loads. */
  static List<InputProblem> roadnetProblems(String text) {
    InputValidationException e =
        catchThrowableOfType(InputValidationException.class, () -> CBEngineRoadnetReader.read(stream(text), BAD_ROADNET));
    assertThat(e).as("the roadnet should be rejected").isNotNull();
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(BAD_ROADNET));
    return e.problems();
  }

  /** The problems reported for a flow text named {@value #BAD_FLOW} on {@code network}; fails if it loads. */
  static List<InputProblem> flowProblems(String text, RoadNetwork network) {
    InputValidationException e =
        catchThrowableOfType(
            InputValidationException.class, () -> CBEngineFlowReader.read(stream(text), BAD_FLOW, new Router(network)));
    assertThat(e).as("the flow file should be rejected").isNotNull();
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(BAD_FLOW));
    return e.problems();
  }

  /** {@code text} with its 1-based line {@code number} replaced. */
  static String replaceLine(String text, int number, String line) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    lines.set(number - 1, line);
    return String.join("\n", lines) + "\n";
  }

  /** {@code text} with its 1-based line {@code number} removed. */
  static String removeLine(String text, int number) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    lines.remove(number - 1);
    return String.join("\n", lines) + "\n";
  }
}
