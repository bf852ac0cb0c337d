package io.citybrain.grid.io;

/**
 * A token of the MATLAB subset used by MATPOWER case files.
 *
 * @param kind token kind
 * @param text the token's source text (string tokens: the unquoted value)
 * @param line 1-based line
 * @param column 1-based column of the first character
 */
record MatlabToken(Kind kind, String text, int line, int column) {

  /** Token kinds. */
  enum Kind {
    /** A name, possibly dotted ({@code mpc.bus}), or {@code Inf}/{@code NaN}. */
    IDENTIFIER,
    /** A numeric literal, with its sign when the sign is attached ({@code -1.5e3}). */
    NUMBER,
    /** A quoted string. */
    STRING,
    /** One of {@code = [ ] { } ( ) ; ,}. */
    PUNCTUATION,
    /** End of a line (rows of a matrix and statements end there). */
    NEWLINE,
    /** Any other run of characters: an error where a value is expected. */
    OTHER,
    /** End of input. */
    END
  }

  boolean is(Kind k, String t) {
    return kind == k && text.equals(t);
  }
}
