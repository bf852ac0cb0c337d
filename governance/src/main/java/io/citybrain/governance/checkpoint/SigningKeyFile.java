package io.citybrain.governance.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A note signing key in a file of one line, the signer key text ({@link NoteSigner#signerKey()}),
 * readable and writable by its owner only ({@code rw-------}). Created on first use; a key file that
 * others may read is refused (as ssh refuses such private keys), since anyone who can read it can
 * sign checkpoints in the log's name.
 */
public final class SigningKeyFile {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private SigningKeyFile() {}

  /**
   * The key in {@code file}, or a new one named {@code name} written there when there is none.
   * Two processes creating it at once end up with the same key: the file appears whole, once.
   *
   * @throws NoteException when the file exists but is not a key, is readable by others, or names
   *     another log
   * @throws IOException when it cannot be read or created
   */
  public static NoteSigner loadOrCreate(Path file, String name) throws NoteException, IOException {
    if (!Files.exists(file)) {
      try {
        create(file, NoteSigner.generate(name));
      } catch (FileAlreadyExistsException raced) {
        // another process created it first: use theirs
      }
    }
    NoteSigner signer = load(file);
    if (!signer.name().equals(name)) {
      throw new NoteException(
          "signing key " + file + " is for '" + signer.name() + "', but this log's origin is '" + name + "'");
    }
    return signer;
  }

  /**
   * Reads a key file.
   *
   * @throws NoteException when it is not a signer key or others may read it
   * @throws IOException when it cannot be read
   */
  public static NoteSigner load(Path file) throws NoteException, IOException {
    String text;
    try {
      checkOwnerOnly(file);
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new NoteException("no signing key file " + file, e);
    }
    try {
      return NoteSigner.parse(text);
    } catch (NoteException e) {
      throw new NoteException("signing key file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a new key file, which must not exist yet: the key is written and synced to a temporary
   * file of the same folder first, then linked into place, so the file never exists half-written.
   *
   * @throws FileAlreadyExistsException when {@code file} exists
   */
  public static void create(Path file, NoteSigner signer) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      if (posix(dir)) {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(tmp);
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap((signer.signerKey() + "\n").getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      Files.createLink(file, tmp);
      syncFolder(dir);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static boolean posix(Path dir) {
    return Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
  }

  private static void checkOwnerOnly(Path file) throws IOException, NoteException {
    if (!posix(file.toAbsolutePath().getParent())) {
      return;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    Set<PosixFilePermission> others = EnumSet.copyOf(perms);
    others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
    if (!others.isEmpty()) {
      throw new NoteException(
          "signing key file " + file + " is readable or writable by others (" + PosixFilePermissions.toString(perms)
              + "); make it private with 'chmod 600 " + file + "'");
    }
  }

  private static void syncFolder(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a folder; the key file itself is synced
    }
  }
}
