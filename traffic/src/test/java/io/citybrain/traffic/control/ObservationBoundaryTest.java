package io.citybrain.traffic.control;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.citybrain.traffic.TestNetworks;
import io.citybrain.traffic.demand.Demand;
import io.citybrain.traffic.demand.Flow;
import io.citybrain.traffic.sim.Scenario;
import io.citybrain.traffic.sim.SignalTimer;
import io.citybrain.traffic.sim.Simulation;
import io.citybrain.traffic.sim.SimulationConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A controller sees only what detectors see: the {@link Observation} type carries counts,
 * positions, speeds, the signal state and approach notices, and nothing leads from it to the
 * simulator, vehicles' routes or future demand.
 */
class ObservationBoundaryTest {

  private static final Set<Class<?>> DETECTOR_TYPES =
      Set.of(int.class, double.class, double[].class, String.class, List.class, void.class);

  @Test
  void everyObservationMethodSpeaksInDetectorQuantitiesOnly() {
    for (Method m : Observation.class.getMethods()) {
      assertThat(DETECTOR_TYPES).as("return type of %s", m).contains(m.getReturnType());
      for (Class<?> p : m.getParameterTypes()) {
        assertThat(DETECTOR_TYPES).as("parameter of %s", m).contains(p);
      }
    }
    // the only list it hands out is of approach notices: position and next road, no route
    for (RecordComponent c : EmergencyApproach.class.getRecordComponents()) {
      assertThat(Set.<Class<?>>of(int.class, double.class, String.class)).contains(c.getType());
    }
    assertThat(List.of(EmergencyApproach.class.getRecordComponents()).stream().map(RecordComponent::getName))
        .containsExactly("lane", "distanceToStopLineMeters", "speedMetersPerSecond", "nextRoadId");
  }

  @Test
  void controllersCannotDependOnTheSimulatorOrTheDemand() {
    JavaClasses control =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.citybrain.traffic.control");
    noClasses()
        .that()
        .resideInAPackage("io.citybrain.traffic.control..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.citybrain.traffic.sim..", "io.citybrain.traffic.demand..", "io.citybrain.traffic.io..",
            "io.citybrain.traffic.metrics..")
        .because("a controller may only see the Observation and the static IntersectionLayout")
        .check(control);
  }

  @Test
  void theObservationAControllerReceivesExposesNoSimulatorAndNoRoute() throws Exception {
    List<Observation> seen = new ArrayList<>();
    SignalController spy =
        (intersection, observation) -> {
          seen.add(observation);
          return PhaseDecision.of(intersection.greenPhases().get(0));
        };
    Scenario s =
        TestNetworks.scenario(
            TestNetworks.crossing(),
            new Demand(
                List.of(
                    new Flow("flow_0", TestNetworks.car(), List.of("r_w", "r_e"), 2, 0, 40),
                    new Flow("flow_1", TestNetworks.car(), List.of("r_s", "r_n"), 1, 5, 5, true))));
    Simulation sim = s.newSimulation(SimulationConfig.defaults());
    SignalTimer timer = new SignalTimer(sim, spy, new SignalTiming(5, 5, 5));
    for (int k = 0; k < 60; k++) {
      timer.beforeStep();
      sim.step();
    }
    assertThat(seen).isNotEmpty();
    Observation o = seen.get(seen.size() - 1);
    Class<?> type = o.getClass();
    // not a type a controller can name, cast to or construct
    assertThat(Modifier.isPublic(type.getModifiers())).isFalse();
    assertThat(type.getPackageName()).isNotEqualTo(Observation.class.getPackageName());
    assertThat(type.getConstructors()).isEmpty();
    // its public surface is the Observation interface and nothing else
    for (Method m : type.getMethods()) {
      if (m.getDeclaringClass() == Object.class) {
        continue;
      }
      assertThat(hasMethod(Observation.class, m)).as("public method %s", m).isTrue();
    }
    // its fields (the simulator behind it) cannot be read without breaking access control
    for (Field f : type.getDeclaredFields()) {
      assertThat(Modifier.isPublic(f.getModifiers())).isFalse();
      assertThatThrownBy(() -> f.get(o)).isInstanceOf(IllegalAccessException.class);
    }
    // the approach notice list is read-only
    assertThat(o.emergencyApproaches(0)).isInstanceOf(List.class);
  }

  private static boolean hasMethod(Class<?> iface, Method m) {
    try {
      iface.getMethod(m.getName(), m.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
