package io.citybrain.live.ngsild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subscriptions kept in a file survive a restart of the manager; a broken file is named. */
class SubscriptionManagerTest {
  @TempDir Path dir;

  private static List<Subscription> sorted(SubscriptionManager m) {
    return m.list().stream().sorted(Comparator.comparing(Subscription::id)).toList();
  }

  @Test
  void subscriptionsInAFileSurviveARestartAndDeletionsToo() throws Exception {
    Path file = dir.resolve("live").resolve("subscriptions.json");
    List<Subscription> before;
    String deleted;
    try (SubscriptionManager m = new SubscriptionManager(file)) {
      m.add("TrafficFlowObserved", QueryFilter.parse("occupancy>0.3;congested==true"), Set.of("occupancy", "intensity"), true,
          URI.create("http://127.0.0.1:9/notify"));
      m.add("TrafficSignal", null, Set.of(), false, URI.create("mqtt://127.0.0.1:1883/city/signals"));
      deleted = m.add("Alert", null, Set.of(), true, URI.create("http://127.0.0.1:9/alerts")).id();
      assertThat(m.delete(deleted)).isTrue();
      before = sorted(m);
    }
    assertThat(Files.readString(file)).contains("occupancy>0.3;congested==true").doesNotContain(deleted);
    try (SubscriptionManager again = new SubscriptionManager(file)) {
      List<Subscription> after = sorted(again);
      assertThat(after).hasSize(2);
      for (int i = 0; i < 2; i++) {
        Subscription a = after.get(i);
        Subscription b = before.get(i);
        assertThat(a.id()).isEqualTo(b.id());
        assertThat(a.entityType()).isEqualTo(b.entityType());
        assertThat(String.valueOf(a.q())).isEqualTo(String.valueOf(b.q()));
        assertThat(a.attributes()).isEqualTo(b.attributes());
        assertThat(a.keyValues()).isEqualTo(b.keyValues());
        assertThat(a.endpoint()).isEqualTo(b.endpoint());
      }
      Subscription flows = after.stream().filter(s -> s.entityType().equals("TrafficFlowObserved")).findFirst().orElseThrow();
      // the filter works again, not only its text
      assertThat(flows.q().test(Map.of("occupancy", 0.5, "congested", true))).isTrue();
      assertThat(flows.q().test(Map.of("occupancy", 0.2, "congested", true))).isFalse();
      assertThat(again.find(deleted)).isNull();
    }
  }

  @Test
  void aBrokenFileIsRefusedNamingTheFileAndTheEntry() throws Exception {
    Path file = dir.resolve("subscriptions.json");
    Files.writeString(file, "{\"subscriptions\": [{\"id\": \"urn:ngsi-ld:Subscription:1\", \"entityType\": \"Device\","
        + " \"endpoint\": \"ftp://example.org/x\"}]}");
    assertThatThrownBy(() -> new SubscriptionManager(file))
        .hasMessageContaining(file.toString()).hasMessageContaining("subscriptions[0]").hasMessageContaining("mqtt://");
    Files.writeString(file, "[]");
    assertThatThrownBy(() -> new SubscriptionManager(file)).hasMessageContaining("expected {\"subscriptions\": [...]}");
  }
}
