package io.citybrain.platform.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.webjars.WebJarVersionLocator;

/**
 * The dashboard's single HTML page, with the versioned WebJar URLs filled in by the WebJars
 * locator (so no version number is written in the template): {@code {{webjar:NAME/PATH}}} becomes
 * {@code /webjars/NAME/VERSION/PATH}.
 */
final class DashboardPage {
  private static final String TEMPLATE = "dashboard/index.html";

  private final String html;

  DashboardPage() {
    this.html = render(read(TEMPLATE), new WebJarVersionLocator());
  }

  String html() {
    return html;
  }

  static String render(String template, WebJarVersionLocator locator) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (true) {
      int start = template.indexOf("{{webjar:", i);
      if (start < 0) {
        out.append(template, i, template.length());
        return out.toString();
      }
      int end = template.indexOf("}}", start);
      String spec = template.substring(start + 9, end);
      int slash = spec.indexOf('/');
      String name = spec.substring(0, slash);
      String path = spec.substring(slash + 1);
      String full = locator.fullPath(name, path);
      if (full == null) {
        throw new IllegalStateException("WebJar resource " + spec + " is not on the classpath");
      }
      out.append(template, i, start).append(full.substring("META-INF/resources".length()));
      i = end + 2;
    }
  }

  private static String read(String resource) {
    try (InputStream in = DashboardPage.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("dashboard resource " + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
