package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lockorder.analysis.Snippets.findings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests against NULL and correlated tests of a variable assigned more than once read the last
 * assignment on the path, not in the source (ADR-004 and ADR-006, later): a lock taken through
 * the variable since its last assignment on the path is not held where it is NULL, and two tests
 * with no assignment between them on the path take the same side.
 */
class AssignmentsOnThePathTest {
  @TempDir Path dir;

  /** {@code big} before {@code obj.lock}; a caller that takes {@code big} after the function under test. */
  private static final String OBJ_LOCK = """
      struct obj { struct mutex lock; };
      static DEFINE_MUTEX(big);
      int kind(void);
      struct obj *get(void);
      void before(struct obj *o) { mutex_lock(&big); mutex_lock(&o->lock); mutex_unlock(&o->lock); mutex_unlock(&big); }
      """;

  @Test
  void aLockIsNotHeldWhereItsPointerIsNullAfterAnAssignmentLaterInTheSourceOnAnotherBranch() throws Exception {
    // 'p = NULL' on the else branch is p's last assignment in source order, after the lock.
    String code = OBJ_LOCK + """
        static void split(void)
        {
        	struct obj *p = NULL;
        	if (kind()) {
        		p = get();
        		mutex_lock(&p->lock);
        	} else {
        		p = NULL;
        	}
        	if (p)
        		mutex_unlock(&p->lock);
        }
        void after(void) { split(); mutex_lock(&big); mutex_unlock(&big); }
        """;
    assertEquals(List.of(), findings(dir, code));
    // Assigned again after the lock on the same path: finding it NULL says nothing about the lock.
    String reassigned = code.replace("mutex_lock(&p->lock);\n", "mutex_lock(&p->lock);\n\t\tif (kind())\n\t\t\tp = NULL;\n");
    assertEquals(List.of("LO001 big -> obj.lock"), findings(dir, reassigned));
  }

  @Test
  void pastSixtyThreeFollowedVariablesATestDropsNothing() throws Exception {
    // Sixty-three followed variables sort before p: no bit is left to follow p's assignments (the
    // top bit says a lock came from a NULL result, HeldLock.NULL_RESULT), so a test of p keeps
    // what was locked through it, rather than drop a lock still held.
    StringBuilder more = new StringBuilder();
    for (int i = 0; i < 63; i++) {
      String v = String.format("a%02d", i);
      more.append("\tstruct obj *").append(v).append(" = get();\n\t").append(v).append(" = get();\n")
          .append("\tif (").append(v).append(") kind();\n");
    }
    String code = OBJ_LOCK + """
        static void split(void)
        {
        	struct obj *p = NULL;
        %s	if (kind()) {
        		p = get();
        		mutex_lock(&p->lock);
        	} else {
        		p = NULL;
        	}
        	if (p)
        		mutex_unlock(&p->lock);
        }
        void after(void) { split(); mutex_lock(&big); mutex_unlock(&big); }
        """.formatted(more);
    assertEquals(List.of("LO001 big -> obj.lock"), findings(dir, code));
    assertEquals(List.of(), findings(dir, code.replace("\ta62 = get();\n", "")), "a62 assigned once: p has the 63rd bit");
  }

  @Test
  void aLockFromThePreviousPassIsStillHeldWhereTheNewValueIsNull() throws Exception {
    // Source order put the lock after the assignment, so the NULL side dropped the previous pass's
    // lock too, and the real big-under-obj.lock was missed.
    String code = OBJ_LOCK + """
        void scan(struct obj **objs, int n)
        {
        	struct obj *p = NULL;
        	int i;
        	for (i = 0; i < n; i++) {
        		p = objs[i];
        		if (!p) {
        			mutex_lock(&big);
        			mutex_unlock(&big);
        			continue;
        		}
        		mutex_lock(&p->lock);
        	}
        }
        """;
    assertEquals(List.of("LO002 obj.lock", "LO001 big -> obj.lock"), findings(dir, code));
  }

  @Test
  void aRelockAssignmentKeepsWhatWasLockedThroughTheOldValue() throws Exception {
    // 6.1's release_pages: the lruvec is assigned NULL after an unlock and otherwise only by the
    // relock, whose lock, taken through the old value, is what the new value points to.
    String code = OBJ_LOCK + """
        int batch_full(void);
        static struct obj *relock(struct obj *locked, struct obj *next)
        {
        	if (locked) {
        		if (locked == next)
        			return locked;
        		mutex_unlock(&locked->lock);
        	}
        	mutex_lock(&next->lock);
        	return next;
        }
        static void release_all(struct obj **objs, int n)
        {
        	struct obj *p = NULL;
        	int i;
        	for (i = 0; i < n; i++) {
        		if (p && batch_full()) {
        			mutex_unlock(&p->lock);
        			p = NULL;
        		}
        		p = relock(p, objs[i]);
        	}
        	if (p)
        		mutex_unlock(&p->lock);
        }
        void after(struct obj **objs, int n) { release_all(objs, n); mutex_lock(&big); mutex_unlock(&big); }
        """;
    assertEquals(List.of(), findings(dir, code));
  }

  @Test
  void testsOfAVariableAssignedOnBothBranchesAgreeUntilItIsAssignedAgain() throws Exception {
    // The lock is not taken through m, so only the two tests of m pair it with its unlock.
    String code = """
        static DEFINE_MUTEX(big);
        static DEFINE_MUTEX(cache_lock);
        struct obj { int n; };
        int kind(void);
        void work(void);
        static void split(struct obj *o)
        {
        	struct obj *m = NULL;
        	if (kind())
        		m = NULL;
        	else
        		m = o;
        	if (m)
        		mutex_lock(&cache_lock);
        	work();
        	if (m)
        		mutex_unlock(&cache_lock);
        }
        void after(struct obj *o) { split(o); mutex_lock(&big); mutex_unlock(&big); }
        void before(void) { mutex_lock(&big); mutex_lock(&cache_lock); mutex_unlock(&cache_lock); mutex_unlock(&big); }
        """;
    assertEquals(List.of(), findings(dir, code));
    // An assignment between the tests ends their correlation: the second may skip the unlock.
    String reassigned = code.replace("\twork();\n", "\twork();\n\tif (kind())\n\t\tm = NULL;\n");
    assertEquals(List.of("LO001 big -> cache_lock"), findings(dir, reassigned));
  }
}
