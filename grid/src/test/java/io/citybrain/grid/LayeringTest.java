package io.citybrain.grid;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Arrows point one way: the grid library depends on no other citybrain module, and its model on no solver. */
class LayeringTest {
  static final JavaClasses GRID = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.citybrain.grid");

  @Test
  void gridDependsOnNoOtherCitybrainModule() {
    noClasses().that().resideInAPackage("io.citybrain.grid..")
        .should().dependOnClassesThat().resideInAnyPackage("io.citybrain.cli..", "io.citybrain.bench..",
            "io.citybrain.traffic..", "io.citybrain.platform..")
        .check(GRID);
  }

  @Test
  void networkModelDependsOnNoSolverOrReader() {
    noClasses().that().resideInAPackage("io.citybrain.grid.network..")
        .should().dependOnClassesThat().resideInAnyPackage("io.citybrain.grid.io..", "io.citybrain.grid.flow..",
            "io.citybrain.grid.dispatch..", "io.citybrain.grid.report..", "com.google.ortools..", "org.ejml..")
        .check(GRID);
  }
}
