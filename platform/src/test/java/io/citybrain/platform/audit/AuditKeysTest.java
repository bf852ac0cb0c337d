package io.citybrain.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citybrain.governance.checkpoint.NoteSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeysTest {
  @TempDir Path tmp;

  @Test
  void aNewKeyIsPrivateToItsOwnerAndReadBackTheSame() throws Exception {
    Path file = AuditKeys.keyFile(tmp, Map.of());
    assertThat(file).isEqualTo(tmp.resolve("audit-signing.key"));
    NoteSigner created = AuditKeys.loadOrCreate(file);
    assertThat(created.name()).isEqualTo(AuditKeys.DEFAULT_ORIGIN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(AuditKeys.loadOrCreate(file).verifier()).isEqualTo(created.verifier());
  }

  @Test
  void aConfiguredKeyFileIsUsedAndAReadableOneRefused() throws Exception {
    Path elsewhere = tmp.resolve("secrets/log.key");
    assertThat(AuditKeys.keyFile(tmp, Map.of(AuditKeys.KEY_FILE_ENV, elsewhere.toString()))).isEqualTo(elsewhere);
    AuditKeys.loadOrCreate(elsewhere);
    Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> AuditKeys.loadOrCreate(elsewhere))
        .isInstanceOf(AuditKeys.AuditKeyException.class)
        .hasMessageContaining(elsewhere.toString())
        .hasMessageContaining("chmod 600");
  }
}
