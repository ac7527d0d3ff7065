package org.lockorder.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;
import org.lockorder.report.Finding;
import org.lockorder.report.Simulation;

/**
 * LO002: which threads the simulator plays. One statement reached twice through the same calls is
 * a loop, and its expression names another object on the next pass, so two objects are needed;
 * the same expression taken by two calls of a wrapper is one object, and one thread deadlocks.
 */
class RecursiveLockingPlanTest {
  @TempDir Path dir;

  private List<String> roles(String code) throws Exception {
    Path file = Files.writeString(dir.resolve("snippet.c"), code);
    List<Finding> f = new Pipeline(PipelineOptions.defaults()).run(List.of(file.toString())).findings();
    assertEquals(1, f.size(), f.toString());
    assertEquals("LO002", f.get(0).rule());
    return f.get(0).simulation().threads().stream().map(Simulation.SimulatedThread::role).toList();
  }

  @Test
  void aLoopTakesAnotherObjectOnItsNextPass() throws Exception {
    List<String> roles = roles("""
        struct buffer_head { unsigned long b_state; };
        void read_all(struct buffer_head *arr[], int nr) {
          int i;
          for (i = 0; i < nr; i++)
            lock_buffer(arr[i]);
        }
        """);
    assertEquals(2, roles.size(), roles.toString());
    assertTrue(roles.get(0).startsWith("holds object 1 of BH_Lock (arr[i]), takes object 2 on a later pass of "), roles.get(0));
  }

  @Test
  void aWrapperCalledTwiceTakesTheSameObject() throws Exception {
    List<String> roles = roles("""
        struct inode { struct rw_semaphore i_rwsem; };
        static void lock_it(struct inode *inode) { down_write(&inode->i_rwsem); }
        void twice(struct inode *inode) {
          lock_it(inode);
          lock_it(inode);
        }
        """);
    assertEquals(List.of("takes inode.i_rwsem (&inode->i_rwsem) twice"), roles);
  }

  @Test
  void aWrapperCalledWithAnotherObjectTakesAnother() throws Exception {
    // One wrapper, one expression in it, two arguments: two objects (before, one thread).
    List<String> two = roles("""
        struct inode { struct rw_semaphore i_rwsem; };
        static void lock_it(struct inode *inode) { down_write(&inode->i_rwsem); }
        void both(struct inode *a, struct inode *b) {
          lock_it(a);
          lock_it(b);
        }
        """);
    assertEquals(2, two.size(), two.toString());
    assertTrue(two.get(0).startsWith("holds object 1 of inode.i_rwsem"), two.toString());
  }

  @Test
  void aGlobalLockIsOneObjectWhateverTakesIt() throws Exception {
    // Two functions, two statements: before, two objects "of" a static lock and a second thread.
    String code = """
        static DEFINE_SPINLOCK(table_lock);
        static int count;
        static void bump(void) { spin_lock(&table_lock); count++; spin_unlock(&table_lock); }
        void add_entry(void) { spin_lock(&table_lock); bump(); spin_unlock(&table_lock); }
        """;
    assertEquals(List.of("takes table_lock, a single lock, twice"), roles(code));
    Path file = Files.writeString(dir.resolve("snippet.c"), code);
    Finding f = new Pipeline(PipelineOptions.defaults()).run(List.of(file.toString())).findings().get(0);
    assertEquals("1 thread deadlocks on itself in the schedule below", f.simulation().reason());
  }
}
