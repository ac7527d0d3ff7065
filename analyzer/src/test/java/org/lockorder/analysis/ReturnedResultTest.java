package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function that returns a call's result ({@code return f(x);}, {@code v = f(x); return v;})
 * returns what the callee's exit returned, so its caller's test of the result still tells the
 * callee's exits apart; a returned trylock result says whether the lock is held.
 */
class ReturnedResultTest {
  @TempDir Path dir;

  private static final String LOCKS = "static DEFINE_MUTEX(a);\nstatic DEFINE_MUTEX(b);\n"
      + "void other(void) { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }\n";

  @Test
  void aReturnedTrylockResultSaysWhetherTheLockIsHeld() throws Exception {
    String code = LOCKS + "static int try_a(void) { return mutex_trylock(&a); }\n"
        + "void one(void) { if (!try_a()) { mutex_lock(&b); mutex_unlock(&b); return; } mutex_unlock(&a); }\n";
    assertEquals(List.of(), Snippets.findings(dir, code));
    // Taking b on the success path is a real a -> b.
    String held = code.replace("if (!try_a())", "if (try_a())");
    assertEquals(List.of("LO001 a -> b"), Snippets.findings(dir, held.replace("return; } mutex_unlock(&a);", "mutex_unlock(&a); return; }")));
  }

  @Test
  void aResultAlreadyTestedByABranchIsOnlyPassedOn() throws Exception {
    // The branch took the lock on its success side; 'return ret' on the failure side holds nothing.
    String code = LOCKS + "static int read_it(void) { int ret; ret = mutex_lock_interruptible(&a); if (ret < 0) return ret;"
        + " mutex_unlock(&a); return 0; }\n"
        + "void one(void) { read_it(); mutex_lock(&b); mutex_unlock(&b); }\n";
    assertEquals(List.of(), Snippets.findings(dir, code));
    // Returned untested, the trylock's result still says whether the lock is held.
    String untested = LOCKS + "static int try_a(void) { int ret = mutex_trylock(&a); return ret; }\n"
        + "void one(void) { if (try_a()) { mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); } }\n";
    assertEquals(List.of("LO001 a -> b"), Snippets.findings(dir, untested));
  }

  @Test
  void aResultComparedWithAnErrorCodeIsNonZeroOnTheEqualSide() throws Exception {
    // get_a() returns 0 holding a, or -EBUSY without it: the '== -EBUSY' side holds nothing, so
    // taking b there is no a -> b; the other side drops a first.
    String code = LOCKS + "static int get_a(int busy) { if (busy) return -EBUSY; mutex_lock(&a); return 0; }\n"
        + "void one(int busy) { int ret = get_a(busy); if (ret == -EBUSY) { mutex_lock(&b); mutex_unlock(&b); return; }"
        + " mutex_unlock(&a); }\n";
    assertEquals(List.of(), Snippets.findings(dir, code));
    // The same test written '!=': the equal side is the false one.
    String notEqual = code.replace("if (ret == -EBUSY) { mutex_lock(&b); mutex_unlock(&b); return; } mutex_unlock(&a);",
        "if (ret != -EBUSY) { mutex_unlock(&a); return; } mutex_lock(&b); mutex_unlock(&b);");
    assertEquals(List.of(), Snippets.findings(dir, notEqual));
    // A comparison with zero's name says nothing the analysis can read: both sides may hold a.
    String zero = code.replace("-EBUSY", "OK_DONE").replace("static DEFINE_MUTEX(a);", "#define OK_DONE 0\nstatic DEFINE_MUTEX(a);");
    assertEquals(List.of("LO001 a -> b"), Snippets.findings(dir, zero));
  }

  @Test
  void aLockPointerPublishedToAFieldIsTheFieldsLock() throws Exception {
    // pte_offset_map_lock(mm, pmd, addr, &vmf->ptl): '*(&vmf->ptl) = __ptl; spin_lock(__ptl);',
    // then pte_unmap_unlock(vmf->pte, vmf->ptl) releases it through the field.
    String code = "typedef struct { int rlock; } spinlock_t;\n"
        + "struct vm_fault { spinlock_t *ptl; int *pte; };\n"
        + "spinlock_t *pte_lockptr(struct vm_fault *vmf);\n"
        + "static DEFINE_MUTEX(b);\n"
        + "int map_pages(struct vm_fault *vmf) { spinlock_t *__ptl = pte_lockptr(vmf); *(&vmf->ptl) = __ptl;"
        + " spin_lock(__ptl); spin_unlock(vmf->ptl); mutex_lock(&b); mutex_unlock(&b); return 0; }\n"
        + "void other(struct vm_fault *vmf) { mutex_lock(&b); spin_lock(vmf->ptl); spin_unlock(vmf->ptl); mutex_unlock(&b); }\n";
    assertEquals(List.of(), Snippets.findings(dir, code));
    // One class for the lock, whichever name it is reached by, and no edge out of it.
    org.lockorder.report.Report r = Snippets.analyze(dir, code);
    assertEquals(2, r.stats().lockClasses(), r.stats().toString());
    assertEquals(1, r.stats().lockOrderEdges(), r.stats().toString());
    assertEquals(List.of("LO001 b -> vm_fault.ptl"),
        Snippets.findings(dir, code.replace("spin_unlock(vmf->ptl); mutex_lock(&b); mutex_unlock(&b);", "mutex_lock(&b); mutex_unlock(&b); spin_unlock(vmf->ptl);")));
  }

  @Test
  void aWrapperReturningTheCalleesResultKeepsItsExitsApart() throws Exception {
    String code = LOCKS
        + "static int *lock_or_null(int *p) { if (!p) return NULL; mutex_lock(&a); return p; }\n"
        + "static int *wrapper(int *p) { int *q; q = lock_or_null(p); return q; }\n"
        + "void one(int *p) { int *q = wrapper(p); if (!q) { mutex_lock(&b); mutex_unlock(&b); return; } mutex_unlock(&a); }\n";
    assertEquals(List.of(), Snippets.findings(dir, code));
    String direct = code.replace("{ int *q; q = lock_or_null(p); return q; }", "{ return lock_or_null(p); }");
    assertEquals(List.of(), Snippets.findings(dir, direct));
  }

  @Test
  void aVariableReturnedAfterAFallbackHoldsEitherCallsResult() throws Exception {
    // get_a() returns 0 holding a; get_b() returns 0 holding nothing here (it takes and drops b).
    // find() returns whichever result its path made last: its zero from get_a holds a.
    String callees = "static int get_a(int busy) { if (busy) return -ENOENT; mutex_lock(&a); return 0; }\n"
        + "static int get_b(int x) { if (x) return -EIO; return 0; }\n";
    String code = LOCKS + callees
        + "static int find(int busy, int x) { int rc = get_a(busy); if (rc == -ENOENT) rc = get_b(x); return rc; }\n"
        + "void one(int busy, int x) { if (find(busy, x)) { mutex_lock(&b); mutex_unlock(&b); } }\n";
    assertEquals(List.of(), Snippets.findings(dir, code));
    // Both branches assign from a call: the same.
    String both = code.replace("int rc = get_a(busy); if (rc == -ENOENT) rc = get_b(x);",
        "int rc; if (x > 1) rc = get_b(x); else rc = get_a(busy);");
    assertEquals(List.of(), Snippets.findings(dir, both));
    // A constant on the other path: the result of get_a is no longer all rc can hold.
    String constant = code.replace("if (rc == -ENOENT) rc = get_b(x);", "if (rc == -ENOENT) rc = get_b(x); else if (x) rc = -EIO;");
    assertEquals(List.of("LO001 a -> b"), Snippets.findings(dir, constant));
  }
}
