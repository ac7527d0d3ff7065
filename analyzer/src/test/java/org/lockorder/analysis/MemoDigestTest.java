package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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

  @Test
  void packedRanksAreTheComparedRanks() {
    // Positions as SourceAnchors masks them: anchor, line relative to it (negative before it),
    // column; many repeated, as one call site is written once per chain through it.
    Random random = new Random(43);
    for (int round = 0; round < 50; round++) {
      List<int[]> in = new ArrayList<>();
      for (int i = 0, n = random.nextInt(300); i < n; i++) {
        in.add(new int[] {0, 0, random.nextInt(20), random.nextInt(60) - 10, random.nextInt(8)});
      }
      assertArrayEquals(MemoBytes.Out.ranksCompared(in), MemoBytes.Out.ranks(in));
    }
  }

  @Test
  void positionsTooLargeToPackAreRankedAllTheSame() {
    List<int[]> in = List.of(new int[] {0, 0, 1, 5, 40_000}, new int[] {0, 0, 1, 5, 3}, new int[] {0, 0, 0, 9, 40_000});
    assertArrayEquals(new int[] {2, 1, 0}, MemoBytes.Out.ranks(in));
  }
}
