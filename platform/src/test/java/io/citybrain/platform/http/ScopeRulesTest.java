package io.citybrain.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citybrain.platform.TestServer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No route without a scope rule: every endpoint of /openapi.json and every route the server
 * registers has one in {@link ScopeRules}. A new endpoint without a rule fails here (and the
 * server refuses to start).
 */
class ScopeRulesTest {
  @TempDir Path dir;

  @Test
  void everyDocumentedAndEveryRegisteredRouteHasAScopeRule() {
    try (TestServer api = TestServer.embedded(dir)) {
      JsonNode doc = api.get("/openapi.json").json();
      Set<String> documented = new TreeSet<>();
      for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
        String path = it.next();
        for (Iterator<String> m = doc.get("paths").get(path).fieldNames(); m.hasNext(); ) {
          documented.add(m.next().toUpperCase(Locale.ROOT) + " " + path);
        }
      }
      assertThat(documented).hasSizeGreaterThan(20);
      assertThat(ScopeRules.TABLE.keySet()).as("documented routes without a scope rule").containsAll(documented);
      assertThat(ScopeRules.TABLE.keySet()).as("registered routes without a scope rule").containsAll(api.server().http().routes());
    }
  }

  @Test
  void itemAndTargetRulesResolveAJurisdictionAndNounsAreSet() {
    ScopeRules.TABLE.forEach(
        (route, rule) -> {
          switch (rule.kind()) {
            case ITEM -> {
              assertThat(rule.resolver()).as(route).isNotNull();
              assertThat(rule.noun()).as(route).isNotBlank();
              assertThat(rule.permission()).as(route).isNotNull();
            }
            case TARGET -> {
              assertThat(rule.resolver()).as(route).isNotNull();
              assertThat(rule.permission()).as(route).isNotNull();
            }
            case LIST, HOLDS -> assertThat(rule.permission()).as(route).isNotNull();
            case PUBLIC, ANY_CALLER -> assertThat(rule.permission()).as(route).isNull();
          }
          if (!route.startsWith("GET ")) {
            assertThat(rule.kind()).as(route + " changes state, so it needs a permission")
                .isIn(ScopeRule.Kind.ITEM, ScopeRule.Kind.TARGET, ScopeRule.Kind.HOLDS);
          }
        });
  }
}
