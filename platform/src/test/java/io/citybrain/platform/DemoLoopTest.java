package io.citybrain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.citybrain.platform.storage.RunRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --demo}: when the demo run ends, the next one starts, so the dashboard stays live. */
class DemoLoopTest {
  @TempDir Path dir;

  @Test
  void theNextDemoRunStartsWhenTheCurrentOneEnds() throws Exception {
    try (TestServer api = new TestServer(PlatformConfig.defaults(dir).withDemo(true))) {
      RunRecord first = api.server().demoRun().orElseThrow();
      assertThat(first.run().createdBy()).isEqualTo("system:demo");
      api.server().platform().runs().cancel(first.id(), "token:tester");

      // the loop checks every 2 s; 20 s is plenty even on a loaded machine
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (api.server().currentDemoRun().orElseThrow().id() == first.id() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      long nextId = api.server().currentDemoRun().orElseThrow().id();
      assertThat(nextId).as("a second demo run").isNotEqualTo(first.id());
      RunRecord next = api.server().platform().runStore().find(nextId).orElseThrow();
      assertThat(next.run().createdBy()).isEqualTo("system:demo");
      assertThat(next.run().controller()).isEqualTo("max-pressure");
      assertThat(next.run().scenarioId()).isEqualTo("jinan");
      assertThat(next.status().terminal()).as("live, not ended").isFalse();
    }
  }
}
