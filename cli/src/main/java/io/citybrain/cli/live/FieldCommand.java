package io.citybrain.cli.live;

import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.live.field.FieldPace;
import io.citybrain.live.field.FieldRunner;
import io.citybrain.live.field.FieldSession;
import io.citybrain.live.field.FieldSummary;
import io.citybrain.live.transport.mqtt.MqttEndpoint;
import io.citybrain.live.transport.mqtt.MqttFieldLink;
import io.citybrain.commons.algorithm.ParameterValues;
import io.citybrain.traffic.control.SignalControllerProvider;
import io.citybrain.traffic.control.SignalControllers;
import io.citybrain.traffic.io.BundledCity;
import io.citybrain.commons.input.InputValidationException;
import io.citybrain.traffic.io.ScenarioLoader;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SimulationConfig;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code citybrain field}: the simulator as the city's field devices, talking MQTT to a centre. */
@Command(
    name = "field",
    mixinStandardHelpOptions = true,
    description = {
      "Run a bundled city as field devices: its lane detectors publish reports and its signal cabinets",
      "publish states over MQTT, and the cabinets apply the centre's commands after checking expiry,",
      "minimum green, yellow and phase; without commands each cabinet runs its fixed plan."
    },
    footer = {
      "",
      "Examples:",
      "  citybrain serve --live jinan                 the centre, with its MQTT broker on 127.0.0.1:1883",
      "  citybrain field --city jinan                 Jinan in real time against it (watch the dashboard)",
      "  citybrain field --city jinan --pace 10       ten simulated seconds per wall second",
      "  citybrain field --city jinan --lock-step     each step waits for its commands (equals the offline run)"
    })
public final class FieldCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--city", required = true, paramLabel = "CITY", description = "Bundled city: jinan, hangzhou, newyork or nanchang.")
  String city;

  @Option(names = "--broker", defaultValue = "tcp://127.0.0.1:1883", paramLabel = "URL",
      description = "MQTT broker (default: ${DEFAULT-VALUE}, the one citybrain serve --live embeds).")
  String broker;

  @Option(names = "--controller", defaultValue = "max-pressure", paramLabel = "NAME",
      description = "The centre's controller, whose minimum green and yellow the cabinets enforce (default: ${DEFAULT-VALUE}).")
  String controller;

  @Option(names = "--steps", defaultValue = "3600", paramLabel = "N", description = "Simulated seconds (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--pace", defaultValue = "1", paramLabel = "X",
      description = "Simulated seconds per wall second (default: ${DEFAULT-VALUE}, real time).")
  double pace;

  @Option(names = "--lock-step", description = "Each step waits (up to 10 s) for the commands due at it instead of keeping pace.")
  boolean lockStep;

  @Option(names = "--grace", defaultValue = "2", paramLabel = "S",
      description = "Seconds a due decision waits for a command before the cabinet's fixed plan (default: ${DEFAULT-VALUE}).")
  double grace;

  @Override
  public Integer call() throws InputValidationException {
    if (steps < 1) {
      throw new UsageException("--steps must be >= 1, got " + steps);
    }
    if (!lockStep && !(pace > 0)) {
      throw new UsageException("--pace must be > 0, got " + pace);
    }
    if (!(grace >= 0)) {
      throw new UsageException("--grace must be >= 0, got " + grace);
    }
    MqttEndpoint endpoint;
    SignalControllerProvider p;
    BundledCity c;
    try {
      endpoint = MqttEndpoint.parse(broker);
      p = SignalControllers.require(controller);
      c = BundledCity.require(city);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Scenario scenario = ScenarioLoader.loadBundled(c, c.defaultFlowName());
    ParameterValues params = p.resolve(Map.of());
    SignalControllerProvider fixed = SignalControllers.require("fixed-time");
    ParameterValues fp = fixed.resolve(Map.of());
    PrintWriter out = spec.commandLine().getOut();
    long origin = (System.currentTimeMillis() / 1000 + 1) * 1000;
    MqttFieldLink link;
    try {
      link = new MqttFieldLink(endpoint, "citybrain-field-" + city, 1000);
    } catch (RuntimeException e) {
      throw new UsageException("cannot reach the MQTT broker at " + endpoint + " (start the centre with citybrain serve --live "
          + city + ", or give --broker): " + rootMessage(e));
    }
    try (link;
        FieldRunner field = new FieldRunner(scenario, SimulationConfig.defaults(), link, fixed.create(fp), fixed.timing(fp),
            p.timing(params), origin, 1, grace, lockStep ? FieldPace.lockStep(10_000) : FieldPace.paced(pace))) {
      link.announce(new FieldSession(origin, 1, city));
      out.printf(Locale.ROOT, "field: %s, %d intersections, %d detector stations, broker %s, %s%n", scenario.name(),
          field.cabinets().layouts().size(), field.detectors().stationIds().size(), endpoint,
          lockStep ? "lock-step" : pace == 1 ? "real time" : pace + "x real time");
      out.flush();
      int every = Math.max(60, steps / 20);
      FieldSummary s = field.run(steps, k -> {
        if (k % every == 0) {
          FieldSummary now = field.summary();
          out.printf(Locale.ROOT, "  t=%5d s  central decisions %d, local %d, fallbacks %d, command p99 %.1f ms%n", k,
              now.centralDecisions(), now.localDecisions(), now.fallbacks(), now.latencyP99Millis());
          out.flush();
        }
      });
      out.printf(Locale.ROOT, "average travel time %.2f s, %d trips finished%n", s.averageTravelTimeSeconds(), s.vehiclesFinished());
      out.printf(Locale.ROOT, "published: %d reports (%d observations), %d signal states; broker acknowledged %d, failed %d%n",
          s.reportsPublished(), s.observationsPublished(), s.statesPublished(), link.published(), link.publishFailures());
      out.printf(Locale.ROOT, "commands: %d received %s; %d late; decisions central %d, local %d; fallbacks %d%n",
          s.commandsReceived(), s.commandOutcomes(), s.lateCommands(), s.centralDecisions(), s.localDecisions(), s.fallbacks());
      out.printf(Locale.ROOT, "report -> command latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d steps behind schedule%n",
          s.latencyP50Millis(), s.latencyP99Millis(), s.latencyMaxMillis(), s.stepsBehindSchedule());
    }
    return 0;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
