package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * An entry's digest leaves its call positions out (ADR-009 later): positions that moved in step
 * give the same digest, positions that changed order or anything else another.
 */
class MemoDigestTest {
  /** Two call positions in one function, at these lines, each after a name. */
  private static byte[] digest(String first, int line1, String second, int line2) {
    MemoBytes.Out out = new MemoBytes.Out();
    out.str(first);
    int from = out.size();
    out.signed(line1);
    out.signed(2);
    out.mask(from, 0, line1, 2);
    out.str(second);
    from = out.size();
    out.signed(line2);
    out.signed(2);
    out.mask(from, 0, line2, 2);
    out.str("tail");
    return out.digest(out.size());
  }

  @Test
  void positionsThatMovedInStepGiveTheSameDigest() {
    assertArrayEquals(digest("ext4_journal_start", 4, "ext4_journal_stop", 8),
        digest("ext4_journal_start", 6, "ext4_journal_stop", 200));
  }

  @Test
  void positionsThatChangedOrderOrOtherBytesDoNot() {
    byte[] base = digest("jbd2_journal_stop", 4, "jbd2_journal_stop", 8);
    assertFalse(Arrays.equals(base, digest("jbd2_journal_stop", 8, "jbd2_journal_stop", 4)), "swapped");
    assertFalse(Arrays.equals(base, digest("jbd2_journal_stop", 4, "jbd2_journal_stop", 4)), "one position now");
    assertFalse(Arrays.equals(base, digest("jbd2_journal_stop", 4, "ext4_journal_stop", 8)), "another callee");
  }
}
