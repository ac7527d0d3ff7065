package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lockorder.frontend.c.Fixtures.only;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which locals are sets of flag bits ({@link BitFlagLocals}), and the constants they can hold. */
class BitFlagLocalsTest {
  @Test
  void aLocalAssignedAndOredWithConstantsHoldsTheirBits() {
    var f = only("void f(int x) { unsigned int flags = 0; if (x) flags |= LOCK_TRY; if (x > 1) flags |= (LOCK_SHARED | 4);"
        + " flags &= ~LOCK_TRY; g(flags); }");
    assertEquals(Map.of("flags", List.of("0", "LOCK_TRY", "( LOCK_SHARED | 4 )")), f.bitFlags());
  }

  @Test
  void anyOtherChangeMakesItNoSetOfFlags() {
    for (String change : List.of("flags ^= 2;", "flags += 2;", "flags = x;", "flags |= x;", "flags++;", "set(&flags);",
        "flags = x ? 1 : 2;", "swap(flags, x);", "asm volatile(\"\" : \"=r\"(x));")) {
      var f = only("void f(int x) { unsigned int flags = 0; flags |= 1; " + change + " g(flags); }");
      assertEquals(Map.of(), f.bitFlags(), change);
    }
  }

  @Test
  void parametersPointersAndVariablesDeclaredTwiceAreLeftOut() {
    assertEquals(Map.of(), only("void f(unsigned int flags) { flags |= 1; g(flags); }").bitFlags());
    assertEquals(Map.of(), only("void f(void) { unsigned long *p = 0; p = 0; g(p); }").bitFlags());
    assertEquals(Map.of(), only("void f(int x) { int m = 1; if (x) { int m = 2; g(m); } g(m); }").bitFlags());
  }

  @Test
  void aFlagLocalOnlyEverAssignedOneConstantIsThatConstant() {
    var f = only("void f(int x) { enum ttu_flags ttu_flags = TTU_RMAP_LOCKED | TTU_SYNC; unsigned int once; once = 4;"
        + " int same = 1; if (x) same = 1; int two = 1; if (x) two = 2; int ored = 1; if (x) ored |= 2;"
        + " int anded = 3; anded &= x; g(ttu_flags | 8, once, same, two, ored, anded); }");
    assertEquals(Map.of("ttu_flags", "TTU_RMAP_LOCKED | TTU_SYNC", "once", "4", "same", "1"), f.constantLocals());
  }
}
