package org.lockorder.pipeline;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import org.lockorder.analysis.SummaryMemo;

/**
 * The summary memo's entries on disk (ADR-009): one file per set of inputs and settings in the
 * cache directory, a sequence of records (key, length, checksum, the part compressed on its own),
 * two per entry: what every read of the entry reads, and its summaries, under the key and a
 * {@link #LATER} suffix. The second is inflated only when the analysis asks for the summaries,
 * and stays in the mapped file until then; its checksum is checked when the entry is found, so a
 * damaged one makes the entry a miss rather than a failure later (ADR-009, "Later (stop 51)"). A run
 * maps the file into memory and indexes it on a thread of its own, beside the parse; an entry is
 * inflated when it is read, so the entries live outside the collected heap until then (Linux
 * 6.1's fs/+mm/ memo is about 100 MB compressed, 360 MB not, 214 MB of it summaries). The entries a run makes are
 * compressed as they come and appended to the file when it ends: after a small change, a few
 * records. When the file holds more than twice the entries the run used, it is rewritten with
 * those alone (their compressed bytes copied as they are), so entries of code that no longer
 * exists do not pile up. A record that cannot be read ends the file there; the memo never
 * changes a result, only its cost.
 */
final class SummaryMemoFile implements SummaryMemo.Store {
  private static final byte[] MAGIC = "LOSM5".getBytes(StandardCharsets.US_ASCII);
  /** The key of an entry's second part is the entry's key and this. */
  private static final String LATER = "+summaries";
  /** Below this many entries a file is never rewritten just to drop unused ones. */
  private static final int SMALL = 1000;

  private final Path file;
  private final Thread loader;
  /** The file's bytes (empty without a usable file) and its records by key: offset, then length. */
  private volatile java.nio.ByteBuffer mapped = java.nio.ByteBuffer.allocate(0);
  private volatile Map<String, long[]> index = Map.of();
  /** Whether bytes follow the last readable record: records appended after them would be lost. */
  private volatile boolean damaged;
  /** The records this run read, by key: they are kept when the file is rewritten. */
  private final Map<String, long[]> used = new ConcurrentHashMap<>();
  /** Compresses this run's new entries into {@link #fresh}, in the order they come. */
  private final java.util.concurrent.ExecutorService compressor =
      java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lockorder-summary-memo-writer");
        t.setDaemon(true);
        return t;
      });
  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
  /** The compressor thread's output buffer, reused across entries. */
  private byte[] deflated = new byte[1 << 16];
  private Path fresh;
  private DataOutputStream freshOut;
  private int freshCount;
  private boolean failed;

  /** Starts reading {@code file} in the background. */
  SummaryMemoFile(Path file) {
    this.file = file;
    this.loader = new Thread(this::load, "lockorder-summary-memo-reader");
    loader.setDaemon(true);
    loader.start();
  }

  private void load() {
    if (!Files.isRegularFile(file)) return;
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) return;
      java.nio.ByteBuffer buf = ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, size);
      byte[] magic = new byte[MAGIC.length];
      if (size < MAGIC.length) return;
      buf.get(magic);
      if (!Arrays.equals(magic, MAGIC)) return;
      Map<String, long[]> records = new java.util.HashMap<>();
      while (buf.remaining() >= 2) {
        int keyLength = buf.getShort() & 0xFFFF;
        if (buf.remaining() < keyLength + 8) break;
        byte[] key = new byte[keyLength];
        buf.get(key);
        int length = buf.getInt();
        int crc = buf.getInt();
        if (length < 0 || buf.remaining() < length) break;
        records.put(new String(key, StandardCharsets.UTF_8), new long[] {buf.position(), length, crc});
        buf.position(buf.position() + length);
      }
      mapped = buf;
      index = records;
      damaged = buf.hasRemaining();
    } catch (IOException | RuntimeException e) {
      index = Map.of(); // no memo: everything is analyzed
    }
  }

  /** The entry's first part, or null; a damaged one is null too. */
  @Override
  public SummaryMemo.Entry get(String key) {
    join(loader);
    long[] at = index.get(key);
    if (at == null || !intact(at)) return null;
    // In this thread's inflation array: a copy of each was 160 MB of a re-run's garbage.
    Inflation inflation = Inflation.ofThisThread();
    if (!inflate(inflation, at)) return null;
    used.put(key, at);
    return new SummaryMemo.Entry(inflation.bytes(), inflation.length());
  }

  /** The entry's second part, checked but not inflated yet; null when it is missing or damaged. */
  @Override
  public SummaryMemo.Later later(String key) {
    join(loader);
    long[] at = index.get(key + LATER);
    if (at == null || !intact(at)) return null;
    used.put(key + LATER, at);
    return () -> {
      Inflation inflation = Inflation.ofThisThread();
      return inflate(inflation, at) ? inflation.copy() : null;
    };
  }

  private java.nio.ByteBuffer slice(long[] at) {
    java.nio.ByteBuffer slice = mapped.duplicate();
    slice.position((int) at[0]).limit((int) (at[0] + at[1]));
    return slice;
  }

  /** Whether a record's compressed bytes are those written (its checksum). */
  private boolean intact(long[] at) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(slice(at));
    return (int) crc.getValue() == (int) at[2];
  }

  /** Whether a record's bytes inflated into {@code inflation}. */
  private boolean inflate(Inflation inflation, long[] at) {
    try {
      return inflation.inflate(slice(at));
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public boolean isEmpty() {
    join(loader);
    return index.isEmpty();
  }

  @Override
  public void put(String key, byte[] entry, byte[] later) {
    compressor.execute(() -> {
      append(key + LATER, later);
      append(key, entry);
    });
  }

  /** On the compressor's thread: one record into this run's file of new records. */
  private void append(String key, byte[] entry) {
    if (failed) return;
    try {
      if (freshOut == null) {
        Files.createDirectories(file.getParent());
        fresh = Files.createTempFile(file.getParent(), "memo", ".records");
        freshOut = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(fresh), 1 << 16));
      }
      deflater.reset();
      deflater.setInput(entry);
      deflater.finish();
      // Into this thread's own growing buffer: a chunk and a stream per entry were 64 KB each.
      int n = 0;
      while (!deflater.finished()) {
        if (n == deflated.length) deflated = Arrays.copyOf(deflated, 2 * deflated.length);
        n += deflater.deflate(deflated, n, deflated.length - n);
      }
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(deflated, 0, n);
      record(freshOut, key, deflated, n, (int) crc.getValue());
      freshCount++;
    } catch (IOException | RuntimeException e) {
      failed = true;
    }
  }

  private static void record(DataOutputStream out, String key, byte[] compressed, int length, int crc) throws IOException {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    out.writeShort(k.length);
    out.write(k);
    out.writeInt(length);
    out.writeInt(crc);
    out.write(compressed, 0, length);
  }

  /** Adds this run's records to the file, on the compressor's thread; {@link #awaitWrite} follows. */
  synchronized void writeInBackground() {
    join(loader);
    // Sorted on the compressor's thread: the analysis reads no more entries, and a re-run of a
    // kernel tree used 80,000 records (0.1 s of the main thread).
    compressor.execute(() -> finish(new TreeMap<>(used)));
    compressor.shutdown();
  }

  void awaitWrite() {
    boolean interrupted = false;
    while (true) {
      try {
        if (compressor.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS)) break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  private static void join(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  /**
   * Appends the new records, or writes a new file when there is none or it holds too many unused
   * entries: the records this run used (their bytes as they are), then the new ones.
   */
  private void finish(Map<String, long[]> keep) {
    Path tmp = null;
    try {
      if (freshOut != null) freshOut.close();
      if (failed) return;
      int stored = index.size();
      boolean rewrite = stored == 0 || damaged || (stored > SMALL && stored > 2 * (keep.size() + freshCount));
      if (!rewrite) {
        if (fresh == null) return;
        try (OutputStream out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
          Files.copy(fresh, out);
        }
        return;
      }
      if (fresh == null && keep.isEmpty()) return;
      Files.createDirectories(file.getParent());
      tmp = Files.createTempFile(file.getParent(), "memo", ".tmp");
      try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
        out.write(MAGIC);
        java.nio.ByteBuffer from = mapped.duplicate();
        for (Map.Entry<String, long[]> e : keep.entrySet()) {
          byte[] compressed = new byte[(int) e.getValue()[1]];
          from.position((int) e.getValue()[0]);
          from.get(compressed);
          record(out, e.getKey(), compressed, compressed.length, (int) e.getValue()[2]);
        }
        if (fresh != null) Files.copy(fresh, out);
      }
      ParseCache.moveIntoPlace(tmp, file);
      tmp = null;
    } catch (IOException | RuntimeException e) {
      // not kept: the next run analyzes these components again
    } finally {
      ParseCache.deleteQuietly(tmp);
      ParseCache.deleteQuietly(fresh);
      deflater.end();
    }
  }
}
