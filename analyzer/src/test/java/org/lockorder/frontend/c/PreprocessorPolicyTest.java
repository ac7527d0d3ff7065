package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lockorder.frontend.c.Fixtures.clean;
import static org.lockorder.frontend.c.Fixtures.names;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.TranslationUnit;

/** The one conditional policy: first branch that is not '#if 0'/'#elif 0' wins. */
class PreprocessorPolicyTest {

  @Test
  void ifZeroIsSkippedAndItsElseTaken() {
    TranslationUnit tu = clean("""
        #if 0
        broken {{{ (((
        #else
        void from_else(void) { }
        #endif
        #if 0
        gone(
        #elif 0
        gone too(
        #elif defined(CONFIG_X)
        void from_elif(void) { }
        #else
        void not_taken(void) { }
        #endif
        """);
    assertEquals(List.of("from_else", "from_elif"), names(tu));
  }

  @Test
  void firstBranchIsTakenOtherBranchesSkipped() {
    TranslationUnit tu = clean("""
        #ifdef CONFIG_SMP
        void smp(void) { }
        #else
        void up(void) { }}}
        #endif
        #ifndef CONFIG_X
        void nx(void) { }
        #elif 1
        junk(((
        #endif
        #if 1
        void one(void) { }
        #else
        junk(((
        #endif
        """);
    assertEquals(List.of("smp", "nx", "one"), names(tu));
  }

  @Test
  void nestingInsideSkippedAndTakenBranches() {
    TranslationUnit tu = clean("""
        #if 0
        # ifdef A
        junk(
        # else
        junk(
        # endif
        #else
        # if B > 2
        void nested_first(void) { }
        # else
        junk(
        # endif
        #endif
        """);
    assertEquals(List.of("nested_first"), names(tu));
  }

  @Test
  void directivesWithContinuationsAndCommentsAreDropped() {
    TranslationUnit tu = clean("""
        #include <linux/fs.h>
        #define LOCK(x) do { \\
            mutex_lock(x); \\
        } while (0)
        #define MULTI /* a comment
           spanning lines */ 1
        #pragma once
        #undef LOCK
        #error "never mind"
        #line 10
        void f(void)
        {
        #ifdef DEBUG
            debug();
        #endif
            work();
        }
        """);
    assertEquals(List.of("f"), names(tu));
    assertEquals(List.of("debug", "work"), Fixtures.callees(tu.functions().get(0).cfg()));
    assertEquals(11, tu.functions().get(0).location().line());
  }

  @Test
  void conditionalInsideFunctionKeepsBothSidesBalanced() {
    TranslationUnit tu = clean("""
        int f(int x)
        {
        #ifdef CONFIG_A
            if (x) {
        #else
            if (!x) {
        #endif
                a();
            }
            return 0;
        }
        """);
    assertEquals(List.of("a"), Fixtures.callees(tu.functions().get(0).cfg()));
  }
}
