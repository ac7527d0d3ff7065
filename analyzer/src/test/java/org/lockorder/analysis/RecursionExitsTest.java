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

  @Test
  void aMemberWithFullExitsSeesItsCalleesFinalExitsAtTheEnd() throws Exception {
    // big() returns holding one of 17 locks (more exits than a summary keeps), so its exits are
    // full after its first analysis, while take() has none yet: take() only returns through big().
    // Once take() returns holding 'inner', big()'s path through it takes 'after' under 'inner';
    // the worklist leaves big() for last but must still analyze it with take()'s final exits.
    StringBuilder code = new StringBuilder("static DEFINE_MUTEX(inner);\nstatic DEFINE_MUTEX(after);\n");
    for (int i = 1; i <= 17; i++) code.append("static DEFINE_MUTEX(l").append(i).append(");\n");
    code.append("void take(int n);\nint big(int n)\n{\n");
    for (int i = 1; i <= 17; i++) {
      code.append("\tif (n == ").append(i).append(") {\n\t\tmutex_lock(&l").append(i).append(");\n\t\treturn ").append(i).append(";\n\t}\n");
    }
    code.append("\ttake(n - 1);\n\tmutex_lock(&after);\n\tmutex_unlock(&after);\n\tmutex_unlock(&inner);\n\treturn 0;\n}\n")
        .append("void take(int n) { big(n); mutex_lock(&inner); }\n")
        .append("void start(void) { big(100); }\n")
        .append("void other(void) { mutex_lock(&after); mutex_lock(&inner); mutex_unlock(&inner); mutex_unlock(&after); }\n");
    assertEquals(List.of("LO001 after -> inner"), Snippets.findings(dir, code.toString()));
  }
}
