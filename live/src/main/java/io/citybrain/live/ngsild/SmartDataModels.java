package io.citybrain.live.ngsild;

import io.citybrain.live.contract.DetectorObservation;
import io.citybrain.live.contract.SignalState;
import io.citybrain.live.health.DetectorStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live state as NGSI-LD entities of the Smart Data Models (and one model of our own), in
 * key-values form (attribute name to value). Units are converted here, at the edge: the contracts
 * keep SI units (m/s), Smart Data Models' TrafficFlowObserved gives {@code averageVehicleSpeed} in
 * km/h (dataModel.Transportation, TrafficFlowObserved 0.0.1), so speeds are multiplied by 3.6;
 * occupancy is a fraction in both; intensity is the count of the observation period.
 *
 * <p>{@code TrafficSignal} is citybrain's own model (Smart Data Models has none). Its terms follow
 * NTCIP 1202: {@code phase} (the phase shown), {@code phaseKind} (green, or the yellow change),
 * {@code phaseStartedAt}, {@code nextChangeAt}, and {@code controlMode} (central: following the
 * centre; local-plan: the controller's own time plan, NTCIP's unit control status).
 */
public final class SmartDataModels {
  /** m/s to km/h. */
  public static final double KMH_PER_MPS = 3.6;

  private SmartDataModels() {}

  public static String trafficFlowId(String detectorId) {
    return "urn:ngsi-ld:TrafficFlowObserved:" + detectorId;
  }

  public static String deviceId(String detectorId) {
    return "urn:ngsi-ld:Device:" + detectorId;
  }

  public static String trafficSignalId(String intersectionId) {
    return "urn:ngsi-ld:TrafficSignal:" + intersectionId;
  }

  public static String roadSegmentId(String roadId) {
    return "urn:ngsi-ld:RoadSegment:" + roadId;
  }

  /** A lane's latest observation as TrafficFlowObserved. */
  public static Map<String, Object> trafficFlowObserved(DetectorObservation o, String roadId) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", trafficFlowId(o.detectorId()));
    e.put("type", "TrafficFlowObserved");
    e.put("dateObserved", o.intervalStart() + "/" + o.intervalEnd());
    e.put("dateObservedFrom", o.intervalStart().toString());
    e.put("dateObservedTo", o.intervalEnd().toString());
    e.put("laneId", o.laneId());
    if (roadId != null) {
      e.put("refRoadSegment", roadSegmentId(roadId));
    }
    e.put("refDevice", deviceId(o.detectorId()));
    e.put("intensity", o.count());
    e.put("occupancy", o.occupancyFraction());
    if (!Double.isNaN(o.meanSpeedMetersPerSecond())) {
      e.put("averageVehicleSpeed", o.meanSpeedMetersPerSecond() * KMH_PER_MPS);
    }
    if (o.hasPresence()) {
      // a lane is congested when most vehicles on it stand (our rule; SDM leaves it to the source)
      e.put("congested", o.vehiclesPresent() > 0 && 2 * o.vehiclesHalting() > o.vehiclesPresent());
    }
    return e;
  }

  /** A detector as Device. */
  public static Map<String, Object> device(String detectorId, String laneId, DetectorStatus status, long lastReportMillis) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", deviceId(detectorId));
    e.put("type", "Device");
    e.put("controlledProperty", List.of("trafficFlow", "occupancy", "speed"));
    e.put("deviceCategory", List.of("sensor"));
    e.put("supportedProtocol", List.of("mqtt"));
    e.put("deviceState", status == DetectorStatus.OK ? "ok" : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    e.put("laneId", laneId);
    if (lastReportMillis != Long.MIN_VALUE) {
      e.put("dateLastValueReported", Instant.ofEpochMilli(lastReportMillis).toString());
    }
    return e;
  }

  /** A junction's signal state as TrafficSignal. */
  public static Map<String, Object> trafficSignal(SignalState s) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", trafficSignalId(s.intersectionId()));
    e.put("type", "TrafficSignal");
    e.put("phase", s.phase());
    e.put("phaseKind", s.kind().wire());
    e.put("phaseStartedAt", s.since().toString());
    if (s.until() != null) {
      e.put("nextChangeAt", s.until().toString());
    }
    e.put("controlMode", s.source().wire());
    return e;
  }

  /** A detector fault as Alert. */
  public static Map<String, Object> alert(String detectorId, DetectorStatus status, long sinceMillis) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", "urn:ngsi-ld:Alert:" + detectorId + ":" + sinceMillis);
    e.put("type", "Alert");
    e.put("category", "traffic");
    e.put("severity", status == DetectorStatus.SILENT ? "medium" : "high");
    e.put("description", "detector " + detectorId + ": " + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    e.put("alertSource", deviceId(detectorId));
    e.put("dateIssued", Instant.ofEpochMilli(sinceMillis).toString());
    return e;
  }

  /**
   * An entity in NGSI-LD's normalized form: every attribute a Property ({@code value}, with
   * {@code unitCode} for speeds: UN/CEFACT KMH) or, for {@code ref*} attributes, a Relationship.
   */
  public static Map<String, Object> normalized(Map<String, Object> keyValues) {
    Map<String, Object> n = new LinkedHashMap<>();
    keyValues.forEach((k, v) -> {
      if (k.equals("id") || k.equals("type")) {
        n.put(k, v);
      } else if (k.startsWith("ref") || k.equals("alertSource")) {
        n.put(k, Map.of("type", "Relationship", "object", v));
      } else {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "Property");
        p.put("value", v);
        if (k.equals("averageVehicleSpeed")) {
          p.put("unitCode", "KMH");
        }
        n.put(k, p);
      }
    });
    return n;
  }
}
