package io.citybrain.live.transport.mqtt;

import io.citybrain.live.contract.MessageKind;

/**
 * The MQTT topic tree of the live contracts (version 1):
 *
 * <pre>
 * citybrain/v1/detectors/{stationId}                detector reports        field → centre
 * citybrain/v1/meters/{meterId}                     meter readings          field → centre
 * citybrain/v1/signals/{intersectionId}/state       signal states           field → centre
 * citybrain/v1/signals/{intersectionId}/command     signal commands         centre → field
 * citybrain/v1/signals/{intersectionId}/advice      advisory decisions      centre → operators
 * citybrain/v1/field/session                        the field's clock       field → centre (retained)
 * </pre>
 *
 * All are QoS 1. Ids must not contain {@code /}, {@code +} or {@code #}.
 */
public final class MqttTopics {
  public static final String ROOT = "citybrain/v1/";
  public static final String DETECTORS = ROOT + "detectors/+";
  public static final String METERS = ROOT + "meters/+";
  public static final String SIGNAL_STATES = ROOT + "signals/+/state";
  public static final String SIGNAL_COMMANDS = ROOT + "signals/+/command";
  public static final String FIELD_SESSION = ROOT + "field/session";

  private MqttTopics() {}

  public static String detectors(String stationId) {
    return ROOT + "detectors/" + checked(stationId);
  }

  public static String meters(String meterId) {
    return ROOT + "meters/" + checked(meterId);
  }

  public static String signalState(String intersectionId) {
    return ROOT + "signals/" + checked(intersectionId) + "/state";
  }

  public static String signalCommand(String intersectionId) {
    return ROOT + "signals/" + checked(intersectionId) + "/command";
  }

  public static String signalAdvice(String intersectionId) {
    return ROOT + "signals/" + checked(intersectionId) + "/advice";
  }

  /** The contract a topic carries, or null when it is none of ours. */
  public static MessageKind kindOf(String topic) {
    if (!topic.startsWith(ROOT)) {
      return null;
    }
    String rest = topic.substring(ROOT.length());
    if (rest.startsWith("detectors/")) {
      return MessageKind.DETECTOR_REPORT;
    }
    if (rest.startsWith("meters/")) {
      return MessageKind.METER_READING;
    }
    if (rest.startsWith("signals/") && rest.endsWith("/state")) {
      return MessageKind.SIGNAL_STATE;
    }
    if (rest.startsWith("signals/") && rest.endsWith("/command")) {
      return MessageKind.SIGNAL_COMMAND;
    }
    return null;
  }

  private static String checked(String id) {
    if (id.isEmpty() || id.indexOf('/') >= 0 || id.indexOf('+') >= 0 || id.indexOf('#') >= 0) {
      throw new IllegalArgumentException("an id in an MQTT topic must be non-empty without '/', '+' or '#'; got '" + id + "'");
    }
    return id;
  }
}
