package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;
import org.lockorder.report.Report;

/** lockdep_set_class keys a declared class for the code of the directory that sets it. */
class ClassKeysTest {
  @TempDir Path dir;

  static final String TYPES =
      """
      struct rw_semaphore { int count; };
      struct address_space { struct rw_semaphore i_mmap_rwsem; };
      struct inode { struct address_space *i_mapping; struct rw_semaphore i_rwsem; };
      struct lock_class_key { int k; };
      """;

  private List<String> run(String generic, String hugetlbfs) throws Exception {
    Files.createDirectories(dir.resolve("mm"));
    Files.createDirectories(dir.resolve("hugetlbfs"));
    Files.writeString(dir.resolve("mm/generic.c"), TYPES + generic);
    Files.writeString(dir.resolve("hugetlbfs/inode.c"), TYPES + hugetlbfs);
    Report r = new Pipeline(PipelineOptions.defaults()).run(List.of(dir.toString()));
    assertEquals(List.of(), r.diagnostics());
    return r.findings().stream().map(Snippets::summary).toList();
  }

  /** Generic code: i_rwsem -> i_mmap_rwsem. */
  static final String GENERIC =
      """
      void unmap_mapping(struct inode *inode)
      {
      	inode_lock(inode);
      	i_mmap_lock_write(inode->i_mapping);
      	i_mmap_unlock_write(inode->i_mapping);
      	inode_unlock(inode);
      }
      """;

  /** hugetlbfs: i_mmap_rwsem -> i_rwsem, in code that keys its own i_mmap_rwsem. */
  static final String HUGETLBFS_BODY =
      """
      void hugetlb_fault_path(struct inode *inode)
      {
      	i_mmap_lock_read(inode->i_mapping);
      	inode_lock(inode);
      	inode_unlock(inode);
      	i_mmap_unlock_read(inode->i_mapping);
      }
      """;

  @Test
  void aKeyedClassInOneDirectoryIsADifferentClass() throws Exception {
    String keyed =
        """
        static struct lock_class_key hugetlbfs_i_mmap_rwsem_key;
        void hugetlbfs_get_inode(struct inode *inode)
        {
        	lockdep_set_class(&inode->i_mapping->i_mmap_rwsem, &hugetlbfs_i_mmap_rwsem_key);
        }
        """;
    assertEquals(List.of(), run(GENERIC, keyed + HUGETLBFS_BODY));
  }

  @Test
  void withoutTheKeyTheOrdersConflict() throws Exception {
    assertEquals(
        List.of("LO001 address_space.i_mmap_rwsem -> inode.i_rwsem"), run(GENERIC, HUGETLBFS_BODY));
  }

  @Test
  void theKeyIsTheClassNameInFindings() throws Exception {
    String keyed =
        """
        static struct lock_class_key hugetlbfs_i_mmap_rwsem_key;
        void hugetlbfs_get_inode(struct inode *inode)
        {
        	lockdep_set_class(&inode->i_mapping->i_mmap_rwsem, &hugetlbfs_i_mmap_rwsem_key);
        }
        void hugetlb_truncate(struct inode *inode)
        {
        	inode_lock(inode);
        	i_mmap_lock_write(inode->i_mapping);
        	i_mmap_unlock_write(inode->i_mapping);
        	inode_unlock(inode);
        }
        """;
    assertEquals(
        List.of("LO001 hugetlbfs_i_mmap_rwsem_key -> inode.i_rwsem"), run(GENERIC, keyed + HUGETLBFS_BODY));
  }
}
