package io.citybrain.traffic;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the arrows one way (as Flink's architecture tests do). */
class ArchitectureTest {
  private static final JavaClasses TRAFFIC =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.citybrain.traffic");

  @Test
  void trafficLibraryDependsOnNoWebDatabaseOrApplicationCode() {
    noClasses()
        .that()
        .resideInAPackage("io.citybrain.traffic..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.citybrain.cli..", "io.citybrain.platform..", "io.citybrain.grid..", "io.javalin..", "java.sql..", "javax.sql..")
        .check(TRAFFIC);
  }

  @Test
  void networkModelDependsOnNothingElseOfTraffic() {
    noClasses()
        .that()
        .resideInAPackage("io.citybrain.traffic.network..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.citybrain.traffic.sim..", "io.citybrain.traffic.control..", "io.citybrain.traffic.io..", "io.citybrain.traffic.metrics..")
        .check(TRAFFIC);
  }

  @Test
  void controllersCannotReachTheSimulator() {
    noClasses()
        .that()
        .resideInAPackage("io.citybrain.traffic.control..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.citybrain.traffic.sim..", "io.citybrain.traffic.demand..", "io.citybrain.traffic.metrics..")
        .check(TRAFFIC);
  }
}
