package io.citybrain.live.contract;

/** The message contracts, each with its versioned JSON schema in this package's resources. */
public enum MessageKind {
  DETECTOR_REPORT("detector-report", DetectorReport.SCHEMA, "detector-report-1.schema.json"),
  SIGNAL_STATE("signal-state", SignalState.SCHEMA, "signal-state-1.schema.json"),
  SIGNAL_COMMAND("signal-command", SignalCommand.SCHEMA, "signal-command-1.schema.json"),
  METER_READING("meter-reading", MeterReading.SCHEMA, "meter-reading-1.schema.json");

  private final String label;
  private final String schemaName;
  private final String schemaResource;

  MessageKind(String label, String schemaName, String schemaResource) {
    this.label = label;
    this.schemaName = schemaName;
    this.schemaResource = schemaResource;
  }

  /** Short name used in counters, dead letters and topic names. */
  public String label() {
    return label;
  }

  /** The value of the message's {@code schema} field, e.g. {@code citybrain.detector-report/1}. */
  public String schemaName() {
    return schemaName;
  }

  /** The schema file, relative to this package on the class path. */
  public String schemaResource() {
    return schemaResource;
  }
}
