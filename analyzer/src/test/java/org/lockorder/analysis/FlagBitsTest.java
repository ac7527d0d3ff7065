package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR-007 later (flag bits): a flags local passed to a callee that branches on the parameter gets
 * the callee analyzed with the bits the local can hold, and the function's own branches on it
 * take only the sides those bits allow.
 */
class FlagBitsTest {
  @TempDir Path dir;

  private static final String LOCKS = "static DEFINE_MUTEX(a);\nstatic DEFINE_MUTEX(b);\n"
      + "void other(void) { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }\n";
  private static final String TAKE =
      "static void take(unsigned int flags) { if (flags & 2) mutex_lock(&b); if (flags & 2) mutex_unlock(&b); }\n";

  private List<String> findingsWith(String body) throws Exception {
    return Snippets.findings(dir, LOCKS + TAKE + "void one(int x) { unsigned int flags = 0; " + body
        + " mutex_lock(&a); take(flags); mutex_unlock(&a); }\n");
  }

  @Test
  void aFlagLocalWithoutTheBitSkipsTheCalleesLock() throws Exception {
    assertEquals(List.of(), findingsWith("if (x) flags |= 1; if (x > 3) flags |= 4;"));
    assertEquals(List.of(), findingsWith("if (x) flags |= 5; flags &= x;"));
  }

  @Test
  void aFlagLocalThatMayHoldTheBitTakesIt() throws Exception {
    assertEquals(List.of("LO001 a -> b"), findingsWith("if (x) flags |= 1; if (x > 3) flags |= 6;"));
    // Changes the scan cannot bound: any bit.
    assertEquals(List.of("LO001 a -> b"), findingsWith("if (x) flags |= 1; flags ^= x;"));
    assertEquals(List.of("LO001 a -> b"), findingsWith("if (x) flags |= 1; set_flags(&flags);"));
  }

  @Test
  void theBitsArePassedOnAndEndWhereTheCalleeAssignsTheParameter() throws Exception {
    String outer = "static void outer(unsigned int flags) { take(flags); }\n";
    String code = LOCKS + TAKE + outer
        + "void one(int x) { unsigned int flags = 0; if (x) flags |= 1; mutex_lock(&a); outer(flags); mutex_unlock(&a); }\n";
    assertEquals(List.of(), Snippets.findings(dir, code));
    String assigning = "static void outer(unsigned int flags) { if (flags & 1) flags |= 2; take(flags); }\n";
    assertEquals(List.of("LO001 a -> b"), Snippets.findings(dir, code.replace(outer, assigning)));
  }

  @Test
  void theFunctionsOwnBranchesFollowTheBits() throws Exception {
    String code = LOCKS + "void one(int x) { unsigned int flags = 0; if (x) flags |= 1;"
        + " mutex_lock(&a); if (flags & 2) { mutex_lock(&b); mutex_unlock(&b); } mutex_unlock(&a); }\n";
    assertEquals(List.of(), Snippets.findings(dir, code));
    assertEquals(List.of("LO001 a -> b"), Snippets.findings(dir, code.replace("flags |= 1", "flags |= 3")));
  }

  @Test
  void conditionsReadKnownBits() {
    Map<String, Long> masks = Map.of("x", 3L);
    assertEquals(false, nonzero("x & 4", masks));
    assertNull(nonzero("x & 1", masks));
    assertEquals(true, nonzero("x | 4", Map.of()));
    assertEquals(false, nonzero("! ( x | 4 )", Map.of()));
    assertEquals(false, nonzero("x == 8", masks));
    assertEquals(true, nonzero("x != 8", masks));
    assertNull(nonzero("x == 1", masks));
    assertEquals(true, nonzero("~ x & 4", masks));
    assertNull(nonzero("x + 4", masks));
  }

  private static Boolean nonzero(String expression, Map<String, Long> masks) {
    return ConditionValue.nonzero(expression, name -> null, masks::get);
  }
}
