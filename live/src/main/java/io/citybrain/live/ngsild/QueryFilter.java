package io.citybrain.live.ngsild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * NGSI-LD's {@code q} filter (ETSI GS CIM 009, clause 4.9), the subset cities use on observations:
 * terms {@code attribute op value} with {@code ==}, {@code !=}, {@code >}, {@code >=}, {@code <},
 * {@code <=}; values are numbers, {@code "quoted strings"} or {@code true}/{@code false}; terms
 * joined by {@code ;} (and) and {@code |} (or, binding looser), without parentheses. Evaluated on
 * an entity's key-values (attribute name to value).
 */
public final class QueryFilter implements Predicate<Map<String, Object>> {
  private final List<List<Term>> anyOf;
  private final String text;

  private record Term(String attribute, String op, Object value) {}

  private QueryFilter(List<List<Term>> anyOf, String text) {
    this.anyOf = anyOf;
    this.text = text;
  }

  /**
   * Parses a filter.
   *
   * @throws IllegalArgumentException naming the term and what was expected
   */
  public static QueryFilter parse(String q) {
    List<List<Term>> or = new ArrayList<>();
    for (String alternative : q.split("\\|", -1)) {
      List<Term> and = new ArrayList<>();
      for (String raw : alternative.split(";", -1)) {
        String t = raw.trim();
        if (t.isEmpty()) {
          throw new IllegalArgumentException("q: empty term in '" + q + "'");
        }
        and.add(term(t, q));
      }
      or.add(and);
    }
    return new QueryFilter(or, q);
  }

  private static Term term(String t, String q) {
    for (String op : new String[] {"==", "!=", ">=", "<=", ">", "<"}) {
      int at = t.indexOf(op);
      if (at > 0) {
        String attr = t.substring(0, at).trim();
        String value = t.substring(at + op.length()).trim();
        if (!attr.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
          throw new IllegalArgumentException("q: '" + attr + "' in '" + t + "' is not an attribute name");
        }
        return new Term(attr, op, value(value, t));
      }
    }
    throw new IllegalArgumentException("q: term '" + t + "' of '" + q + "' needs one of ==, !=, >, >=, <, <=");
  }

  private static Object value(String v, String term) {
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      return v.substring(1, v.length() - 1);
    }
    if (v.equals("true") || v.equals("false")) {
      return Boolean.valueOf(v);
    }
    try {
      return Double.valueOf(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("q: value '" + v + "' in '" + term + "' must be a number, true, false or a \"quoted string\"");
    }
  }

  @Override
  public boolean test(Map<String, Object> entity) {
    for (List<Term> and : anyOf) {
      boolean all = true;
      for (Term t : and) {
        if (!holds(t, entity.get(t.attribute()))) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static boolean holds(Term t, Object actual) {
    if (actual == null) {
      return false;
    }
    int cmp;
    if (t.value() instanceof Double d && actual instanceof Number n) {
      cmp = Double.compare(n.doubleValue(), d);
    } else if (t.value() instanceof String s) {
      cmp = String.valueOf(actual).compareTo(s);
    } else if (t.value() instanceof Boolean b && actual instanceof Boolean a) {
      cmp = a.equals(b) ? 0 : 1;
      if (!t.op().equals("==") && !t.op().equals("!=")) {
        return false;
      }
    } else {
      return false;
    }
    return switch (t.op()) {
      case "==" -> cmp == 0;
      case "!=" -> cmp != 0;
      case ">" -> cmp > 0;
      case ">=" -> cmp >= 0;
      case "<" -> cmp < 0;
      default -> cmp <= 0;
    };
  }

  @Override
  public String toString() {
    return text;
  }
}
