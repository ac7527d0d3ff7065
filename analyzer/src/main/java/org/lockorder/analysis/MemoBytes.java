package org.lockorder.analysis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte form of the summary memo's entries ({@link MemoCodec}): variable-length numbers and
 * strings written once per blob, then referenced by index. A blob's bytes depend only on what was
 * written, never on earlier blobs, so equal summaries give equal bytes (and digests) in any run.
 */
final class MemoBytes {
  private MemoBytes() {}

  static final class Out {
    private byte[] buf = new byte[256];
    private int size;
    private final Map<String, Integer> strings = new HashMap<>();
    /**
     * The same table by reference: the texts written are mostly the same few objects over and
     * over (names and paths from the IR), and comparing references is what makes writing the
     * first run's entries affordable.
     */
    private Map<String, Integer> byReference;
    /** {@link SourceAnchors}' table: per file's anchors, the reference of each anchor written. */
    private Map<Object, int[]> anchorRefs;
    int anchorCount;
    /**
     * Byte ranges left out of {@link #digest}: {from, to, anchor, line, column} each, in order
     * ({@link SourceAnchors#writeCallPosition}).
     */
    private final List<int[]> masked = new ArrayList<>();

    // Both tables are made on first use: the memo's keys write tens of thousands of short blobs
    // without a position, and two empty identity maps each were 80 MB of a re-run's garbage.
    Map<Object, int[]> anchorRefs() {
      if (anchorRefs == null) anchorRefs = new java.util.IdentityHashMap<>();
      return anchorRefs;
    }

    /** How many bytes were written so far. */
    int size() {
      return size;
    }

    /** Leaves the bytes written since {@code from} out of the digest, in favour of where the position ranks. */
    void mask(int from, int anchor, int line, int column) {
      masked.add(new int[] {from, size, anchor, line, column});
    }

    /**
     * SHA-256 of the first {@code length} bytes, each masked range replaced by the rank of its
     * position among the masked ones (by anchor, line, column): positions that only moved in step
     * give the same digest, positions that changed order do not.
     */
    byte[] digest(int length) {
      java.security.MessageDigest md = SummaryMemo.sha256();
      List<int[]> in = new ArrayList<>();
      for (int[] m : masked) if (m[1] <= length) in.add(m);
      int[] rank = ranks(in);
      int at = 0;
      byte[] word = new byte[4];
      for (int i = 0; i < in.size(); i++) {
        int[] m = in.get(i);
        md.update(buf, at, m[0] - at);
        int k = rank[i];
        word[0] = (byte) (k >>> 24);
        word[1] = (byte) (k >>> 16);
        word[2] = (byte) (k >>> 8);
        word[3] = (byte) k;
        md.update(word);
        at = m[1];
      }
      md.update(buf, at, length - at);
      return md.digest();
    }

    /**
     * Each masked range's rank among {@code in} by (anchor, line, column), equal positions sharing
     * one. The largest recursion's entry masks millions of positions: they are ranked as packed
     * numbers when they fit in one, as they do in any real source file.
     */
    static int[] ranks(List<int[]> in) {
      long[] keys = new long[in.size()];
      for (int i = 0; i < keys.length; i++) {
        int[] m = in.get(i);
        long anchor = m[2];
        long line = m[3] + (1L << 21);
        long column = m[4];
        if (anchor < 0 || anchor >= 1L << 26 || line < 0 || line >= 1L << 22 || column < 0 || column >= 1L << 15) {
          return ranksCompared(in);
        }
        keys[i] = anchor << 37 | line << 15 | column;
      }
      long[] sorted = keys.clone();
      Arrays.sort(sorted);
      int distinct = 0;
      for (int i = 0; i < sorted.length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) sorted[distinct++] = sorted[i];
      int[] rank = new int[keys.length];
      for (int i = 0; i < keys.length; i++) rank[i] = Arrays.binarySearch(sorted, 0, distinct, keys[i]);
      return rank;
    }

    /** {@link #ranks} by comparing the three numbers, for positions too large to pack. */
    static int[] ranksCompared(List<int[]> in) {
      Integer[] order = new Integer[in.size()];
      for (int i = 0; i < order.length; i++) order[i] = i;
      java.util.Comparator<int[]> byPosition =
          java.util.Comparator.<int[]>comparingInt(m -> m[2]).thenComparingInt(m -> m[3]).thenComparingInt(m -> m[4]);
      Arrays.sort(order, (x, y) -> byPosition.compare(in.get(x), in.get(y)));
      int[] rank = new int[order.length];
      int r = -1;
      int[] previous = null;
      for (int i : order) {
        int[] m = in.get(i);
        if (previous == null || byPosition.compare(previous, m) != 0) r++;
        rank[i] = r;
        previous = m;
      }
      return rank;
    }

    void unsigned(int v) {
      if (v < 0) throw new IllegalArgumentException("negative: " + v);
      varint(v & 0xFFFFFFFFL);
    }

    void signed(int v) {
      signedLong(v);
    }

    void signedLong(long v) {
      varint((v << 1) ^ (v >> 63));
    }

    void bool(boolean b) {
      ensure(1);
      buf[size++] = (byte) (b ? 1 : 0);
    }

    /** null, a string seen before in this blob (by index), or a new one. */
    void str(String s) {
      if (s == null) {
        unsigned(0);
        return;
      }
      if (byReference == null) byReference = new java.util.IdentityHashMap<>();
      Integer known = byReference.get(s);
      if (known == null) {
        known = strings.get(s);
        if (known != null) byReference.put(s, known);
      }
      if (known != null) {
        unsigned(known + 2);
        return;
      }
      byReference.put(s, strings.size());
      strings.put(s, strings.size());
      unsigned(1);
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      unsigned(b.length);
      ensure(b.length);
      System.arraycopy(b, 0, buf, size, b.length);
      size += b.length;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }

    /** Copies the bytes written into {@code to} at {@code at}; returns where they end. */
    int copyTo(byte[] to, int at) {
      System.arraycopy(buf, 0, to, at, size);
      return at + size;
    }

    private void varint(long v) {
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        buf[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[size++] = (byte) v;
    }

    private void ensure(int n) {
      if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }
  }

  /** Thrown for bytes this build did not write: the entry is treated as a miss. */
  static final class Malformed extends Exception {
    Malformed(String what) {
      super(what, null, false, false);
    }
  }

  static final class In {
    private final byte[] buf;
    private int at;
    private final int end;
    private final List<String> strings = new ArrayList<>();
    /** One string object per text across a run's entries: restored summaries are many, their texts few. */
    private final Map<String, String> interned;
    /** {@link SourceAnchors}' table: per anchor read, its file and its line. */
    final List<Object[]> anchorBases = new ArrayList<>();
    /** One object per value read from this blob (positions, call steps). */
    final Map<Object, Object> values = new HashMap<>();

    In(byte[] buf, Map<String, String> interned) {
      this(buf, 0, interned);
    }

    /** Reads {@code buf} from {@code start}. */
    In(byte[] buf, int start, Map<String, String> interned) {
      this(buf, start, buf.length, interned);
    }

    /** Reads {@code buf} from {@code start} up to {@code end}: one section of an entry. */
    In(byte[] buf, int start, int end, Map<String, String> interned) {
      if (start < 0 || end > buf.length || start > end) throw new IllegalArgumentException("no such section");
      this.buf = buf;
      this.at = start;
      this.end = end;
      this.interned = interned;
    }

    int unsigned() throws Malformed {
      long v = varint();
      if (v > Integer.MAX_VALUE) throw new Malformed("number out of range");
      return (int) v;
    }

    int signed() throws Malformed {
      long v = signedLong();
      if (v != (int) v) throw new Malformed("number out of range");
      return (int) v;
    }

    long signedLong() throws Malformed {
      long v = varint();
      return (v >>> 1) ^ -(v & 1);
    }

    boolean bool() throws Malformed {
      if (at >= end) throw new Malformed("truncated");
      return buf[at++] != 0;
    }

    String str() throws Malformed {
      int tag = unsigned();
      if (tag == 0) return null;
      if (tag >= 2) {
        if (tag - 2 >= strings.size()) throw new Malformed("bad string reference");
        return strings.get(tag - 2);
      }
      int n = unsigned();
      if (n > end - at) throw new Malformed("truncated");
      String s = recentlyRead(n);
      at += n;
      strings.add(s);
      return s;
    }

    /**
     * Per thread, the texts read lately by their bytes' hash, for one run's texts ({@link
     * #interned}). An entry writes its texts once, but most are texts other entries wrote too
     * (names, files, classes): decoding each again before finding the run's copy was 170 MB of a
     * re-run's garbage.
     */
    private static final class Recent {
      Map<String, String> run;
      final String[] texts = new String[1 << 14];
    }

    private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

    /** The run's copy of the {@code n} bytes at {@link #at} as text. */
    private String recentlyRead(int n) {
      int h = 1;
      for (int i = at; i < at + n; i++) {
        if (buf[i] < 0) return intern(new String(buf, at, n, StandardCharsets.UTF_8)); // not ASCII: not kept
        h = 31 * h + buf[i];
      }
      Recent recent = RECENT.get();
      if (recent.run != interned) {
        java.util.Arrays.fill(recent.texts, null);
        recent.run = interned;
      }
      int slot = (h ^ (h >>> 14)) & (recent.texts.length - 1);
      String known = recent.texts[slot];
      if (known != null && sameText(known, n)) return known;
      String s = intern(new String(buf, at, n, StandardCharsets.US_ASCII));
      recent.texts[slot] = s;
      return s;
    }

    private boolean sameText(String s, int n) {
      if (s.length() != n) return false;
      for (int i = 0; i < n; i++) if (s.charAt(i) != buf[at + i]) return false;
      return true;
    }

    /**
     * The run's one copy of {@code s}. A get first: a concurrent map's putIfAbsent locks the bin
     * even when the text is there, and the analysis threads intern the same texts.
     */
    String intern(String s) {
      String known = interned.get(s);
      if (known == null) known = interned.putIfAbsent(s, s);
      return known != null ? known : s;
    }

    boolean atEnd() {
      return at == end;
    }

    /** How many bytes were read so far from the start of the array. */
    int position() {
      return at;
    }

    private long varint() throws Malformed {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (at >= end) throw new Malformed("truncated");
        byte b = buf[at++];
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) return v;
      }
      throw new Malformed("number too long");
    }
  }
}
