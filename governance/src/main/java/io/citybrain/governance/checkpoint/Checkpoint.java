package io.citybrain.governance.checkpoint;

import io.citybrain.governance.merkle.Sha256Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A log's tree head as the text of a C2SP checkpoint (https://c2sp.org/tlog-checkpoint):
 *
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size, decimal, no leading zeros&gt;
 * &lt;root hash, standard base64&gt;
 * [extension lines]
 * </pre>
 *
 * The origin names the log; its signing key carries the same name. This log writes no extension
 * lines (the format advises against them) and accepts any.
 *
 * @param origin the log's identity, non-empty, without spaces or plus signs
 * @param size number of leaves, &ge; 0
 * @param root the RFC 6962 root of those leaves
 * @param extensions extension lines, each non-empty (usually none)
 */
public record Checkpoint(String origin, long size, Sha256Hash root, List<String> extensions) {
  public Checkpoint {
    KeyNames.check(origin);
    Objects.requireNonNull(root, "root");
    if (size < 0) {
      throw new IllegalArgumentException("a checkpoint's tree size must be >= 0, got " + size);
    }
    extensions = List.copyOf(extensions);
    for (String e : extensions) {
      if (e.isEmpty() || e.contains("\n")) {
        throw new IllegalArgumentException("checkpoint extension lines must be non-empty single lines, got '" + e + "'");
      }
    }
  }

  /** A checkpoint without extension lines. */
  public static Checkpoint of(String origin, long size, Sha256Hash root) {
    return new Checkpoint(origin, size, root, List.of());
  }

  /** The note text, ending in a newline. */
  public String text() {
    StringBuilder b = new StringBuilder().append(origin).append('\n').append(size).append('\n').append(root.base64()).append('\n');
    extensions.forEach(e -> b.append(e).append('\n'));
    return b.toString();
  }

  /**
   * Parses a checkpoint's note text.
   *
   * @throws NoteException naming the line that is wrong
   */
  public static Checkpoint parse(String text) throws NoteException {
    if (!text.endsWith("\n")) {
      throw new NoteException("checkpoint text must end in a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new NoteException("a checkpoint has at least 3 lines (origin, tree size, root hash), got " + lines.length);
    }
    String sizeLine = lines[1];
    if (!sizeLine.matches("0|[1-9][0-9]{0,18}")) {
      throw new NoteException("checkpoint line 2 (tree size) must be a decimal number without leading zeros, got '" + sizeLine + "'");
    }
    long size;
    try {
      size = Long.parseLong(sizeLine);
    } catch (NumberFormatException e) {
      throw new NoteException("checkpoint line 2 (tree size) is out of range: '" + sizeLine + "'", e);
    }
    Sha256Hash root;
    try {
      root = Sha256Hash.fromBase64(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new NoteException("checkpoint line 3 (root hash): " + e.getMessage(), e);
    }
    List<String> ext = new ArrayList<>();
    for (int i = 3; i < lines.length; i++) {
      ext.add(lines[i]);
    }
    try {
      return new Checkpoint(lines[0], size, root, ext);
    } catch (IllegalArgumentException e) {
      throw new NoteException("checkpoint: " + e.getMessage(), e);
    }
  }

  /** Signs this checkpoint. */
  public SignedNote sign(NoteSigner signer) {
    return SignedNote.sign(text(), signer);
  }

  /**
   * Parses a signed checkpoint and checks its signature by {@code verifier}, which must carry the
   * checkpoint's origin as its name.
   *
   * @throws NoteException when it is malformed, not signed by the key, or from another log
   */
  public static Checkpoint open(String signedNote, NoteVerifier verifier) throws NoteException {
    SignedNote note = SignedNote.parse(signedNote);
    note.verify(List.of(verifier));
    Checkpoint c = parse(note.text());
    if (!c.origin().equals(verifier.name())) {
      throw new NoteException(
          "checkpoint is from log '" + c.origin() + "' but the key is for '" + verifier.name() + "'");
    }
    return c;
  }
}
