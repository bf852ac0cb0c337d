package io.citybrain.live.contract;

import java.util.List;

/**
 * One message of a detector station: its lanes' observations over one interval ({@code
 * detector-report-1.schema.json}).
 *
 * @param stationId the reporting station
 * @param seq per-station sequence number, +1 per report (gaps and repeats are counted)
 * @param observations one per lane, at least one
 */
public record DetectorReport(String stationId, long seq, List<DetectorObservation> observations) {
  /** Schema name and version carried in the message's {@code schema} field. */
  public static final String SCHEMA = "citybrain.detector-report/1";

  public DetectorReport {
    observations = List.copyOf(observations);
  }
}
