package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sparse's {@code __acquires(x)} and {@code __releases(x)} on a function say what it does to
 * {@code x} whatever its body shows; one naming a member its struct does not have is stale and
 * says nothing (6.1's afs seq_file methods).
 */
class SparseAnnotationsTest {
  @TempDir Path dir;

  private static final String SEQ = """
      struct afs_cell { int proc_volumes; };
      struct afs_net { struct mutex sysnames_lock; };
      struct afs_cell *cell_of(void *m);
      struct afs_net *net_of(void *m);
      void *seq_next(void *m);
      static DEFINE_SPINLOCK(buf_lock);

      static void *volumes_start(void *m)
      	__acquires(cell->proc_lock)
      {
      	struct afs_cell *cell = cell_of(m);
      	rcu_read_lock();
      	return seq_next(m);
      }

      static void volumes_stop(void *m)
      	__releases(cell->proc_lock)
      {
      	rcu_read_unlock();
      }

      void show_volumes(void *m)
      {
      	volumes_start(m);
      	volumes_stop(m);
      	spin_lock(&buf_lock);
      	spin_unlock(&buf_lock);
      }
      """;

  @Test
  void anAnnotationOnAMemberTheStructLacksSaysNothing() throws Exception {
    assertEquals(List.of(), edges(SEQ));
  }

  @Test
  void aMemberTheStructHasIsHeldAfterAcquires() throws Exception {
    String real = SEQ.replace("struct afs_cell { int proc_volumes; };", "struct afs_cell { int proc_volumes; struct mutex proc_lock; };")
        .replace("\tvolumes_stop(m);\n", "");
    // Without the stop, both the annotated lock and RCU are held into the buffer's lock (a
    // spinlock: a mutex would sleep in the RCU section volumes_start returned, which ADR-014
    // then takes as not held).
    assertEquals(List.of("afs_cell.proc_lock -> buf_lock", "rcu_read_lock -> buf_lock"), edges(real));
  }

  @Test
  void releasesDropsTheLockOnReturnWhenTheBodyDoesNotShowIt() throws Exception {
    String code = """
        struct afs_net { struct mutex sysnames_lock; };
        struct afs_net *net_of(void *m);
        void drop_names(struct afs_net *net);
        static DEFINE_MUTEX(buf_mutex);

        static void names_stop(void *m)
        	__releases(&net->sysnames_lock)
        {
        	struct afs_net *net = net_of(m);
        	drop_names(net);
        }

        void show_names(void *m)
        {
        	struct afs_net *net = net_of(m);
        	mutex_lock(&net->sysnames_lock);
        	names_stop(m);
        	mutex_lock(&buf_mutex);
        	mutex_unlock(&buf_mutex);
        }
        """;
    assertEquals(List.of(), edges(code));
    assertEquals(List.of("afs_net.sysnames_lock -> buf_mutex"), edges(code.replace("\t__releases(&net->sysnames_lock)\n", "")));
  }

  private List<String> edges(String code) throws Exception {
    return Snippets.edges(dir, code);
  }
}
