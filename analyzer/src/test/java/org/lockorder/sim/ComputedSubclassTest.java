package org.lockorder.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which classes of a finding have a subclass the analysis left as an expression (ADR-015, stop 52). */
class ComputedSubclassTest {
  @Test
  void aNumberedSubclassOrNoneIsKnown() {
    assertNull(Simulator.computedSubclass(List.of("inode.i_rwsem", "dentry.d_lock/1", "pipe_inode_info.mutex/12")));
  }

  @Test
  void anExpressionIsComputedAtRunTimeWhateverItHolds() {
    assertEquals("eventpoll.mtx/depth + 1", Simulator.computedSubclass(List.of("mm_struct.mmap_lock", "eventpoll.mtx/depth + 1")));
    // The subclass is what follows the first '/', so an expression with a division is one too.
    assertEquals("ks.keys/nest / 2", Simulator.computedSubclass(List.of("ks.keys/nest / 2")));
    assertEquals(
        "inode.i_sb.s_type.i_mutex_dir_key/XFS_IOLOCK_DEP(lock_flags)",
        Simulator.computedSubclass(List.of("inode.i_sb.s_type.i_mutex_dir_key/XFS_IOLOCK_DEP(lock_flags)", "ks.keys/2")));
  }
}
