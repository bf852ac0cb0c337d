package io.citybrain.governance.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.governance.merkle.Sha256Hash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C2SP checkpoints: the specification's example, signing and opening, and the key file. */
class CheckpointTest {
  @TempDir Path dir;

  /** The example of https://c2sp.org/tlog-checkpoint. */
  static final String C2SP_TEXT = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

  @Test
  void theSpecificationsExampleParsesAndIsWrittenBackByteForByte() throws NoteException {
    Checkpoint c = Checkpoint.parse(C2SP_TEXT);
    assertThat(c.origin()).isEqualTo("example.com/behind-the-sofa");
    assertThat(c.size()).isEqualTo(20852163L);
    assertThat(c.root().hex()).isEqualTo("0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62");
    assertThat(c.text()).isEqualTo(C2SP_TEXT);
    assertThat(Checkpoint.parse(C2SP_TEXT + "an extension\n").extensions()).containsExactly("an extension");
  }

  @Test
  void aSignedCheckpointOpensOnlyWithItsLogsKey() throws NoteException {
    NoteSigner log = NoteSigner.generate("citybrain.test/audit");
    Checkpoint c = Checkpoint.of("citybrain.test/audit", 3, Sha256Hash.fromHex("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"));
    String note = c.sign(log).format();
    assertThat(note).startsWith("citybrain.test/audit\n3\nrra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=\n\n\u2014 citybrain.test/audit ");
    assertThat(Checkpoint.open(note, log.verifier())).isEqualTo(c);

    NoteSigner otherLog = NoteSigner.generate("citybrain.test/other");
    String foreign = Checkpoint.of("citybrain.test/audit", 3, c.root()).sign(otherLog).format();
    assertThatThrownBy(() -> Checkpoint.open(foreign, log.verifier())).hasMessageStartingWith("no signature from a known key");
    assertThatThrownBy(() -> Checkpoint.open(foreign, otherLog.verifier()))
        .hasMessage("checkpoint is from log 'citybrain.test/audit' but the key is for 'citybrain.test/other'");
    String bigger = note.replaceFirst("\n3\n", "\n4\n");
    assertThatThrownBy(() -> Checkpoint.open(bigger, log.verifier())).hasMessageStartingWith("invalid signature");
  }

  @Test
  void malformedCheckpointLinesAreNamed() {
    assertThatThrownBy(() -> Checkpoint.parse("log\n007\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")).hasMessageContaining("line 2");
    assertThatThrownBy(() -> Checkpoint.parse("log\n7\nCsUY\n")).hasMessageContaining("line 3");
    assertThatThrownBy(() -> Checkpoint.parse("log\n7\n")).hasMessageContaining("at least 3 lines");
  }

  @Test
  void theKeyFileIsCreatedOnceReadableByItsOwnerOnly() throws Exception {
    Path file = dir.resolve("keys").resolve("audit-signing.key");
    NoteSigner first = SigningKeyFile.loadOrCreate(file, "citybrain.test/audit");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file)).isEqualTo(first.signerKey() + "\n");
    NoteSigner again = SigningKeyFile.loadOrCreate(file, "citybrain.test/audit");
    assertThat(again.verifier()).isEqualTo(first.verifier());
    assertThat(dir.resolve("keys")).isDirectoryContaining(p -> p.getFileName().toString().equals("audit-signing.key"));
    try (var files = Files.list(dir.resolve("keys"))) {
      assertThat(files.count()).as("no temporary file left").isEqualTo(1);
    }

    assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file, "citybrain.test/another-log")).hasMessageContaining("another-log");

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> SigningKeyFile.load(file)).hasMessageContaining("chmod 600");

    Path broken = dir.resolve("broken.key");
    Files.writeString(broken, "not a key\n");
    Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> SigningKeyFile.load(broken)).hasMessageContaining("broken.key").hasMessageContaining("PRIVATE+KEY+");
  }
}
