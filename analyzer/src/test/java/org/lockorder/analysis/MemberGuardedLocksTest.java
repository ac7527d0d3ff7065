package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lock a helper takes through its parameter under a test of one of that parameter's members is
 * guarded by the member, and an unlocking helper that tests the same member unlocks the lock taken
 * through its argument (6.1's pipe_lock_nested / pipe_unlock, both under {@code if
 * (pipe->files)}).
 */
class MemberGuardedLocksTest {
  @TempDir Path dir;

  private static final String PIPE = "struct mutex { long owner; };\n"
      + "struct pipe { struct mutex mutex; unsigned int files; };\n"
      + "static void lock_nested(struct pipe *p, int subclass) { if (p->files) mutex_lock_nested(&p->mutex, subclass); }\n"
      + "static void unlock(struct pipe *p) { if (p->files) mutex_unlock(&p->mutex); }\n";

  @Test
  void theUnlockingHelpersExitThatFoundTheMemberZeroDoesNotFollowTheGuardedLock() throws Exception {
    String code = PIPE + "void twice(struct pipe *p) { lock_nested(p, 0); unlock(p); lock_nested(p, 0); unlock(p); }\n";
    assertEquals(List.of(), Snippets.findings(dir, code));
  }

  @Test
  void anUnguardedLockStillPairsWithEitherExit() throws Exception {
    // Taken without the test, the lock may be held where unlock() found files zero.
    String code = PIPE + "void twice(struct pipe *p) { mutex_lock(&p->mutex); unlock(p); mutex_lock(&p->mutex); mutex_unlock(&p->mutex); }\n";
    assertEquals(List.of("LO002 pipe.mutex"), Snippets.findings(dir, code));
  }

  @Test
  void theHelperUnlocksTheLockTakenThroughItsArgumentNotTheNewest() throws Exception {
    // unlock(a) releasing b's newer mutex/2 would leave no lock guarded by b->files, and
    // unlock(b)'s exit that found it zero would then keep a's mutex/1 into the next pass.
    String code = PIPE
        + "int busy(void);\n"
        + "void retry(struct pipe *a, struct pipe *b) { while (busy()) { lock_nested(a, 1); lock_nested(b, 2); unlock(a); unlock(b); } }\n";
    assertEquals(List.of(), Snippets.findings(dir, code));
    assertEquals(List.of("pipe.mutex/1 -> pipe.mutex/2"), Snippets.edges(dir, code));
  }
}
