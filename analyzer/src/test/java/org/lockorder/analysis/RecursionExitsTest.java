package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inside a recursion, a callee that releases the caller's lock must not look, on an early pass,
 * like one that returns with the lock still held (which would order it before everything after).
 */
class RecursionExitsTest {
  @TempDir Path dir;

  @Test
  void aReleasingCalleeInARecursionLeavesNoHeldLockBehind() throws Exception {
    String code = "static DEFINE_SPINLOCK(outer);\nstatic DEFINE_MUTEX(inner);\n"
        // walk() and drop() call each other; drop() releases 'outer' before returning.
        + "void drop(int n);\n"
        + "void walk(int n) { spin_lock(&outer); drop(n); mutex_lock(&inner); mutex_unlock(&inner); }\n"
        + "void drop(int n) { spin_unlock(&outer); if (n) walk(n - 1); }\n"
        + "void other(void) { mutex_lock(&inner); spin_lock(&outer); spin_unlock(&outer); mutex_unlock(&inner); }\n";
    assertEquals(List.of(), Snippets.findings(dir, code));
  }
}
