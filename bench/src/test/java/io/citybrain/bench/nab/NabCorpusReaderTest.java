package io.citybrain.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.commons.input.InputProblem;
import io.citybrain.commons.input.InputValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a corpus in NAB's layout: what is kept, what is refused and how it is said. */
class NabCorpusReaderTest {
  @TempDir Path dir;

  private void write(String labels, String file, String csv) throws IOException {
    Files.createDirectories(dir.resolve("labels"));
    Files.writeString(dir.resolve(NabCorpusReader.WINDOWS_FILE), labels);
    Path data = dir.resolve("data").resolve(file);
    Files.createDirectories(data.getParent());
    Files.writeString(data, csv);
  }

  @Test
  void readsRowsAndWindowsAndKeepsBadRowsInPlace() throws Exception {
    write("{\"c/a.csv\": [[\"2020-01-01 00:10:00.000000\", \"2020-01-01 00:20:00.000000\"]]}", "c/a.csv",
        "timestamp,value\n2020-01-01 00:00:00,1\n2020-01-01 00:05:00,NaN\n2020-01-01 00:05:00,3\n"
            + "2020-01-01 00:10:00,\n2020-01-01 00:02:00,5\n2020-01-01 00:20:00,6.5\n");
    NabCorpus c = NabCorpusReader.read(dir);
    NabSeries s = c.series().get(0);
    assertThat(s.path()).isEqualTo("c/a.csv");
    assertThat(s.category()).isEqualTo("c");
    assertThat(s.rows()).isEqualTo(6); // the NaN, the duplicate and the out-of-order row all kept
    assertThat(s.value(1)).isNaN();
    assertThat(s.value(3)).isNaN();
    assertThat(s.timestampEpochSeconds(4)).isEqualTo(1_577_836_800L + 120);
    assertThat(s.windows()).containsExactly(new NabWindow(3, 5));
  }

  @Test
  void everyProblemIsReportedWithFileLineAndExpectation() throws Exception {
    write("{\"c/a.csv\": [[\"2020-01-01 00:07:00\", \"2020-01-01 00:05:00\"]], \"c/missing.csv\": []}", "c/a.csv",
        "timestamp,value\n2020-01-01 00:00:00,1\n2020-13-01 00:05:00,2\n2020-01-01 00:05:00,abc\n2020-01-01 00:06:00\n");
    assertThatThrownBy(() -> NabCorpusReader.read(dir)).isInstanceOfSatisfying(InputValidationException.class, e ->
        assertThat(e.problems()).extracting(InputProblem::format).anySatisfy(m -> assertThat(m)
                .contains("a.csv: line 3: timestamp: expected 'YYYY-MM-DD HH:MM:SS', found '2020-13-01 00:05:00'"))
            .anySatisfy(m -> assertThat(m).contains("line 4: value: expected a finite decimal number").contains("'abc'"))
            .anySatisfy(m -> assertThat(m).contains("line 5: expected 2 fields (timestamp,value), found 1"))
            .anySatisfy(m -> assertThat(m).contains("\"c/missing.csv\": names a series whose file"))
            .hasSize(4));
  }

  @Test
  void windowsMustMatchRowsAndRunForward() throws Exception {
    write("{\"c/a.csv\": [[\"2020-01-01 00:05:00\", \"2020-01-01 00:00:00\"], [\"2020-01-01 00:03:00\","
        + " \"2020-01-01 00:05:00\"]]}", "c/a.csv", "timestamp,value\n2020-01-01 00:00:00,1\n2020-01-01 00:05:00,2\n");
    assertThatThrownBy(() -> NabCorpusReader.read(dir)).isInstanceOfSatisfying(InputValidationException.class, e ->
        assertThat(e.problems()).extracting(InputProblem::format)
            .anySatisfy(m -> assertThat(m).contains("\"c/a.csv\"[0]: window ends (row 2 of the file) before it starts (row 3)"))
            .anySatisfy(m -> assertThat(m).contains("\"c/a.csv\"[1][0]: timestamp '2020-01-01 00:03:00' is not a row")));
  }

  @Test
  void emptyFilesAndWrongHeadersAreRefused() throws Exception {
    write("{\"c/a.csv\": []}", "c/a.csv", "time,val\n2020-01-01 00:00:00,1\n");
    assertThatThrownBy(() -> NabCorpusReader.read(dir)).hasMessageContaining("expected the header 'timestamp,value'");
    write("{\"c/a.csv\": []}", "c/a.csv", "timestamp,value\n");
    assertThatThrownBy(() -> NabCorpusReader.read(dir)).hasMessageContaining("no data rows");
    Files.writeString(dir.resolve(NabCorpusReader.WINDOWS_FILE), "[1, 2]");
    assertThatThrownBy(() -> NabCorpusReader.read(dir)).hasMessageContaining("expected an object mapping");
  }

  @Test
  void aSinglePointSeriesIsScoredWithoutWindowsOrCrash() throws Exception {
    write("{\"c/a.csv\": []}", "c/a.csv", "timestamp,value\n2020-01-01 00:00:00,1\n");
    NabCorpus c = NabCorpusReader.read(dir);
    NabScorer scorer = new NabScorer(c);
    double[] scores = NabRunner.runSeries(c.series().get(0),
        new io.citybrain.live.anomaly.SeriesGuard(new io.citybrain.live.anomaly.RangeBreakDetector.Provider()
            .create(java.util.Map.of(), null)));
    assertThat(scores).containsExactly(0.0);
    assertThat(scorer.score(java.util.List.of(scores), NabProfile.STANDARD).rawScore()).isZero();
  }
}
