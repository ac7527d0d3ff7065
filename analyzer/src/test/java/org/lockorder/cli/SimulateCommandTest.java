package org.lockorder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** lockorder simulate on the S1 example: the write path, a page fault and munmap as threads. */
class SimulateCommandTest {
  private static final String S1 = "callgraphs/01-ext4-page-mkwrite/";

  @Test
  void writeFaultAndMunmapDeadlockInTheBuggyVariant() {
    CliRun r = CliRun.of("simulate", "--thread", "ext4_file_write_iter", "--thread", "<page fault>", "--thread", "__vm_munmap", S1 + "buggy.c");
    assertEquals(ExitCodes.FINDINGS, r.exit(), r.out() + r.err());
    assertTrue(r.out().startsWith("verdict: confirmed"), r.out());
    assertTrue(r.out().contains("BLOCKS on inode.i_rwsem (W)"), r.out());
    assertTrue(r.out().contains("BLOCKS on mm_struct.mmap_lock (r)"), r.out());
  }

  @Test
  void theFixedVariantCannotDeadlock() {
    CliRun r = CliRun.of("simulate", "--thread", "ext4_file_write_iter", "--thread", "<page fault>", "--thread", "__vm_munmap", S1 + "fixed.c");
    assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
    assertTrue(r.out().startsWith("verdict: not-reproduced — no interleaving of any of the"), r.out());
  }

  @Test
  void anUnknownThreadFunctionIsAUsageError() {
    CliRun r = CliRun.of("simulate", "--thread", "no_such_function", S1 + "buggy.c");
    assertEquals(ExitCodes.USAGE_ERROR, r.exit());
    assertEquals("lockorder: error: no function named 'no_such_function' in the analyzed code\n", r.err());
  }

  @Test
  void jsonIsTheSimulationAsData() {
    CliRun r = CliRun.of("simulate", "--format", "json", "--thread", "ext4_file_write_iter", "--thread", "<page fault>", "--thread", "__vm_munmap", S1 + "buggy.c");
    assertEquals(ExitCodes.FINDINGS, r.exit());
    assertTrue(r.out().contains("\"verdict\" : \"confirmed\""), r.out());
    assertTrue(r.out().contains("\"action\" : \"blocks\""), r.out());
  }
}
