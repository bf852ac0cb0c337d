package io.citybrain.platform.http;

import java.util.List;
import java.util.Map;

/**
 * The public page of filings ({@code /public/filings}): the document of {@code
 * /api/public/filings} as an HTML table, with no script and no token needed. Every value is
 * escaped.
 */
final class PublicFilingsPage {
  private PublicFilingsPage() {}

  @SuppressWarnings("unchecked")
  static String html(Map<String, Object> document) {
    StringBuilder b = new StringBuilder();
    b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>citybrain: filed algorithms</title>\n")
        .append("<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #bbb;")
        .append("padding:.3em .5em;vertical-align:top;text-align:left}th{background:#eee}.cancelled,.changed{color:#777}</style>")
        .append("</head><body>\n<h1>Filed algorithms</h1>\n")
        .append("<p>Every algorithm filed to act on this city's infrastructure, with its filing number and history")
        .append(" (superseded and cancelled filings included). Machine-readable: <a href=\"/api/public/filings\">/api/public/filings</a>.</p>\n")
        .append("<table><thead><tr><th>Filing number</th><th>Algorithm</th><th>Role</th><th>Entity</th><th>Product</th>")
        .append("<th>Main use</th><th>Jurisdictions</th><th>Status</th><th>Filed</th><th>History</th><th>Disclosure</th><th>Remarks</th>")
        .append("</tr></thead><tbody>\n");
    for (Map<String, Object> f : (List<Map<String, Object>>) document.get("filings")) {
      b.append("<tr class=\"").append(esc(f.get("status"))).append("\">");
      for (String k : List.of("filingNumber", "algorithm", "role", "entity", "product", "mainUse")) {
        b.append("<td>").append(esc(f.get(k))).append("</td>");
      }
      b.append("<td>").append(esc(String.join(", ", (List<String>) f.get("jurisdictions")))).append("</td>");
      b.append("<td>").append(esc(f.get("status"))).append("</td>");
      b.append("<td>").append(esc(f.get("filedOn"))).append("</td><td>");
      for (Map<String, Object> e : (List<Map<String, Object>>) f.get("history")) {
        b.append(esc(e.get("on"))).append(' ').append(esc(e.get("event"))).append(' ').append(esc(e.get("filingNumber"))).append("<br>");
      }
      b.append("</td><td>").append(esc(f.get("disclosureText"))).append("</td><td>").append(esc(f.get("remarks"))).append("</td></tr>\n");
    }
    return b.append("</tbody></table>\n</body></html>\n").toString();
  }

  static String esc(Object o) {
    if (o == null) {
      return "";
    }
    String s = o.toString();
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
