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

/**
 * lockdep_set_class keys a declared class for the code of the file system that sets it, or, set in
 * shared code, for all code.
 */
class ClassKeysTest {
  @TempDir Path dir;

  static final String TYPES =
      """
      struct rw_semaphore { int count; };
      struct address_space { struct rw_semaphore i_mmap_rwsem; };
      struct inode { struct address_space *i_mapping; struct rw_semaphore i_rwsem; };
      struct lock_class_key { int k; };
      struct file_system_type { void (*kill_sb)(void *); };
      """;

  private List<String> run(String generic, String hugetlbfs) throws Exception {
    Files.createDirectories(dir.resolve("mm"));
    Files.createDirectories(dir.resolve("fs/hugetlbfs"));
    Files.writeString(dir.resolve("mm/generic.c"), TYPES + generic);
    Files.writeString(dir.resolve("fs/hugetlbfs/inode.c"),
        TYPES + hugetlbfs + "static struct file_system_type hugetlbfs_fs_type = { .kill_sb = kill_litter_super };\n");
    return findings();
  }

  private List<String> findings() throws Exception {
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

  static final String VFS_TYPES =
      """
      typedef struct { int rlock; } spinlock_t;
      struct lock_class_key { int k; };
      struct file_system_type { void (*kill_sb)(void *); struct lock_class_key i_lock_key; };
      struct inode;
      struct super_operations { int (*drop_inode)(struct inode *); };
      struct super_block { struct file_system_type *s_type; const struct super_operations *s_op; spinlock_t s_inode_list_lock; };
      struct inode { spinlock_t i_lock; struct super_block *i_sb; int i_count; };
      """;

  /**
   * 6.1's shape: the VFS keys every inode's i_lock by its file-system type, iput_final unlocks
   * what f2fs's ->drop_inode dropped and retook, and f2fs orders s_inode_list_lock before i_lock.
   */
  private List<String> vfsAndF2fs(String f2fsWalk) throws Exception {
    Files.createDirectories(dir.resolve("fs/f2fs"));
    Files.writeString(dir.resolve("fs/inode.c"), VFS_TYPES + """
        void inode_init_always(struct super_block *sb, struct inode *inode)
        {
        	spin_lock_init(&inode->i_lock);
        	lockdep_set_class(&inode->i_lock, &sb->s_type->i_lock_key);
        }
        static void iput_final(struct inode *inode)
        {
        	inode->i_sb->s_op->drop_inode(inode);
        	spin_unlock(&inode->i_lock);
        }
        void iput(struct inode *inode)
        {
        	if (atomic_dec_and_lock(&inode->i_count, &inode->i_lock))
        		iput_final(inode);
        }
        void evict_inodes(struct super_block *sb, struct inode *inode)
        {
        	iput(inode);
        	spin_lock(&sb->s_inode_list_lock);
        	spin_unlock(&sb->s_inode_list_lock);
        }
        """);
    Files.writeString(dir.resolve("fs/f2fs/super.c"), VFS_TYPES + """
        static int f2fs_drop_inode(struct inode *inode)
        {
        	if (inode->i_count) {
        		spin_unlock(&inode->i_lock);
        		f2fs_truncate(inode);
        		spin_lock(&inode->i_lock);
        	}
        	return 0;
        }
        static const struct super_operations f2fs_sops = { .drop_inode = f2fs_drop_inode };
        static struct file_system_type f2fs_fs_type = { .kill_sb = kill_f2fs_super };
        """ + f2fsWalk);
    return findings();
  }

  @Test
  void aKeySetInSharedCodeKeysTheClassEverywhere() throws Exception {
    // Keyed only in fs/, f2fs's retaken i_lock was another class than the one iput_final
    // releases: it stayed held after iput, and evict_inodes took s_inode_list_lock under it.
    String ordered =
        """
        void f2fs_sync_inodes(struct super_block *sb, struct inode *inode)
        {
        	spin_lock(&sb->s_inode_list_lock);
        	spin_lock(&inode->i_lock);
        	spin_unlock(&inode->i_lock);
        	spin_unlock(&sb->s_inode_list_lock);
        }
        """;
    assertEquals(List.of(), vfsAndF2fs(ordered));
  }

  @Test
  void aClassKeyedInSharedCodeIsNamedAfterTheKeyInFileSystemCode() throws Exception {
    String inverted =
        """
        void f2fs_inverted(struct super_block *sb, struct inode *inode)
        {
        	spin_lock(&inode->i_lock);
        	spin_lock(&sb->s_inode_list_lock);
        	spin_unlock(&sb->s_inode_list_lock);
        	spin_unlock(&inode->i_lock);
        }
        void f2fs_sync_inodes(struct super_block *sb, struct inode *inode)
        {
        	spin_lock(&sb->s_inode_list_lock);
        	spin_lock(&inode->i_lock);
        	spin_unlock(&inode->i_lock);
        	spin_unlock(&sb->s_inode_list_lock);
        }
        """;
    assertEquals(List.of("LO001 sb.s_type.i_lock_key -> super_block.s_inode_list_lock"), vfsAndF2fs(inverted));
  }

  @Test
  void aKeyTheCallerPassesInNamesNoClass() throws Exception {
    // 6.1 mm/list_lru.c: lockdep_set_class(&lru->node[i].lock, key), key a parameter.
    Files.createDirectories(dir.resolve("mm"));
    Files.writeString(dir.resolve("mm/list_lru.c"), """
        typedef struct { int rlock; } spinlock_t;
        struct lock_class_key { int k; };
        struct list_lru_node { spinlock_t lock; };
        struct list_lru { struct list_lru_node node[4]; };
        static spinlock_t other_lock;
        int __list_lru_init(struct list_lru *lru, struct lock_class_key *key)
        {
        	spin_lock_init(&lru->node[0].lock);
        	if (key)
        		lockdep_set_class(&lru->node[0].lock, key);
        	return 0;
        }
        void list_lru_add(struct list_lru *lru)
        {
        	spin_lock(&lru->node[0].lock);
        	spin_lock(&other_lock);
        	spin_unlock(&other_lock);
        	spin_unlock(&lru->node[0].lock);
        }
        void list_lru_walk(struct list_lru *lru)
        {
        	spin_lock(&other_lock);
        	spin_lock(&lru->node[0].lock);
        	spin_unlock(&lru->node[0].lock);
        	spin_unlock(&other_lock);
        }
        """);
    assertEquals(List.of("LO001 list_lru_node.lock -> other_lock"), findings());
  }

  private static final String HUGETLBFS_KEY =
      """
      static struct lock_class_key hugetlbfs_i_mmap_rwsem_key;
      void hugetlbfs_get_inode(struct inode *inode)
      {
      	lockdep_set_class(&inode->i_mapping->i_mmap_rwsem, &hugetlbfs_i_mmap_rwsem_key);
      }
      static struct file_system_type hugetlbfs_fs_type = { .kill_sb = kill_litter_super };
      """;

  /** Generic code in mm/generic.c, hugetlbfs's key in fs/hugetlbfs/, and {@code body} in {@code mm/<file>}. */
  private List<String> hugetlbBodyIn(String file) throws Exception {
    Files.createDirectories(dir.resolve("mm"));
    Files.createDirectories(dir.resolve("fs/hugetlbfs"));
    Files.writeString(dir.resolve("mm/generic.c"), TYPES + GENERIC);
    Files.writeString(dir.resolve("fs/hugetlbfs/inode.c"), TYPES + HUGETLBFS_KEY);
    Files.writeString(dir.resolve("mm").resolve(file), TYPES + HUGETLBFS_BODY);
    return findings();
  }

  @Test
  void aFileTheProfileGivesAFileSystemsKeysTakesTheKeyedClass() throws Exception {
    // The linux profile's file_systems.class_keys: mm/hugetlb.c locks hugetlbfs mappings only.
    assertEquals(List.of(), hugetlbBodyIn("hugetlb.c"));
  }

  @Test
  void otherSharedCodeKeepsTheDeclaredClass() throws Exception {
    assertEquals(List.of("LO001 address_space.i_mmap_rwsem -> inode.i_rwsem"), hugetlbBodyIn("mempolicy.c"));
  }

  @Test
  void aKeySetInAFileSystemsCodeKeysItsSubdirectoriesToo() throws Exception {
    // fs/xfs/libxfs is xfs's code as much as fs/xfs is (ADR-003): keyed by directory, the
    // library's acquisition kept the declared class and conflicted with the generic order.
    Files.createDirectories(dir.resolve("mm"));
    Files.createDirectories(dir.resolve("fs/xfs/libxfs"));
    Files.writeString(dir.resolve("mm/generic.c"), TYPES + GENERIC);
    Files.writeString(dir.resolve("fs/xfs/xfs_super.c"), TYPES + """
        static struct lock_class_key xfs_mmap_key;
        void xfs_setup_inode(struct inode *inode)
        {
        	lockdep_set_class(&inode->i_mapping->i_mmap_rwsem, &xfs_mmap_key);
        }
        static struct file_system_type xfs_fs_type = { .kill_sb = kill_block_super };
        """);
    Files.writeString(dir.resolve("fs/xfs/libxfs/xfs_bmap.c"), TYPES + HUGETLBFS_BODY);
    assertEquals(List.of(), findings());
  }
  /**
   * 6.1's i_rwsem: the VFS keys it with the type's i_mutex_key, and a directory's with the type's
   * i_mutex_dir_key (which lockorder folds into the first); XFS sets the directory key itself
   * through another path. The inode lock XFS takes is then the one the VFS takes.
   */
  private List<String> vfsAndXfs(String xfsKeyPath) throws Exception {
    String types =
        """
        struct rw_semaphore { int count; };
        struct lock_class_key { int k; };
        struct file_system_type { void (*kill_sb)(void *); struct lock_class_key i_mutex_key; struct lock_class_key i_mutex_dir_key; };
        struct super_block { struct file_system_type *s_type; struct rw_semaphore s_umount; };
        struct inode { struct super_block *i_sb; struct rw_semaphore i_rwsem; int i_mode; };
        """;
    Files.createDirectories(dir.resolve("fs/xfs"));
    Files.writeString(dir.resolve("fs/inode.c"), types + """
        void inode_init_always(struct super_block *sb, struct inode *inode)
        {
        	lockdep_set_class(&inode->i_rwsem, &sb->s_type->i_mutex_key);
        }
        void lockdep_annotate_inode_mutex_key(struct inode *inode)
        {
        	if (S_ISDIR(inode->i_mode)) {
        		struct file_system_type *type = inode->i_sb->s_type;
        		lockdep_set_class(&inode->i_rwsem, &type->i_mutex_dir_key);
        	}
        }
        void vfs_rename_ish(struct super_block *sb, struct inode *inode)
        {
        	down_read(&sb->s_umount);
        	inode_lock(inode);
        	inode_unlock(inode);
        	up_read(&sb->s_umount);
        }
        """);
    Files.writeString(dir.resolve("fs/xfs/xfs_iops.c"), types + """
        static struct lock_class_key xfs_other_key;
        void xfs_setup_inode(struct inode *inode)
        {
        	if (S_ISDIR(inode->i_mode))
        		lockdep_set_class(&inode->i_rwsem, %s);
        }
        void xfs_freeze_ish(struct inode *inode)
        {
        	inode_lock(inode);
        	down_write(&inode->i_sb->s_umount);
        	up_write(&inode->i_sb->s_umount);
        	inode_unlock(inode);
        }
        static struct file_system_type xfs_fs_type = { .kill_sb = kill_block_super };
        """.formatted(xfsKeyPath));
    return findings();
  }

  @Test
  void aFileSystemSettingAKeySharedCodeSetsTakesTheSharedClass() throws Exception {
    assertEquals(
        List.of("LO001 sb.s_type.i_mutex_key -> super_block.s_umount"),
        vfsAndXfs("&inode->i_sb->s_type->i_mutex_dir_key"));
  }

  @Test
  void aFileSystemsOwnKeyStillNamesItsOwnClass() throws Exception {
    assertEquals(List.of(), vfsAndXfs("&xfs_other_key"));
  }
}
