package io.citybrain.grid;

import io.citybrain.commons.input.InputValidationException;
import io.citybrain.grid.io.MatpowerReader;
import io.citybrain.grid.network.PowerNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the case files under {@code src/test/resources/cases/}. */
public final class TestCases {
  private TestCases() {}

  /** The text of test case {@code fileName}. */
  public static String text(String fileName) {
    try (InputStream in = TestCases.class.getResourceAsStream("/cases/" + fileName)) {
      if (in == null) {
        throw new IllegalArgumentException("no test case " + fileName);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Test case {@code fileName}, parsed. */
  public static PowerNetwork read(String fileName) throws InputValidationException {
    return MatpowerReader.read(fileName, text(fileName));
  }
}
