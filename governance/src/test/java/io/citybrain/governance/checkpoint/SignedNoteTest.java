package io.citybrain.governance.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Published vectors of the signed-note format: Go's {@code golang.org/x/mod/sumdb/note} tests
 * ({@code note_test.go}, key "PeterNeumann"; BSD-3-Clause) and the C2SP signed-note specification's
 * example ("example.com/foo"). Ed25519 is deterministic, so signing the same text with the same key
 * must give the published bytes.
 */
class SignedNoteTest {
  static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  static final String PETER_TEXT =
      "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  static final String PETER_NOTE =
      PETER_TEXT
          + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

  static final String C2SP_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
  static final String C2SP_NOTE =
      "This is an example message.\n\n\u2014 example.com/foo"
          + " Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

  @Test
  void theGoSignerKeyYieldsThePublishedVerifierKeyAndSignature() throws NoteException {
    NoteSigner signer = NoteSigner.parse(PETER_SKEY);
    assertThat(signer.verifier().verifierKey()).isEqualTo(PETER_VKEY);
    assertThat(signer.verifier().keyIdHex()).isEqualTo("c74f20a3");
    assertThat(signer.signerKey()).isEqualTo(PETER_SKEY);
    assertThat(SignedNote.sign(PETER_TEXT, signer).format()).isEqualTo(PETER_NOTE);
    assertThat(signer.toString()).doesNotContain("AYEKFALV");
  }

  @Test
  void publishedNotesVerifyWithTheirVerifierKeys() throws NoteException {
    SignedNote peter = SignedNote.parse(PETER_NOTE);
    assertThat(peter.text()).isEqualTo(PETER_TEXT);
    assertThat(peter.verify(List.of(NoteVerifier.parse(PETER_VKEY)))).extracting(NoteVerifier::name).containsExactly("PeterNeumann");

    SignedNote example = SignedNote.parse(C2SP_NOTE);
    assertThat(example.text()).isEqualTo("This is an example message.\n");
    assertThat(example.verify(List.of(NoteVerifier.parse(C2SP_VKEY)))).hasSize(1);
    assertThat(example.format()).isEqualTo(C2SP_NOTE);
  }

  @Test
  void aChangedTextOrSignatureIsRejected() throws NoteException {
    NoteVerifier peter = NoteVerifier.parse(PETER_VKEY);
    SignedNote changed = SignedNote.parse(PETER_NOTE.replace("answer", "Answer"));
    assertThatThrownBy(() -> changed.verify(List.of(peter)))
        .isInstanceOf(NoteException.class)
        .hasMessage("invalid signature for key PeterNeumann+c74f20a3");
    String flipped = PETER_NOTE.replace("x08go", "x08gp");
    assertThatThrownBy(() -> SignedNote.parse(flipped).verify(List.of(peter))).isInstanceOf(NoteException.class);
  }

  @Test
  void signaturesOfUnknownKeysAreIgnoredButOneKnownKeyMustSign() throws NoteException {
    NoteSigner other = NoteSigner.generate("PeterNeumann");
    SignedNote both = SignedNote.sign(PETER_TEXT, other, NoteSigner.parse(PETER_SKEY));
    assertThat(both.verify(List.of(NoteVerifier.parse(PETER_VKEY)))).hasSize(1);
    SignedNote onlyOther = SignedNote.sign(PETER_TEXT, other);
    assertThatThrownBy(() -> onlyOther.verify(List.of(NoteVerifier.parse(PETER_VKEY))))
        .isInstanceOf(NoteException.class)
        .hasMessageStartingWith("no signature from a known key");
  }

  @Test
  void malformedNotesAndKeysAreNamed() {
    assertThatThrownBy(() -> SignedNote.parse("text\n")).hasMessageContaining("blank line");
    assertThatThrownBy(() -> SignedNote.parse("text\n\n- PeterNeumann AAAA\n")).hasMessageContaining("em dash");
    assertThatThrownBy(() -> SignedNote.parse("te\u0007xt\n\n\u2014 a AAAAAAAA\n")).hasMessageContaining("U+0007");
    assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
        .hasMessageContaining("does not match");
    assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
        .hasMessageContaining("0x65");
    assertThatThrownBy(() -> NoteSigner.parse("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDF="))
        .isInstanceOf(NoteException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("AYEKFALV"));
    assertThatThrownBy(() -> NoteSigner.generate("a b")).isInstanceOf(IllegalArgumentException.class);
  }
}
