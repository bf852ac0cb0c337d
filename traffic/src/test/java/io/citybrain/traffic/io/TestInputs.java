package io.citybrain.traffic.io;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.network.RoadNetwork;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test inputs: classpath fixtures, the bundled data, and helpers that capture reported problems. */
final class TestInputs {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String BAD_ROADNET = "bad_roadnet.json";
  static final String BAD_FLOW = "bad_flow.json";

  private TestInputs() {}

  static InputStream resource(String name) {
    InputStream in = TestInputs.class.getClassLoader().getResourceAsStream(name);
    assertThat(in).as("test resource %s", name).isNotNull();
    return in;
  }

  /** A bundled dataset file, e.g. {@code jinan_3_4/roadnet_3_4.json}. */
  static String bundled(String relative) {
    return "citybrain/data/traffic/" + relative;
  }

  static RoadNetwork roadnet(String resource) {
    try (InputStream in = resource(resource)) {
      return CityFlowRoadnetReader.read(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InputValidationException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  static Demand flows(String resource, RoadNetwork network) {
    try (InputStream in = resource(resource)) {
      return CityFlowFlowReader.read(in, resource, network);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InputValidationException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** A fresh, mutable tree of a JSON resource. */
  static JsonNode tree(String resource) {
    try (InputStream in = resource(resource)) {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode c01Roadnet() {
    return (ObjectNode) tree("cases/C01/roadnet.json");
  }

  static String json(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The problems reported for a roadnet text named {@value #BAD_ROADNET}; fails if it loads. */
  static List<InputProblem> roadnetProblems(String text) {
    InputValidationException e =
        catchThrowableOfType(
            InputValidationException.class,
            () -> CityFlowRoadnetReader.read(stream(text), BAD_ROADNET));
    assertThat(e).as("expected the roadnet to be rejected").isNotNull();
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(BAD_ROADNET));
    return e.problems();
  }

  static List<InputProblem> roadnetProblems(JsonNode roadnet) {
    return roadnetProblems(json(roadnet));
  }

  /** The problems reported for a flow text named {@value #BAD_FLOW}; fails if it loads. */
  static List<InputProblem> flowProblems(String text, RoadNetwork network) {
    InputValidationException e =
        catchThrowableOfType(
            InputValidationException.class, () -> CityFlowFlowReader.read(stream(text), BAD_FLOW, network));
    assertThat(e).as("expected the flow file to be rejected").isNotNull();
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(BAD_FLOW));
    return e.problems();
  }

  static List<InputProblem> flowProblems(JsonNode flows, RoadNetwork network) {
    return flowProblems(json(flows), network);
  }

  /** The one problem reported at {@code location}; fails unless there is exactly one there. */
  static InputProblem at(List<InputProblem> problems, String location) {
    List<InputProblem> here = problems.stream().filter(p -> p.location().equals(location)).toList();
    assertThat(here).as("problems at %s among %s", location, problems).hasSize(1);
    return here.get(0);
  }

  static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
