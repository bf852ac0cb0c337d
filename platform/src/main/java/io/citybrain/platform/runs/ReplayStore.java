package io.citybrain.platform.runs;

import io.citybrain.platform.NotFoundException;
import io.citybrain.traffic.replay.ReplayWriter;
import io.citybrain.traffic.sim.SimNetwork;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Replay files of runs, on disk under {@code <dataDir>/replays/}: {@code run-<id>/} holds a
 * finished run's {@code replay_roadnet.json} and {@code replay.txt} (CityFlow's replay formats).
 * A run writes into {@code run-<id>.partial/}, which is renamed when the run ends and deleted if
 * it fails, so a replay folder is either complete or absent.
 */
public final class ReplayStore {
  private static final int INDEX_CACHE = 8;

  private final Path root;
  private final Map<Long, long[]> lineIndexes =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, long[]> eldest) {
          return size() > INDEX_CACHE;
        }
      };

  /** A store under {@code root} (created if missing). */
  public ReplayStore(Path root) {
    this.root = root;
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create replay folder " + root, e);
    }
  }

  /** A replay being recorded. */
  public final class Recording {
    private final long runId;
    private final Path partial;
    private final ReplayWriter writer;

    private Recording(long runId, Path partial, ReplayWriter writer) {
      this.runId = runId;
      this.partial = partial;
      this.writer = writer;
    }

    /** The writer to feed after each step. */
    public ReplayWriter writer() {
      return writer;
    }

    /** Closes the files and moves them into place. */
    public void commit() throws IOException {
      writer.close();
      Path target = folder(runId);
      deleteTree(target);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Closes and deletes the files. */
    public void discard() {
      try {
        writer.close();
      } catch (IOException ignored) {
        // deleting anyway
      }
      deleteTree(partial);
    }
  }

  /**
   * Starts recording run {@code runId} on {@code network}.
   *
   * @throws IOException when the folder cannot be written (the message names it)
   */
  public Recording begin(long runId, SimNetwork network) throws IOException {
    Path partial = root.resolve("run-" + runId + ".partial");
    deleteTree(partial);
    Files.createDirectories(partial);
    return new Recording(runId, partial, ReplayWriter.openIn(network, partial));
  }

  /** Deletes leftovers of runs that were recording when the server stopped. */
  public void discardPartials() {
    try (Stream<Path> s = Files.list(root)) {
      s.filter(p -> p.getFileName().toString().endsWith(".partial")).forEach(ReplayStore::deleteTree);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private Path folder(long runId) {
    return root.resolve("run-" + runId);
  }

  /** True when run {@code runId} has a complete replay. */
  public boolean exists(long runId) {
    return Files.isRegularFile(folder(runId).resolve(ReplayWriter.LOG_FILE));
  }

  /**
   * The replay roadnet file of a run.
   *
   * @throws NotFoundException when the run has no replay
   */
  public Path roadnet(long runId) {
    Path p = folder(runId).resolve(ReplayWriter.ROADNET_FILE);
    if (!Files.isRegularFile(p)) {
      throw new NotFoundException("run " + runId + " has no replay (start it with \"replay\": true)");
    }
    return p;
  }

  /**
   * Most bytes of frames one page returns (one frame more when a single frame is larger): a
   * city-scale run's 1,000 frames were 680 MB in one answer, and four or five at once ran the
   * server out of memory.
   */
  public static final int MAX_PAGE_BYTES = 8 * 1024 * 1024;

  /**
   * A page of replay log lines: at most {@code count} frames and at most {@link #MAX_PAGE_BYTES}
   * bytes of them (always at least one frame when any is left); the caller continues from {@code
   * from + frames.size()}.
   *
   * @param from first frame, from 0
   * @param count frames wanted
   * @return the frames (fewer at the end or at the byte cap), and the total
   * @throws NotFoundException when the run has no replay
   */
  public Frames frames(long runId, int from, int count) {
    Path log = folder(runId).resolve(ReplayWriter.LOG_FILE);
    if (!Files.isRegularFile(log)) {
      throw new NotFoundException("run " + runId + " has no replay (start it with \"replay\": true)");
    }
    long[] index = index(runId, log);
    int total = index.length - 1;
    int start = Math.max(0, Math.min(from, total));
    int end = Math.min(total, start + Math.max(0, count));
    while (end > start + 1 && index[end] - index[start] > MAX_PAGE_BYTES) {
      end--;
    }
    List<String> lines = new ArrayList<>(end - start);
    if (end > start) {
      try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
        byte[] buf = new byte[(int) (index[end] - index[start])];
        f.seek(index[start]);
        f.readFully(buf);
        String text = new String(buf, StandardCharsets.UTF_8);
        for (String line : text.split("\n", -1)) {
          if (lines.size() < end - start) {
            lines.add(line);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + log, e);
      }
    }
    return new Frames(start, total, lines);
  }

  /**
   * A page of the replay log.
   *
   * @param from index of the first frame returned
   * @param total frames in the log (= steps simulated)
   * @param frames the log lines, one per step
   */
  public record Frames(int from, int total, List<String> frames) {}

  /** Byte offset of the start of each line, plus the file length. */
  private long[] index(long runId, Path log) {
    synchronized (lineIndexes) {
      long[] cached = lineIndexes.get(runId);
      if (cached != null) {
        return cached;
      }
    }
    List<Long> offsets = new ArrayList<>();
    offsets.add(0L);
    try (var in = new java.io.BufferedInputStream(Files.newInputStream(log), 1 << 16)) {
      long pos = 0;
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            offsets.add(pos + i + 1);
          }
        }
        pos += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
    long[] index = offsets.stream().mapToLong(Long::longValue).toArray();
    synchronized (lineIndexes) {
      lineIndexes.put(runId, index);
    }
    return index;
  }

  private static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p, e);
    }
  }

  /** The folder holding the replays. */
  public Path root() {
    return root;
  }
}
