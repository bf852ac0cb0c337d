package io.citybrain.live.flink;

import io.citybrain.live.aggregate.LaneAggregate;
import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.stream.LaneWindowOperator;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The live aggregation as Flink operators: observations, with event time from their interval
 * start and watermarks that allow {@code outOfOrderness}, keyed by detector into {@link
 * LaneWindowOperator} (the same lane windows the embedded runner uses). Shared by the job and its
 * tests.
 */
public final class LiveFlinkPipeline {
  private LiveFlinkPipeline() {}

  /**
   * @param observations the input
   * @param windowSeconds window length, s
   * @param outOfOrderness how far event time may go back across detectors
   */
  public static DataStream<LaneAggregate> laneAggregates(DataStream<DetectorObservation> observations, double windowSeconds,
      Duration outOfOrderness) {
    LaneWindowOperator operator = new LaneWindowOperator(windowSeconds, outOfOrderness.toMillis());
    return observations
        .assignTimestampsAndWatermarks(WatermarkStrategy.<DetectorObservation>forBoundedOutOfOrderness(outOfOrderness)
            .withTimestampAssigner((o, ts) -> o.intervalStart().toEpochMilli()))
        .keyBy(DetectorObservation::detectorId)
        .process(new FlinkKeyedAdapter<>(operator))
        .name("lane windows")
        .returns(LaneAggregate.class);
  }
}
