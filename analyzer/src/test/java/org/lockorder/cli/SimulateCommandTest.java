package org.lockorder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void aThreadCanRunAFunctionOfAnIncludedHeader(@TempDir Path dir) throws IOException {
    Path include = Files.createDirectories(dir.resolve("include"));
    Files.writeString(include.resolve("take.h"),
        "static inline void take_b_a(void) { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }\n");
    Path src = Files.writeString(dir.resolve("user.c"), "#include <take.h>\nstatic DEFINE_MUTEX(a);\nstatic DEFINE_MUTEX(b);\n"
        + "void take_a_b(void) { mutex_lock(&a); mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }\n");
    CliRun r = CliRun.of("simulate", "-I", include.toString(), "--thread", "take_a_b", "--thread", "take_b_a", src.toString());
    assertEquals(ExitCodes.FINDINGS, r.exit(), r.out() + r.err());
    assertTrue(r.out().startsWith("verdict: confirmed"), r.out());
    CliRun without = CliRun.of("simulate", "--thread", "take_a_b", "--thread", "take_b_a", src.toString());
    assertEquals(ExitCodes.USAGE_ERROR, without.exit(), "without -I the header's function is not there: " + without.out());
    CliRun missing = CliRun.of("simulate", "-I", dir.resolve("nowhere").toString(), "--thread", "take_a_b", src.toString());
    assertEquals(ExitCodes.USAGE_ERROR, missing.exit());
    assertTrue(missing.err().contains("not a directory"), missing.err());
  }
}
