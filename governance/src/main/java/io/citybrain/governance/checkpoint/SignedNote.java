package io.citybrain.governance.checkpoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A text and its signatures, in the C2SP signed-note format (https://c2sp.org/signed-note):
 *
 * <pre>
 * text line 1
 * text line 2
 *
 * — key.name base64(key id || signature)
 * </pre>
 *
 * The text includes its final newline; the signatures follow the last blank line. Signatures are
 * over the text's UTF-8 bytes.
 *
 * @param text the signed text, ending in a newline
 * @param signatures one or more signature lines, in order
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
  /** Most signature lines accepted (the spec requires at least 16; Go's note package caps at 100). */
  public static final int MAX_SIGNATURES = 100;

  /** Largest note accepted, in characters. */
  public static final int MAX_LENGTH = 1 << 20;

  public SignedNote {
    Objects.requireNonNull(text, "text");
    signatures = List.copyOf(signatures);
  }

  /**
   * Signs a text.
   *
   * @throws IllegalArgumentException when the text is empty, does not end in a newline, has an
   *     empty line at its end or a control character other than newline
   */
  public static SignedNote sign(String text, NoteSigner... signers) {
    String problem = textProblem(text);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    List<NoteSignature> sigs = new ArrayList<>();
    for (NoteSigner s : signers) {
      sigs.add(s.sign(text));
    }
    return new SignedNote(text, sigs);
  }

  private static String textProblem(String text) {
    if (text.isEmpty() || !text.endsWith("\n")) {
      return "a note text must be non-empty and end in a newline";
    }
    if (text.endsWith("\n\n") || text.equals("\n")) {
      return "a note text must not end with an empty line (it would be taken for the separator)";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n') {
        return String.format("a note must not contain control character U+%04X (at %d)", (int) c, i);
      }
    }
    return null;
  }

  /**
   * Parses a signed note.
   *
   * @throws NoteException naming what is malformed: no blank line before the signatures, a bad
   *     signature line, a control character, too many signatures or too long
   */
  public static SignedNote parse(String note) throws NoteException {
    Objects.requireNonNull(note, "note");
    if (note.length() > MAX_LENGTH) {
      throw new NoteException("signed note is longer than " + MAX_LENGTH + " characters");
    }
    if (!note.endsWith("\n")) {
      throw new NoteException("a signed note ends in a newline");
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new NoteException("a signed note has a blank line between its text and its signatures; none found");
    }
    String text = note.substring(0, split + 1);
    String problem = textProblem(text);
    if (problem != null) {
      throw new NoteException(problem);
    }
    String block = note.substring(split + 2);
    if (block.isEmpty()) {
      throw new NoteException("a signed note has at least one signature line; none found");
    }
    List<NoteSignature> sigs = new ArrayList<>();
    for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
      if (sigs.size() == MAX_SIGNATURES) {
        throw new NoteException("signed note has more than " + MAX_SIGNATURES + " signatures");
      }
      for (int i = 0; i < line.length(); i++) {
        if (line.charAt(i) < 0x20) {
          throw new NoteException(String.format("signature line has control character U+%04X", (int) line.charAt(i)));
        }
      }
      sigs.add(NoteSignature.parse(line));
    }
    return new SignedNote(text, sigs);
  }

  /** The note as text: the text, a blank line, one line per signature. */
  public String format() {
    StringBuilder b = new StringBuilder(text).append('\n');
    for (NoteSignature s : signatures) {
      b.append(s.format()).append('\n');
    }
    return b.toString();
  }

  /**
   * Checks the signatures against known keys (C2SP signed-note, "Signatures"): lines from unknown
   * keys are ignored; a line whose key name and id match a known key must verify, or the whole
   * note is rejected; at least one known key must have signed.
   *
   * @return the known keys whose signatures verified
   * @throws NoteException when a known key's signature fails or no known key signed
   */
  public List<NoteVerifier> verify(Collection<NoteVerifier> known) throws NoteException {
    List<NoteVerifier> verified = new ArrayList<>();
    for (NoteSignature s : signatures) {
      for (NoteVerifier v : known) {
        if (v.matches(s)) {
          if (!v.verifies(text, s.signature())) {
            throw new NoteException("invalid signature for key " + v.name() + "+" + v.keyIdHex());
          }
          if (!verified.contains(v)) {
            verified.add(v);
          }
        }
      }
    }
    if (verified.isEmpty()) {
      List<String> names = new ArrayList<>();
      signatures.forEach(s -> names.add(s.keyName() + "+" + KeyNames.hex(s.keyId())));
      throw new NoteException("no signature from a known key (signed by " + names + ")");
    }
    return verified;
  }
}
