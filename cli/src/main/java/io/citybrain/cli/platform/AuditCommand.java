package io.citybrain.cli.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.citybrain.cli.CliErrors.UsageException;
import io.citybrain.commons.exit.ExitCode;
import io.citybrain.commons.io.AtomicFiles;
import io.citybrain.governance.checkpoint.Checkpoint;
import io.citybrain.governance.checkpoint.NoteException;
import io.citybrain.governance.checkpoint.NoteVerifier;
import io.citybrain.governance.merkle.ConsistencyProof;
import io.citybrain.governance.merkle.InclusionProof;
import io.citybrain.governance.merkle.ProofException;
import io.citybrain.governance.merkle.Sha256Hash;
import io.citybrain.governance.merkle.TreeHasher;
import io.citybrain.platform.Platform;
import io.citybrain.platform.audit.AuditKeys;
import io.citybrain.platform.audit.AuditVerification;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code citybrain audit}: the verifiable audit log (docs/audit.md). {@code checkpoint} gets a
 * signed tree head to keep, {@code prove} an inclusion or consistency proof, {@code verify} checks
 * the log: the whole stored log (database access), and, given a kept checkpoint and the pinned
 * verifier key, that the log now is an extension of what that checkpoint signed. Exit 3 when a
 * check fails.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Check the platform's audit log: signed checkpoints, inclusion and consistency proofs.",
    footer = {
      "",
      "Examples:",
      "  citybrain audit checkpoint --out kept.checkpoint",
      "  citybrain audit verify --checkpoint kept.checkpoint --key \"$(cat audit.vkey)\" --update",
      "  citybrain audit prove --seq 12 --server http://127.0.0.1:8080",
      "  citybrain audit verify --db jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
    },
    subcommands = {AuditCommand.CheckpointCmd.class, AuditCommand.Prove.class, AuditCommand.Verify.class})
public final class AuditCommand {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Where to read the log: {@code --server}, else the database options. */
  static final class SourceOptions {
    @Option(
        names = "--server",
        paramLabel = "URL",
        description = "Ask a running server, e.g. http://127.0.0.1:8080 (default: read the database of --data-dir or --db).")
    String server;

    @Option(
        names = "--token",
        paramLabel = "TOKEN",
        defaultValue = "${env:CITYBRAIN_TOKEN}",
        description = "Bearer token for --server (default: environment variable CITYBRAIN_TOKEN; loopback reads need none).")
    String token;

    @Mixin DatabaseOptions database;

    AuditSource open() {
      if (server != null) {
        return AuditSource.remote(server, token);
      }
      return AuditSource.local(Platform.openForAdmin(database.existingSettings(), database.dataDir()));
    }

    /** The verifier key of the local signing key, when reading the database and the key file exists. */
    Optional<NoteVerifier> localKey() {
      if (server != null) {
        return Optional.empty();
      }
      return new AuditKeys.Source(AuditKeys.keyFile(database.dataDir())).existing().map(s -> s.verifier());
    }
  }

  /** The verifier key from {@code --key}: the key text, or a file holding it. */
  static Optional<NoteVerifier> parseKey(String key) {
    if (key == null) {
      return Optional.empty();
    }
    String text = key.strip();
    try {
      Path p = Path.of(text);
      if (!text.contains("+") && Files.isRegularFile(p)) {
        text = Files.readString(p, StandardCharsets.UTF_8).strip();
      }
    } catch (java.nio.file.InvalidPathException | IOException e) {
      // not a file: the key text itself
    }
    try {
      return Optional.of(NoteVerifier.parse(text));
    } catch (NoteException e) {
      throw new UsageException("--key: " + e.getMessage() + "; expected the verifier key of GET /api/audit/key (or a file holding it)");
    }
  }

  static Checkpoint readKept(Path file, NoteVerifier key) throws IOException {
    String note;
    try {
      note = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UsageException("--checkpoint " + file + " does not exist; expected a checkpoint kept from 'citybrain audit checkpoint --out'");
    }
    try {
      return Checkpoint.open(note, key);
    } catch (NoteException e) {
      throw new VerificationFailure("the kept checkpoint " + file + " does not open with key " + key.verifierKey() + ": " + e.getMessage());
    }
  }

  /** A check failed: exit 3. */
  static final class VerificationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VerificationFailure(String message) {
      super(message);
    }
  }

  static int failed(CommandSpec spec, String message) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("audit log verification FAILED: " + message);
    out.flush();
    return ExitCode.VERIFICATION_FAILED.code();
  }

  /** {@code citybrain audit checkpoint}. */
  @Command(
      name = "checkpoint",
      mixinStandardHelpOptions = true,
      description = {
        "Print (or save) a signed checkpoint of the audit log as it is now: the C2SP checkpoint text (origin, tree size,",
        "base64 root) with the log's Ed25519 signature. Keep it: 'audit verify --checkpoint' later checks the log against it."
      },
      footer = {"", "Examples:", "  citybrain audit checkpoint --out kept.checkpoint",
        "  citybrain audit checkpoint --server http://127.0.0.1:8080"})
  public static final class CheckpointCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SourceOptions source;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the checkpoint to FILE (atomically) instead of printing it.")
    Path out;

    @Override
    public Integer call() throws IOException {
      try (AuditSource s = source.open()) {
        String note = s.checkpointNote();
        if (out != null) {
          AtomicFiles.writeString(out, note);
          spec.commandLine().getErr().println("checkpoint of " + note.split("\n")[1] + " entries written to " + out);
          spec.commandLine().getErr().flush();
        } else {
          spec.commandLine().getOut().print(note);
          spec.commandLine().getOut().flush();
        }
        return ExitCode.OK.code();
      }
    }
  }

  /** {@code citybrain audit prove}. */
  @Command(
      name = "prove",
      mixinStandardHelpOptions = true,
      description = {
        "Print an inclusion proof (--seq) or a consistency proof (--from) as JSON, and check it: against the kept",
        "checkpoint when --checkpoint and --key are given (exit 3 if it fails), else against the log's own root."
      },
      footer = {"", "Examples:", "  citybrain audit prove --seq 12", "  citybrain audit prove --from 100 --to 250 --server http://127.0.0.1:8080",
        "  citybrain audit prove --seq 12 --checkpoint kept.checkpoint --key audit.vkey"})
  public static final class Prove implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SourceOptions source;

    @Option(names = "--seq", paramLabel = "N", description = "Prove that entry N is in the log.")
    Long seq;

    @Option(names = "--tree-size", paramLabel = "M", description = "... in the tree of M entries (default: the kept checkpoint's size, else the log's).")
    Long treeSize;

    @Option(names = "--from", paramLabel = "M", description = "Prove that the log of M entries is a prefix of the log of --to entries.")
    Long from;

    @Option(names = "--to", paramLabel = "N", description = "Newer tree size for --from (default: the log's current size).")
    Long to;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "A kept checkpoint to check the proof against (needs --key).")
    Path checkpoint;

    @Option(names = "--key", paramLabel = "VKEY", description = "The pinned verifier key (text or a file holding it).")
    String key;

    @Override
    public Integer call() throws IOException {
      if ((seq == null) == (from == null)) {
        throw new UsageException("give exactly one of --seq (inclusion proof) and --from (consistency proof)");
      }
      Optional<NoteVerifier> vkey = parseKey(key).or(source::localKey);
      Optional<Checkpoint> kept = Optional.empty();
      if (checkpoint != null) {
        if (vkey.isEmpty()) {
          throw new UsageException("--checkpoint needs --key, the verifier key the checkpoint is signed with");
        }
        try {
          kept = Optional.of(readKept(checkpoint, vkey.get()));
        } catch (VerificationFailure f) {
          return failed(spec, f.getMessage());
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      try (AuditSource s = source.open()) {
        if (seq != null) {
          long size = treeSize != null ? treeSize : kept.map(Checkpoint::size).orElse(-1L);
          if (size < 0) {
            size = Checkpoint.parse(io.citybrain.governance.checkpoint.SignedNote.parse(s.checkpointNote()).text()).size();
          }
          JsonNode p = s.inclusion(seq, size);
          out.println(JSON.writeValueAsString(p));
          Sha256Hash leaf = TreeHasher.leafHash(p.get("leaf").asText().getBytes(StandardCharsets.UTF_8));
          Sha256Hash root = kept.filter(k -> k.size() == p.get("treeSize").asLong()).map(Checkpoint::root)
              .orElse(Sha256Hash.fromHex(p.get("rootHash").asText()));
          try {
            new InclusionProof(seq - 1, p.get("treeSize").asLong(), hashes(p.get("path"))).verify(leaf, root);
          } catch (ProofException e) {
            return failed(spec, "inclusion proof of entry " + seq + ": " + e.getMessage());
          }
          spec.commandLine().getErr().println("inclusion proof of entry " + seq + " in " + p.get("treeSize").asLong() + " entries verified against "
              + (kept.isPresent() && kept.get().size() == p.get("treeSize").asLong() ? "the kept checkpoint" : "the log's own root"));
        } else {
          long newSize = to != null ? to
              : Checkpoint.parse(io.citybrain.governance.checkpoint.SignedNote.parse(s.checkpointNote()).text()).size();
          List<Sha256Hash> path = s.consistencyPath(from, newSize);
          out.println(JSON.writeValueAsString(
              java.util.Map.of("from", from, "to", newSize, "path", path.stream().map(Sha256Hash::hex).toList())));
          spec.commandLine().getErr().println("consistency proof from " + from + " to " + newSize + " entries: " + path.size() + " hashes"
              + " (check it against two checkpoints with 'audit verify --checkpoint')");
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return ExitCode.OK.code();
      } catch (NoteException e) {
        return failed(spec, "the log's checkpoint is malformed: " + e.getMessage());
      }
    }
  }

  static List<Sha256Hash> hashes(JsonNode array) {
    List<Sha256Hash> out = new ArrayList<>();
    array.forEach(h -> out.add(Sha256Hash.fromHex(h.asText())));
    return out;
  }

  /** {@code citybrain audit verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check the audit log. Reading the database: every entry, the hash chain, the Merkle tree and the stored signed",
        "checkpoints. With --checkpoint FILE (a checkpoint you kept) and --key (the pinned verifier key): also that the",
        "log's newest checkpoint is signed by that key and is consistent with the kept one (the log only grew);",
        "with --server only this part, which needs no database access. Exit code 0 when intact, 3 when not."
      },
      footer = {"", "Examples:", "  citybrain audit verify",
        "  citybrain audit verify --server http://127.0.0.1:8080 --checkpoint kept.checkpoint --key audit.vkey --update",
        "  citybrain audit verify --db jdbc:postgresql://127.0.0.1:5432/citybrain?user=citybrain"})
  public static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SourceOptions source;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint kept earlier ('audit checkpoint --out').")
    Path checkpoint;

    @Option(names = "--key", paramLabel = "VKEY", description = "The pinned verifier key (text or a file holding it); "
        + "default when reading the database: the public half of the data folder's signing key.")
    String key;

    @Option(names = "--update", description = "After a successful check, replace the --checkpoint file with the newer checkpoint.")
    boolean update;

    @Override
    public Integer call() throws IOException {
      if (source.server != null && checkpoint == null) {
        throw new UsageException("--server needs --checkpoint (and --key): a remote log is checked against a checkpoint you kept");
      }
      if (update && checkpoint == null) {
        throw new UsageException("--update needs --checkpoint");
      }
      if (checkpoint != null && !Files.isRegularFile(checkpoint)) {
        throw new UsageException("--checkpoint " + checkpoint + " does not exist; expected a checkpoint kept from 'citybrain audit checkpoint --out'");
      }
      Optional<NoteVerifier> vkey = parseKey(key);
      if (vkey.isEmpty() && source.server == null) {
        vkey = source.localKey();
      }
      if (checkpoint != null && vkey.isEmpty()) {
        throw new UsageException("--checkpoint needs --key, the verifier key the checkpoints are signed with (GET /api/audit/key; pin it once)");
      }
      PrintWriter out = spec.commandLine().getOut();
      Checkpoint kept = null;
      if (checkpoint != null) {
        try {
          kept = readKept(checkpoint, vkey.get());
        } catch (VerificationFailure f) {
          return failed(spec, f.getMessage());
        }
      }
      if (source.server == null) {
        try (Platform p = Platform.openForAdmin(source.database.existingSettings(), source.database.dataDir())) {
          AuditVerification v = p.audit().verify(kept == null ? List.of() : List.of(kept), vkey.map(List::of).orElse(List.of()));
          out.println(v.describe());
          out.flush();
          if (!v.intact()) {
            return ExitCode.VERIFICATION_FAILED.code();
          }
          if (kept == null) {
            return ExitCode.OK.code();
          }
          return checkAgainstKept(AuditSource.local(p), kept, vkey.get());
        }
      }
      try (AuditSource s = source.open()) {
        return checkAgainstKept(s, kept, vkey.get());
      }
    }

    private int checkAgainstKept(AuditSource s, Checkpoint kept, NoteVerifier key) throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Checkpoint now;
      String note = s.checkpointNote();
      try {
        now = Checkpoint.open(note, key);
      } catch (NoteException e) {
        return failed(spec, "the log's newest checkpoint does not verify with key " + key.verifierKey() + ": " + e.getMessage());
      }
      if (now.size() < kept.size()) {
        return failed(spec, "the log now has " + now.size() + " entries, fewer than the " + kept.size()
            + " of the kept checkpoint: entries were removed");
      }
      try {
        if (now.size() == kept.size()) {
          if (!now.root().equals(kept.root())) {
            throw new ProofException("same size " + now.size() + " but a different root: " + kept.root().hex() + " kept, " + now.root().hex() + " now");
          }
        } else {
          new ConsistencyProof(kept.size(), now.size(), s.consistencyPath(kept.size(), now.size())).verify(kept.root(), now.root());
        }
      } catch (ProofException e) {
        return failed(spec, "the log is not an extension of the kept checkpoint of " + kept.size() + " entries: " + e.getMessage());
      }
      out.println("consistent: the kept checkpoint of " + kept.size() + " entries is a prefix of the log's newest checkpoint of "
          + now.size() + " entries (root " + now.root().hex() + "), signed by " + key.name() + "+" + key.keyIdHex());
      if (update) {
        AtomicFiles.writeString(checkpoint, note);
        out.println("kept checkpoint updated to " + now.size() + " entries: " + checkpoint);
      }
      out.flush();
      return ExitCode.OK.code();
    }
  }
}
