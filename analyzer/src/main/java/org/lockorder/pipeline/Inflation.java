package org.lockorder.pipeline;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Deflate streams inflated with one inflater and one array per thread, kept between streams. The
 * parse cache and the summary memo read thousands of small records in a re-run (Linux 6.1
 * fs/+mm/: 3,166 files' entries, 40,000 memo records): an inflater (with its native state) and an
 * array sized by guess for each were a sixth of the parse cache's read time, and 270 MB of the
 * memo's garbage.
 *
 * <p>The bytes of the last stream stay valid until the same thread inflates the next one.
 */
final class Inflation {
  /** Arrays up to this size are kept for the next stream; the largest recursion's memo entry (tens of MB) is read once. */
  private static final int KEPT = 4 << 20;

  private static final ThreadLocal<Inflation> PER_THREAD = ThreadLocal.withInitial(Inflation::new);

  private final Inflater inflater = new Inflater();
  private byte[] kept = new byte[1 << 16];
  private byte[] bytes;
  private int length;

  private Inflation() {}

  /** This thread's inflation. */
  static Inflation ofThisThread() {
    return PER_THREAD.get();
  }

  /** Inflates {@code input} (from its position to its limit); false when it is not one whole deflate stream. */
  boolean inflate(ByteBuffer input) {
    inflater.reset();
    inflater.setInput(input);
    return run();
  }

  /** Inflates {@code length} bytes of {@code input} from {@code from}; false when they are not one whole deflate stream. */
  boolean inflate(byte[] input, int from, int length) {
    inflater.reset();
    inflater.setInput(input, from, length);
    return run();
  }

  private boolean run() {
    byte[] out = kept;
    int n = 0;
    try {
      while (!inflater.finished()) {
        if (n == out.length) {
          out = Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 16, 2L * out.length));
          if (out.length <= KEPT) kept = out;
        }
        int got = inflater.inflate(out, n, out.length - n);
        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) return false; // truncated
        n += got;
      }
    } catch (DataFormatException e) {
      return false;
    }
    bytes = out;
    length = n;
    return true;
  }

  /** The last stream's bytes: the first {@link #length()} of this array. */
  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  /** The last stream's bytes in an array of their own. */
  byte[] copy() {
    return Arrays.copyOf(bytes, length);
  }
}
