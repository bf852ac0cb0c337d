package io.citybrain.grid.io;

import io.citybrain.grid.io.MatlabToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the MATLAB subset of MATPOWER case files into tokens: {@code %} comments to the end of
 * the line, {@code ...} line continuations, single- and double-quoted strings, dotted names,
 * numbers (an attached sign belongs to the number, so that {@code [1 -2]} is two elements as in
 * MATLAB), punctuation and line ends. It never fails: unexpected characters become {@link
 * Kind#OTHER} tokens, which the reader reports with their position.
 */
final class MatlabTokenizer {
  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;

  private MatlabTokenizer(String text) {
    this.text = text;
  }

  /** All tokens of {@code text}, ending with one {@link Kind#END} token. */
  static List<MatlabToken> tokenize(String text) {
    return new MatlabTokenizer(text).run();
  }

  private List<MatlabToken> run() {
    List<MatlabToken> tokens = new ArrayList<>();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      int col = pos - lineStart + 1;
      if (c == '\n') {
        tokens.add(new MatlabToken(Kind.NEWLINE, "\n", line, col));
        newLine();
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\uFEFF') {
        pos++;
      } else if (c == '%' || c == '#') {
        skipToLineEnd();
      } else if (text.startsWith("...", pos)) {
        skipToLineEnd();
        if (pos < text.length()) {
          newLine(); // a continuation joins the next line
        }
      } else if (c == '\'' || c == '"') {
        tokens.add(string(c, col));
      } else if (Character.isLetter(c) || c == '_') {
        tokens.add(new MatlabToken(Kind.IDENTIFIER, name(), line, col));
      } else if (isNumberStart(pos)) {
        tokens.add(number(col));
      } else if ((c == '-' || c == '+') && startsWithWord(pos + 1, "Inf")) {
        pos += 4;
        tokens.add(new MatlabToken(Kind.IDENTIFIER, c + "Inf", line, col));
      } else if ("=[]{}();,".indexOf(c) >= 0) {
        pos++;
        tokens.add(new MatlabToken(Kind.PUNCTUATION, String.valueOf(c), line, col));
      } else {
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
            && "=[]{}();,%".indexOf(text.charAt(pos)) < 0) {
          pos++;
        }
        tokens.add(new MatlabToken(Kind.OTHER, text.substring(start, pos), line, col));
      }
    }
    tokens.add(new MatlabToken(Kind.END, "", line, pos - lineStart + 1));
    return tokens;
  }

  private void newLine() {
    pos++;
    line++;
    lineStart = pos;
  }

  private void skipToLineEnd() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
  }

  private MatlabToken string(char quote, int col) {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (pos < text.length() && text.charAt(pos) != '\n') {
      char c = text.charAt(pos);
      if (c == quote) {
        if (pos + 1 < text.length() && text.charAt(pos + 1) == quote) {
          sb.append(quote);
          pos += 2;
          continue;
        }
        pos++;
        return new MatlabToken(Kind.STRING, sb.toString(), line, col);
      }
      sb.append(c);
      pos++;
    }
    return new MatlabToken(Kind.OTHER, quote + sb.toString(), line, col); // unterminated
  }

  private String name() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isLetterOrDigit(c) || c == '_') {
        pos++;
      } else if (c == '.' && pos + 1 < text.length() && Character.isLetter(text.charAt(pos + 1))) {
        pos++;
      } else {
        break;
      }
    }
    return text.substring(start, pos);
  }

  private boolean startsWithWord(int at, String word) {
    if (!text.startsWith(word, at)) {
      return false;
    }
    int end = at + word.length();
    return end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
  }

  private boolean isNumberStart(int at) {
    char c = text.charAt(at);
    if (c == '-' || c == '+') {
      at++;
      if (at >= text.length()) {
        return false;
      }
      c = text.charAt(at);
    }
    return Character.isDigit(c)
        || (c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)));
  }

  private MatlabToken number(int col) {
    int start = pos;
    if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
      pos++;
    }
    while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
        pos++;
      }
      if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
    // a number glued to letters (12abc) is not a number: report the whole run
    if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      return new MatlabToken(Kind.OTHER, text.substring(start, pos), line, col);
    }
    return new MatlabToken(Kind.NUMBER, text.substring(start, pos), line, col);
  }
}
