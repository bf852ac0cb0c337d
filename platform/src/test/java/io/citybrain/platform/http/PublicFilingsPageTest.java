package io.citybrain.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public page escapes what filers wrote: a disclosure text cannot inject markup or script. */
class PublicFilingsPageTest {
  @Test
  void everyValueIsEscaped() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("filingNumber", "CBF-2026-000001");
    f.put("algorithm", "<script>alert(1)</script>");
    f.put("role", "provider");
    f.put("entity", "A & B \"Signals\"");
    f.put("product", "p");
    f.put("mainUse", "it's <b>bold</b>");
    f.put("status", "active");
    f.put("jurisdictions", List.of("Nanchang"));
    f.put("disclosureText", "<img src=x onerror=alert(2)>");
    f.put("remarks", null);
    f.put("filedOn", "2026-03-02");
    f.put("history", List.of(Map.of("on", "2026-03-02", "event", "filed", "filingNumber", "CBF-2026-000001")));
    String html = PublicFilingsPage.html(Map.of("filings", List.of(f)));
    assertThat(html)
        .contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>")
        .contains("<td>A &amp; B &quot;Signals&quot;</td>")
        .contains("<td>it&#39;s &lt;b&gt;bold&lt;/b&gt;</td>")
        .contains("&lt;img src=x onerror=alert(2)&gt;")
        .contains("2026-03-02 filed CBF-2026-000001<br>")
        .doesNotContain("<script>")
        .doesNotContain("<img");
  }
}
