package io.citybrain.live.flink;

import io.citybrain.live.contract.Decoded;
import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.DetectorReport;
import io.citybrain.live.contract.MessageCodec;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Detector reports (contract JSON from Kafka) to their accepted observations, through the same
 * {@link MessageCodec} the embedded pipeline uses. Refused messages and observations are counted
 * (Flink metrics {@code refusedObservations}) and dropped here; the Kafka topic keeps them.
 */
public final class ReportDecoder extends RichFlatMapFunction<byte[], DetectorObservation> {
  private static final long serialVersionUID = 1L;
  private transient MessageCodec codec;
  private transient org.apache.flink.metrics.Counter refused;

  @Override
  public void open(OpenContext context) {
    codec = new MessageCodec();
    refused = getRuntimeContext().getMetricGroup().counter("refusedObservations");
  }

  @Override
  public void flatMap(byte[] payload, Collector<DetectorObservation> out) {
    Decoded<DetectorReport> d = codec.decodeDetectorReport(payload, "kafka", Instant.now());
    d.rejections().forEach(r -> refused.inc(Math.max(1, r.observations())));
    if (d.value() != null) {
      d.value().observations().forEach(out::collect);
    }
  }
}
