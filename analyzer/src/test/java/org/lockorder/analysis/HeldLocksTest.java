package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lockorder.analysis.Snippets.findings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Held-lock sets follow branches, early returns, gotos, trylocks and checked locks exactly. */
class HeldLocksTest {
  @TempDir Path dir;

  static final String LOCKS = "static DEFINE_MUTEX(a);\nstatic DEFINE_MUTEX(b);\n";
  static final String B_THEN_A = "\nvoid other(void) { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }\n";

  private List<String> withReverse(String body) throws Exception {
    return findings(dir, LOCKS + body + B_THEN_A);
  }

  @Test
  void plainNestingMakesAnEdge() throws Exception {
    assertEquals(List.of("LO001 a -> b"), withReverse("void f(void) { mutex_lock(&a); mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }"));
  }

  @Test
  void unlockBeforeTheCallLeavesNoEdge() throws Exception {
    assertEquals(List.of(), withReverse(
        "static void take_b(void) { mutex_lock(&b); mutex_unlock(&b); }\n"
            + "void f(void) { mutex_lock(&a); mutex_unlock(&a); take_b(); }"));
  }

  @Test
  void releaseOnEveryBranchAndGotoOutUnlock() throws Exception {
    assertEquals(List.of(), withReverse(
        """
        int f(int x)
        {
        	int ret = 0;
        	mutex_lock(&a);
        	if (x == 1) {
        		ret = -1;
        		goto out_unlock;
        	}
        	if (x == 2) {
        		mutex_unlock(&a);
        		return -2;
        	}
        out_unlock:
        	mutex_unlock(&a);
        	mutex_lock(&b);
        	mutex_unlock(&b);
        	return ret;
        }
        """));
  }

  @Test
  void aBranchThatKeepsTheLockStillOrders() throws Exception {
    assertEquals(List.of("LO001 a -> b"), withReverse(
        """
        void f(int x)
        {
        	mutex_lock(&a);
        	if (x)
        		mutex_unlock(&a);
        	mutex_lock(&b);
        	mutex_unlock(&b);
        }
        """));
  }

  @Test
  void trylockAddsNoEdgeIntoItsLockButIsHeldAfter() throws Exception {
    // b then trylock(a): no b -> a edge. The reverse order a -> b is only in 'other' reversed.
    assertEquals(List.of(), findings(dir, LOCKS
        + "void f(void) { mutex_lock(&b); if (!mutex_trylock(&a)) { mutex_unlock(&b); return; } mutex_unlock(&a); mutex_unlock(&b); }\n"
        + "void g(void) { mutex_lock(&a); mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }\n"));
    // Held after a successful trylock: trylock(a) then b orders a -> b.
    assertEquals(List.of("LO001 a -> b"), withReverse(
        "void f(void) { if (mutex_trylock(&a)) { mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); } }"));
    // Not held on the failure edge.
    assertEquals(List.of(), withReverse(
        "void f(void) { if (!mutex_trylock(&a)) { mutex_lock(&b); mutex_unlock(&b); return; } mutex_unlock(&a); }"));
  }

  @Test
  void killableLockIsNotHeldOnItsFailurePath() throws Exception {
    assertEquals(List.of(), withReverse(
        """
        int f(void)
        {
        	int ret = mutex_lock_killable(&a);
        	if (ret) {
        		mutex_lock(&b);
        		mutex_unlock(&b);
        		return ret;
        	}
        	mutex_unlock(&a);
        	return 0;
        }
        """));
    assertEquals(List.of("LO001 a -> b"), withReverse(
        "int f(void) { if (mutex_lock_killable(&a)) return -4; mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); return 0; }"));
  }

  @Test
  void lockWrappersReturnHoldingTheLock() throws Exception {
    assertEquals(List.of("LO001 a -> b"), withReverse(
        "static void lock_a(void) { mutex_lock(&a); }\nstatic void unlock_a(void) { mutex_unlock(&a); }\n"
            + "void f(void) { lock_a(); mutex_lock(&b); mutex_unlock(&b); unlock_a(); }"));
    assertEquals(List.of(), withReverse(
        "static void lock_a(void) { mutex_lock(&a); }\nstatic void unlock_a(void) { mutex_unlock(&a); }\n"
            + "void f(void) { lock_a(); unlock_a(); mutex_lock(&b); mutex_unlock(&b); }"));
  }

  @Test
  void recursionConverges() throws Exception {
    assertEquals(List.of("LO001 a -> b"), withReverse(
        """
        static void pong(int n);
        static void ping(int n) { if (n) pong(n - 1); mutex_lock(&b); mutex_unlock(&b); }
        static void pong(int n) { if (n) ping(n - 1); }
        void f(void) { mutex_lock(&a); ping(3); mutex_unlock(&a); }
        """));
  }

  @Test
  void aCalleesReturnValueSelectsItsExitPath() throws Exception {
    // begin() holds a only when it returns 0; the caller's error branch runs without a.
    String begin = "static int begin(int x) { if (x) return -12; mutex_lock(&a); return 0; }\n";
    assertEquals(List.of(), withReverse(begin
        + "void f(int x) { if (begin(x)) { mutex_lock(&b); mutex_unlock(&b); return; } mutex_unlock(&a); }"));
    assertEquals(List.of("LO001 a -> b"), withReverse(begin
        + "void f(int x) { int ret = begin(x); if (ret) return; mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }"));
  }

  @Test
  void everyHeldStateAtACallOfTheSameCalleeOrdersItsLocks() throws Exception {
    // take_c() is called holding a, then holding b, nothing released either time: its
    // acquisitions reach f's summary once, but both held locks order before c.
    String code = LOCKS + "static DEFINE_MUTEX(c);\n"
        + "static void take_c(void) { mutex_lock(&c); mutex_unlock(&c); }\n"
        + "void f(void) { mutex_lock(&a); take_c(); mutex_unlock(&a); mutex_lock(&b); take_c(); mutex_unlock(&b); }\n"
        + "void ca(void) { mutex_lock(&c); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&c); }\n"
        + "void cb(void) { mutex_lock(&c); mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&c); }\n";
    assertEquals(List.of("LO001 a -> c", "LO001 b -> c"), findings(dir, code));
    // The same in a recursion, whose calls are applied once its held states are final.
    String recursive = code.replace("void f(void) {", "void f(int n) { if (n) f(n - 1);");
    assertEquals(List.of("LO001 a -> c", "LO001 b -> c"), findings(dir, recursive));
  }

  @Test
  void aHeldLockOrdersAgainWhereOtherLocksMayGateItsEdges() throws Exception {
    // a is held at both calls of take_c(), once under the global g and once not: the edge a -> c
    // is recorded from both, so that g is not taken for a lock that serializes every a -> c.
    String code = LOCKS + "static DEFINE_MUTEX(c);\nstatic DEFINE_MUTEX(g);\n"
        + "static void take_c(void) { mutex_lock(&c); mutex_unlock(&c); }\n"
        + "void f(void) { mutex_lock(&g); mutex_lock(&a); take_c(); mutex_unlock(&a); mutex_unlock(&g);"
        + " mutex_lock(&a); take_c(); mutex_unlock(&a); }\n"
        + "void r(void) { mutex_lock(&g); mutex_lock(&c); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&c); mutex_unlock(&g); }\n";
    assertEquals(List.of("LO001 a -> c"), findings(dir, code));
  }

  @Test
  void everyReleasedSetAtACallOfTheSameCalleeShapesTheSummary() throws Exception {
    // take_b() is called once after dropping the caller's a and once without, holding nothing
    // either time: on the second path b is taken under the caller's a. The paths differ in
    // length, so that either one is the first to reach its call.
    String releasedFirst = "static void g(int x) { if (x) { mutex_unlock(&a); take_b(); mutex_lock(&a); return; } work(); work(); take_b(); }\n";
    String releasedLast = "static void g(int x) { if (x) { mutex_unlock(&a); work(); work(); take_b(); mutex_lock(&a); return; } take_b(); }\n";
    for (String g : List.of(releasedFirst, releasedLast)) {
      String code = "static void take_b(void) { mutex_lock(&b); mutex_unlock(&b); }\n" + g
          + "void f(int x) { mutex_lock(&a); g(x); mutex_unlock(&a); }\n";
      assertEquals(List.of("LO001 a -> b"), withReverse(code), g);
    }
  }

  @Test
  void aFunctionWithTooManyHeldLockStatesIsCountedAsBounded() throws Exception {
    StringBuilder code = new StringBuilder();
    StringBuilder body = new StringBuilder("void f(int x) {\n");
    for (int i = 0; i < 7; i++) {
      code.append("static DEFINE_MUTEX(l").append(i).append(");\n");
      body.append("\tif (x & ").append(1 << i).append(") mutex_lock(&l").append(i).append(");\n");
    }
    body.append("\twork();\n}\n");
    var report = Snippets.analyze(dir, code.append(body).toString());
    assertEquals(1, report.stats().boundedFunctions(), "2^7 lock states exceed the bound of 64");
    // The 64 states that reach the return are also more exit effects than the 16 kept: both
    // bounds, one function.
    assertEquals(new org.lockorder.analysis.AnalysisBounds(1, 1, 1, java.util.List.of()), report.stats().bounds());
    var small = Snippets.analyze(dir, LOCKS + "void f(int x) { if (x) mutex_lock(&a); work(); }\n");
    assertEquals(0, small.stats().boundedFunctions());
  }

  @Test
  void aFunctionWithTooManyExitEffectsIsCountedAsBounded() throws Exception {
    // 2^n paths, each returning with a different set of locks held: 32 exit effects exceed the
    // bound of 16 (the held-lock states, 32 at most per node, stay within theirs); 16 do not.
    var bounded = Snippets.analyze(dir, conditionalLocks(5)).stats();
    assertEquals(1, bounded.boundedFunctions());
    assertEquals(new org.lockorder.analysis.AnalysisBounds(1, 0, 1, java.util.List.of()), bounded.bounds(), "only the exit bound");
    assertEquals(0, Snippets.analyze(dir, conditionalLocks(4)).stats().boundedFunctions());
  }

  private static String conditionalLocks(int n) {
    StringBuilder code = new StringBuilder();
    StringBuilder body = new StringBuilder("void f(int x) {\n");
    for (int i = 0; i < n; i++) {
      code.append("static DEFINE_MUTEX(l").append(i).append(");\n");
      body.append("\tif (x & ").append(1 << i).append(") mutex_lock(&l").append(i).append(");\n");
    }
    return code.append(body).append("}\n").toString();
  }

  /** Returns its object with {@code a} held, or NULL after dropping it; a different lock than the object's own. */
  static final String LOCKED_OR_NULL_GETTER =
      """
      struct obj { int v; };
      struct obj *lookup(int key);

      static struct obj *get_obj(int key)
      {
      	struct obj *o;

      	mutex_lock(&a);
      	o = lookup(key);
      	if (!o) {
      		mutex_unlock(&a);
      		return NULL;
      	}
      	return o;
      }
      """;

  @Test
  void aPointerReturnedWithALockThatNoNullReturnHoldsIsNotNull() throws Exception {
    // get_obj's NULL exit holds nothing and its other exit holds a: the caller's NULL test
    // tells them apart, so the jump to out holds nothing and a is not ordered before b.
    assertEquals(List.of(), withReverse(LOCKED_OR_NULL_GETTER
        + "void f(int key) { struct obj *o = get_obj(key); if (!o) goto out; o->v++; mutex_unlock(&a); out: mutex_lock(&b); mutex_unlock(&b); }"));
  }

  @Test
  void theNonNullPathOfALockedOrNullGetterStillHoldsTheLock() throws Exception {
    assertEquals(List.of("LO001 a -> b"), withReverse(LOCKED_OR_NULL_GETTER
        + "void f(int key) { struct obj *o = get_obj(key); if (!o) return; mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }"));
  }

  @Test
  void anIntegerResultIsNotReadAsLockedOrNull() throws Exception {
    // Only pointer results: an int function returning 0 or an error code says nothing of the kind.
    assertEquals(List.of("LO001 a -> b"), withReverse(LOCKED_OR_NULL_GETTER.replace("struct obj *get_obj", "int get_obj")
        .replace("return o;", "return o->v;")
        + "void g(int key) { int r = get_obj(key); if (r) { mutex_unlock(&a); return; } mutex_lock(&b); mutex_unlock(&b); }"));
  }
}
