package org.lockorder.analysis;

import java.util.Arrays;

/**
 * Which file systems an acquisition in a summary can be reached for (ADR-003): {@link #ANY}
 * unless the path to it went through an ops call confined to some file systems' tables. Immutable;
 * file systems are numbered by {@link FileSystems}.
 */
final class FileSystemSet {
  /** Reached without confinement: for objects of any file system. */
  static final FileSystemSet ANY = new FileSystemSet(null);

  /** Made up front, not on first use: summaries are computed on several threads. */
  private static final FileSystemSet[] SINGLETONS = new FileSystemSet[256];

  static {
    for (int i = 0; i < SINGLETONS.length; i++) SINGLETONS[i] = single(i);
  }

  /** Null for {@link #ANY}; else the members' bits, never all zero. */
  private final long[] bits;

  private FileSystemSet(long[] bits) {
    this.bits = bits;
  }

  static FileSystemSet of(int fileSystem) {
    return fileSystem < SINGLETONS.length ? SINGLETONS[fileSystem] : single(fileSystem);
  }

  private static FileSystemSet single(int fileSystem) {
    long[] bits = new long[fileSystem / 64 + 1];
    bits[fileSystem / 64] = 1L << (fileSystem % 64);
    return new FileSystemSet(bits);
  }

  /** The members as bit words (the summary memo's form); null for {@link #ANY}. */
  long[] words() {
    return bits == null ? null : bits.clone();
  }

  /** The set of {@link #words}: null gives {@link #ANY}. */
  static FileSystemSet ofWords(long[] words) {
    if (words == null) return ANY;
    int bit = -1;
    for (int i = 0; i < words.length; i++) {
      if (words[i] == 0) continue;
      if (bit >= 0 || Long.bitCount(words[i]) != 1) return new FileSystemSet(words.clone());
      bit = i * 64 + Long.numberOfTrailingZeros(words[i]);
    }
    return bit >= 0 && words[words.length - 1] != 0 ? of(bit) : new FileSystemSet(words.clone());
  }

  boolean isAny() {
    return bits == null;
  }

  boolean contains(int fileSystem) {
    if (bits == null) return true;
    int word = fileSystem / 64;
    return word < bits.length && (bits[word] & (1L << (fileSystem % 64))) != 0;
  }

  /** The members also in {@code other} ({@link #ANY} is everything); null when there are none. */
  FileSystemSet intersect(FileSystemSet other) {
    if (other.bits == null || other == this) return this;
    if (bits == null) return other;
    long[] out = new long[Math.min(bits.length, other.bits.length)];
    boolean some = false;
    for (int i = 0; i < out.length; i++) some |= (out[i] = bits[i] & other.bits[i]) != 0;
    if (!some) return null;
    int n = out.length;
    while (out[n - 1] == 0) n--;
    if (n < out.length) out = Arrays.copyOf(out, n);
    return Arrays.equals(out, bits) ? this : Arrays.equals(out, other.bits) ? other : new FileSystemSet(out);
  }

  /** This set or {@code other}'s members ({@link #ANY} absorbs). */
  FileSystemSet union(FileSystemSet other) {
    if (bits == null || other == this) return this;
    if (other.bits == null) return other;
    if (containsAll(other)) return this;
    if (other.containsAll(this)) return other;
    long[] out = Arrays.copyOf(bits, Math.max(bits.length, other.bits.length));
    for (int i = 0; i < other.bits.length; i++) out[i] |= other.bits[i];
    return new FileSystemSet(out);
  }

  boolean containsAll(FileSystemSet other) {
    if (bits == null || other == this) return true;
    if (other.bits == null) return false;
    for (int i = 0; i < other.bits.length; i++) {
      long mine = i < bits.length ? bits[i] : 0;
      if ((other.bits[i] & ~mine) != 0) return false;
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileSystemSet s && Arrays.equals(bits, s.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    if (bits == null) return "any";
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < bits.length * 64; i++) if (contains(i)) sb.append(sb.length() > 1 ? "," : "").append(i);
    return sb.append('}').toString();
  }
}
