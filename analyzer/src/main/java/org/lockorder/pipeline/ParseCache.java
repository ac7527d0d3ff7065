package org.lockorder.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.lockorder.report.Report;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Parsed and lowered files kept on disk between runs, one file per entry, named by a SHA-256 of
 * everything the entry depends on: the cache format, the tool build, the lock model's fingerprint,
 * the file's display path and its bytes ({@link #key}), and the header macros its lock model
 * expands ({@link #withMacros}). So an edited file or header, another lock model or another build
 * simply misses. A whole run's report is kept too, named by the content keys of all its files
 * (headers included, so the macros need not be scanned to find it) and the run's settings: a run
 * over unchanged inputs reads it instead of analyzing again. An entry that cannot be read back
 * completely (truncated, corrupted, written by an incompatible build) is ignored and replaced;
 * the cache never changes a result, only its cost.
 */
final class ParseCache {
  private static final String FORMAT = "lockorder-parse-cache-21";
  private static final String RUN_FORMAT = "lockorder-run-cache-2";
  private static final String MEMO_FORMAT = "lockorder-summary-memo-file-7";
  private static final byte[] MAGIC = "LOPC".getBytes(StandardCharsets.US_ASCII);

  private final Path dir;
  private final String build;

  ParseCache(Path dir) {
    this.dir = dir;
    this.build = buildId();
  }

  /** The entry key for one file's bytes under one lock model. */
  String key(String displayPath, String modelFingerprint, byte[] content) {
    MessageDigest md = sha256();
    update(md, List.of(FORMAT, build, modelFingerprint, displayPath));
    md.update(content);
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * The parse-cache key of a file whose {@link #key} is {@code contentKey}, parsed with macros
   * whose fingerprint is {@code macros}: the macros come from the headers, after the run's
   * report was looked up by the content keys alone.
   */
  String withMacros(String contentKey, String macros) {
    MessageDigest md = sha256();
    update(md, List.of(FORMAT, contentKey, "macros=" + macros));
    return HexFormat.of().formatHex(md.digest());
  }

  /** The cached result, or null on a miss or an unusable entry. */
  ParsedFile get(String key) {
    return read(key) instanceof ParsedFile pf ? pf : null;
  }

  /** Entries put and not yet given to the writer, from every parser thread. */
  private final List<Pending> pending = new ArrayList<>();
  private Thread writer;

  private record Pending(String key, ParsedFile file) {}

  /**
   * Keeps an entry for {@link #writeInBackground}: encoding and compressing Linux 6.1 fs/+mm/'s
   * entries was a tenth of a first run's parse, on the parser's own thread, while the analysis
   * after the parse leaves the second core mostly idle. Failures to write (read-only disk, full
   * disk) only cost the next run its time.
   */
  synchronized void put(String key, ParsedFile file) {
    pending.add(new Pending(key, file));
  }

  /**
   * Writes the entries put so far on a thread of its own, while the caller goes on (the entries
   * are immutable IR, only read). {@link #awaitWrites} must follow before the run ends.
   */
  synchronized void writeInBackground() {
    if (pending.isEmpty()) return;
    List<Pending> todo = new ArrayList<>(pending);
    pending.clear();
    Thread previous = writer;
    writer = new Thread(() -> {
      join(previous);
      for (Pending e : todo) write(e.key(), e.file());
    }, "lockorder-parse-cache-writer");
    writer.start();
  }

  /** Waits until every entry put is on disk (or failed to be written). */
  void awaitWrites() {
    Thread w;
    synchronized (this) {
      w = writer;
    }
    join(w);
    List<Pending> rest;
    synchronized (this) {
      rest = new ArrayList<>(pending);
      pending.clear();
    }
    for (Pending e : rest) write(e.key(), e.file());
  }

  private static void join(Thread t) {
    if (t == null) return;
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the entries are still wanted; keep the interrupt for the caller
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  /**
   * The key of a whole run's report: every input file's entry key (its path, bytes and lock
   * model, and the build) in order, plus {@code settings}, everything else the report depends on.
   */
  String runKey(List<String> fileKeys, List<String> settings) {
    return digest(RUN_FORMAT, settings, fileKeys);
  }

  /** The digest of a format, this build, {@code settings}, then {@code items}. */
  private String digest(String format, List<String> settings, List<String> items) {
    MessageDigest md = sha256();
    update(md, List.of(format, build));
    update(md, settings);
    md.update((byte) 1);
    update(md, items);
    return HexFormat.of().formatHex(md.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** Each string, then a 0 byte: no two lists of strings feed the digest the same bytes. */
  private static void update(MessageDigest md, List<String> parts) {
    for (String s : parts) {
      md.update(s.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
    }
  }

  /** The tool build the entries belong to. */
  String build() {
    return build;
  }

  /**
   * Where the summary memo of runs over {@code paths} with {@code settings} is kept (ADR-009): one
   * file per set of inputs, so analyzing two trees with one cache directory keeps both.
   */
  Path memoFile(List<String> paths, List<String> settings) {
    return dir.resolve("summaries").resolve(digest(MEMO_FORMAT, settings, paths) + ".bin");
  }

  /** A whole run's cached report, or null on a miss or an unusable entry. */
  Report getReport(String runKey) {
    return read(runKey) instanceof Report r ? r : null;
  }

  void putReport(String runKey, Report report) {
    write(runKey, report);
  }

  /** The entry stored under {@code key}, or null on a miss or an unusable entry. */
  private Object read(String key) {
    Path p = path(key);
    if (!Files.isRegularFile(p)) return null;
    try {
      byte[] file = Files.readAllBytes(p);
      if (file.length < MAGIC.length || !java.util.Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) return null;
      RecordCodec.Reader reader = inflated(file, MAGIC.length);
      if (reader == null) return null;
      if (!key.equals(reader.read())) return null;
      Object o = reader.read();
      return reader.atEnd() ? o : null; // trailing bytes: not what this build wrote
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * A reader of the bytes {@code from} on of {@code file} inflated; null when they are not a whole
   * deflate stream. It reads this thread's {@link Inflation} in place, and is done with before the
   * thread inflates another entry.
   */
  private static RecordCodec.Reader inflated(byte[] file, int from) {
    Inflation inflation = Inflation.ofThisThread();
    if (!inflation.inflate(file, from, file.length - from)) return null;
    return new RecordCodec.Reader(inflation.bytes(), 0, inflation.length());
  }

  /**
   * Writes the entry to a temporary file, then moves it into place. The fastest compression
   * level: on Linux 6.1 fs/+mm/ (90 MB of entries) it compresses to 21 MB in a third of the
   * time of the default level's 17 MB, and writing the cache is part of a first run's parse.
   */
  private void write(String key, Object value) {
    Path p = path(key);
    Path tmp = null;
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      RecordCodec.Writer entry = new RecordCodec.Writer();
      entry.write(key);
      entry.write(value);
      Files.createDirectories(p.getParent());
      tmp = Files.createTempFile(p.getParent(), key.substring(0, 8), ".tmp");
      try (OutputStream raw = Files.newOutputStream(tmp)) {
        raw.write(MAGIC);
        DeflaterOutputStream out = new DeflaterOutputStream(raw, deflater, 1 << 16);
        out.write(entry.buffer(), 0, entry.size());
        out.finish();
      }
      moveIntoPlace(tmp, p);
      tmp = null;
    } catch (IOException | RuntimeException e) {
      // not cached
    } finally {
      deflater.end();
      deleteQuietly(tmp);
    }
  }

  /** Replaces {@code target} by {@code written} at once where the file system allows it. */
  static void moveIntoPlace(Path written, Path target) throws IOException {
    try {
      Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a leftover temporary file, if any; one that cannot be deleted is left. */
  static void deleteQuietly(Path p) {
    if (p == null) return;
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // leave it
    }
  }

  /**
   * For a build run from a classes directory (tests, development): a digest of every class file's
   * name, size and time, so that changed analysis code does not read reports of the old one.
   */
  private static String classesStamp(Path dir) throws IOException {
    MessageDigest md = sha256();
    List<Path> files;
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
    for (Path f : files) {
      md.update((dir.relativize(f) + ":" + Files.size(f) + ":" + Files.getLastModifiedTime(f).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest(), 0, 8);
  }

  private Path path(String key) {
    return dir.resolve(key.substring(0, 2)).resolve(key + ".bin");
  }

  /**
   * The version plus, when running from a jar, its size and time: development builds share a
   * version number but not their IR.
   */
  private static String buildId() {
    String id = Version.get();
    try {
      Path code = Path.of(ParseCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(code)) id += ":" + Files.size(code) + ":" + Files.getLastModifiedTime(code).toMillis();
      else id += ":classes:" + classesStamp(code);
    } catch (Exception e) {
      id += ":unknown";
    }
    return id;
  }
}
