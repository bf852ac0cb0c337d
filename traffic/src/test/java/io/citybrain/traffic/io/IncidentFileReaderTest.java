package io.citybrain.traffic.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.TestNetworks;
import io.citybrain.traffic.incident.Incident;
import io.citybrain.traffic.sim.SimNetwork;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentFileReaderTest {
  private static final SimNetwork NET = new SimNetwork(TestNetworks.crossing());

  private static List<Incident> read(String json) throws Exception {
    return IncidentFileReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "incidents.json", NET);
  }

  @Test
  void readsEveryField() throws Exception {
    List<Incident> list =
        read("{\"incidents\": [{\"id\": \"crash\", \"road\": \"r_w\", \"lanes\": [0], \"positionMeters\": 150.5,"
            + " \"startSeconds\": 60, \"durationSeconds\": 600}, {\"id\": \"closure\", \"road\": \"r_s\","
            + " \"positionMeters\": 10, \"startSeconds\": 0, \"durationSeconds\": 30}]}");
    assertThat(list).containsExactly(
        new Incident("crash", "r_w", List.of(0), 150.5, 60, 600),
        new Incident("closure", "r_s", List.of(), 10, 0, 30));
    assertThat(list.get(1).wholeRoad()).isTrue();
    assertThat(list.get(0).endSeconds()).isEqualTo(660);
  }

  @Test
  void reportsEveryProblemWithFilePathAndExpectation() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/incidents/several_problems.json")) {
      assertThatThrownBy(() -> IncidentFileReader.read(in, "several_problems.json", NET))
          .isInstanceOfSatisfying(InputValidationException.class, e -> assertThat(e.problems())
              .extracting(InputProblem::format)
              .containsExactly(
                  "several_problems.json: incidents[1].id: incident 'ok': id is repeated; expected an id unique in the file",
                  "several_problems.json: incidents[1].road: incident 'ok': road is \"r_x\"; expected a road id of the roadnet",
                  "several_problems.json: incidents[2].severity: incident 'lane': member 'severity' is not known; expected one of"
                      + " [durationSeconds, id, lanes, positionMeters, road, startSeconds]",
                  "several_problems.json: incidents[2].lanes[0]: incident 'lane': lane is 1; expected a lane index of road \"r_e\" in 0..0",
                  "several_problems.json: incidents[2].positionMeters: incident 'lane': positionMeters is 300.0; expected a point inside"
                      + " road \"r_e\", > 0 and < its length 290.0 m",
                  "several_problems.json: incidents[2].startSeconds: incident 'lane': startSeconds is -5; expected a finite number >= 0",
                  "several_problems.json: incidents[2].durationSeconds: incident 'lane': durationSeconds is 0; expected a finite number > 0"));
    }
  }

  @Test
  void refusesAFileThatIsNotAnIncidentObject() {
    assertThatThrownBy(() -> read("[1]"))
        .isInstanceOf(InputValidationException.class)
        .hasMessageContaining("incidents.json")
        .hasMessageContaining("expected an object {\"incidents\": [...]}");
    assertThatThrownBy(() -> read("{\"incidents\": 3}"))
        .hasMessageContaining("incidents.json: incidents: the incident file: incidents is 3; expected an array of incident objects");
  }
}
