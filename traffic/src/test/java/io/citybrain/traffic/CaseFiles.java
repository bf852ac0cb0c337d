package io.citybrain.traffic;

import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.sim.Scenario;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The users' bug-report cases copied into test resources ({@code cases/Cxx/}). */
public final class CaseFiles {
  private CaseFiles() {}

  /** Path of a case file, e.g. {@code path("C01", "roadnet.json")}. */
  public static Path path(String caseId, String file) {
    URL url = CaseFiles.class.getResource("/cases/" + caseId + "/" + file);
    if (url == null) {
      throw new AssertionError("missing test resource cases/" + caseId + "/" + file);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** Loads a case's roadnet.json and flow.json. */
  public static Scenario scenario(String caseId) {
    try {
      return ScenarioLoader.load(caseId, path(caseId, "roadnet.json"), path(caseId, "flow.json"));
    } catch (InputValidationException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
