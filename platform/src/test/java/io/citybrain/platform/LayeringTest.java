package io.citybrain.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Arrows point one way: only the HTTP adapter knows Javalin; the traffic core knows no platform. */
class LayeringTest {
  private static final JavaClasses PLATFORM =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.citybrain");

  @Test
  void onlyTheHttpAdapterDependsOnJavalin() {
    noClasses()
        .that().resideInAPackage("io.citybrain.platform..")
        .and().resideOutsideOfPackage("io.citybrain.platform.http..")
        .should().dependOnClassesThat().resideInAPackage("io.javalin..")
        .check(PLATFORM);
  }

  @Test
  void domainPackagesDoNotDependOnTheHttpAdapter() {
    noClasses()
        .that().resideInAnyPackage(
            "io.citybrain.platform.storage..", "io.citybrain.platform.audit..", "io.citybrain.platform.auth..",
            "io.citybrain.platform.runs..", "io.citybrain.platform.scenarios..", "io.citybrain.platform.metrics..")
        .should().dependOnClassesThat().resideInAPackage("io.citybrain.platform.http..")
        .check(PLATFORM);
  }

  @Test
  void theTrafficCoreKnowsNoPlatform() {
    noClasses()
        .that().resideInAPackage("io.citybrain.traffic..")
        .should().dependOnClassesThat().resideInAnyPackage("io.citybrain.platform..", "io.javalin..", "java.sql..")
        .check(PLATFORM);
  }
}
