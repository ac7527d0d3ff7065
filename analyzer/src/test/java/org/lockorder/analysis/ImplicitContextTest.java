package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lockorder.analysis.Snippets.findings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Implicit lock-order edges driven by lock-model data: memory reclaim (gfp flags, nofs scopes,
 * reclaim entry points), lockdep annotations (might_lock, lock_map_*), waits, and stand-ins for
 * functions outside the analyzed code.
 */
class ImplicitContextTest {
  @TempDir Path dir;

  /** A shrinker whose scan takes 'cache_lock': reclaim orders fs_reclaim -> cache_lock. */
  static final String SHRINKER =
      """
      struct shrink_control { int nr; };
      struct shrinker { unsigned long (*scan_objects)(struct shrinker *, struct shrink_control *); };
      static DEFINE_MUTEX(cache_lock);
      static unsigned long cache_scan(struct shrinker *s, struct shrink_control *sc)
      {
      	mutex_lock(&cache_lock);
      	mutex_unlock(&cache_lock);
      	return 0;
      }
      static struct shrinker cache_shrinker = { .scan_objects = cache_scan };
      """;

  private List<String> withShrinker(String body) throws Exception {
    return findings(dir, SHRINKER + body);
  }

  @Test
  void gfpKernelUnderTheShrinkersLockClosesACycleThroughFsReclaim() throws Exception {
    assertEquals(List.of("LO001 cache_lock -> fs_reclaim"), withShrinker(
        "void cache_grow(void) { mutex_lock(&cache_lock); kmalloc(64, GFP_KERNEL); mutex_unlock(&cache_lock); }"));
  }

  @Test
  void flagsThatForbidFsReclaimCutIt() throws Exception {
    for (String gfp : List.of("GFP_NOFS", "GFP_NOIO", "GFP_ATOMIC", "GFP_NOWAIT", "GFP_KERNEL & ~__GFP_FS", "mapping_gfp_mask(m)")) {
      assertEquals(List.of(), withShrinker(
          "void cache_grow(gfp_t gfp) { mutex_lock(&cache_lock); kmalloc(64, " + gfp + "); mutex_unlock(&cache_lock); }"),
          gfp);
    }
    assertEquals(List.of("LO001 cache_lock -> fs_reclaim"), withShrinker(
        "void cache_grow(void) { mutex_lock(&cache_lock); kcalloc(4, 64, GFP_KERNEL | __GFP_ZERO); mutex_unlock(&cache_lock); }"));
    assertEquals(List.of("LO001 cache_lock -> fs_reclaim"), withShrinker(
        "void cache_grow(void) { mutex_lock(&cache_lock); vmalloc(4096); mutex_unlock(&cache_lock); }"));
  }

  @Test
  void aNofsScopeInTheCallerCoversAllocationsInCallees() throws Exception {
    assertEquals(List.of(), withShrinker(
        """
        static void *grow(void) { return kmalloc(64, GFP_KERNEL); }
        void cache_grow(void)
        {
        	unsigned int flags;
        	mutex_lock(&cache_lock);
        	flags = memalloc_nofs_save();
        	grow();
        	memalloc_nofs_restore(flags);
        	mutex_unlock(&cache_lock);
        }
        """));
    // The same call after the scope closed does reach reclaim.
    assertEquals(List.of("LO001 cache_lock -> fs_reclaim"), withShrinker(
        """
        static void *grow(void) { return kmalloc(64, GFP_KERNEL); }
        void cache_grow(void)
        {
        	unsigned int flags = memalloc_nofs_save();
        	memalloc_nofs_restore(flags);
        	mutex_lock(&cache_lock);
        	grow();
        	mutex_unlock(&cache_lock);
        }
        """));
  }

  @Test
  void aGfpParameterIsDecidedByEachCallerUpTheChain() throws Exception {
    String chain =
        """
        static void *grow(size_t n, gfp_t gfp) { return kmalloc(n, gfp | __GFP_ZERO); }
        static void *grow_more(gfp_t flags) { return grow(64, flags); }
        """;
    assertEquals(List.of("LO001 cache_lock -> fs_reclaim"), withShrinker(chain
        + "void cache_grow(void) { mutex_lock(&cache_lock); grow_more(GFP_KERNEL); mutex_unlock(&cache_lock); }"));
    assertEquals(List.of(), withShrinker(chain
        + "void cache_grow(void) { mutex_lock(&cache_lock); grow_more(GFP_NOFS); mutex_unlock(&cache_lock); }"));
  }

  @Test
  void writepagesRunsUnderReclaim() throws Exception {
    assertEquals(List.of("LO001 fs_reclaim -> inode.i_rwsem"), findings(dir,
        """
        struct inode { struct rw_semaphore i_rwsem; };
        struct address_space { struct inode *host; };
        struct writeback_control { long nr_to_write; };
        struct address_space_operations { int (*writepages)(struct address_space *, struct writeback_control *); };
        static int my_writepages(struct address_space *mapping, struct writeback_control *wbc)
        {
        	inode_lock(mapping->host);
        	inode_unlock(mapping->host);
        	return 0;
        }
        const struct address_space_operations my_aops = { .writepages = my_writepages };
        void my_setattr(struct inode *inode)
        {
        	inode_lock(inode);
        	kzalloc(128, GFP_KERNEL);
        	inode_unlock(inode);
        }
        """));
  }

  @Test
  void mightLockOrdersWithoutHolding() throws Exception {
    assertEquals(List.of("LO001 a -> b"), findings(dir,
        """
        static DEFINE_MUTEX(a);
        static DEFINE_MUTEX(b);
        void f(void) { mutex_lock(&a); might_lock(&b); mutex_unlock(&a); }
        void g(void) { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }
        """));
    // Not held afterwards: nothing taken after might_lock(&b) orders after b.
    assertEquals(List.of(), findings(dir,
        """
        static DEFINE_MUTEX(a);
        static DEFINE_MUTEX(b);
        void f(void) { might_lock(&b); mutex_lock(&a); mutex_unlock(&a); }
        void g(void) { mutex_lock(&b); mutex_unlock(&b); mutex_lock(&a); mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }
        """));
  }

  @Test
  void lockMapPseudoLocksOrderLikeLocks() throws Exception {
    assertEquals(List.of("LO001 flush_map -> wq_lock"), findings(dir,
        """
        struct lockdep_map { int x; };
        static struct lockdep_map flush_map;
        static DEFINE_MUTEX(wq_lock);
        void run_work(void) { lock_map_acquire(&flush_map); mutex_lock(&wq_lock); mutex_unlock(&wq_lock); lock_map_release(&flush_map); }
        void flush(void) { mutex_lock(&wq_lock); lock_map_acquire(&flush_map); lock_map_release(&flush_map); mutex_unlock(&wq_lock); }
        """));
  }

  @Test
  void waitingForWritebackOrdersAfterHeldLocks() throws Exception {
    assertEquals(List.of("LO001 PG_locked -> PG_writeback"), findings(dir,
        """
        struct folio { int flags; };
        void truncate_one(struct folio *folio) { folio_lock(folio); folio_wait_writeback(folio); folio_unlock(folio); }
        void lock_map_for_end(struct folio *folio) { lock_map_acquire(&PG_writeback); folio_lock(folio); folio_unlock(folio); lock_map_release(&PG_writeback); }
        """));
  }

  @Test
  void filemapFaultStandInReachesReadFolioUnderInvalidateLock() throws Exception {
    // Only fs/ is analyzed: filemap_fault is the lock model's stand-in. my_ioctl copies from user
    // memory under my_lock; the fault reads the folio in, and ->read_folio takes my_lock again.
    assertEquals(List.of(
        "LO002 my_lock",
        "LO001 address_space.invalidate_lock -> my_lock",
        "LO001 mm_struct.mmap_lock -> my_lock",
        "LO001 address_space.invalidate_lock -> my_lock -> mm_struct.mmap_lock"), findings(dir,
        """
        struct file;
        struct folio { int flags; };
        struct vm_fault { int flags; };
        struct vm_operations_struct { int (*fault)(struct vm_fault *); };
        struct address_space_operations { int (*read_folio)(struct file *, struct folio *); };
        static DEFINE_MUTEX(my_lock);
        static int my_read_folio(struct file *file, struct folio *folio)
        {
        	mutex_lock(&my_lock);
        	mutex_unlock(&my_lock);
        	return 0;
        }
        const struct address_space_operations my_aops = { .read_folio = my_read_folio };
        const struct vm_operations_struct my_vm_ops = { .fault = filemap_fault };
        void my_ioctl(char *ubuf)
        {
        	char kbuf[8];
        	mutex_lock(&my_lock);
        	copy_from_user(kbuf, ubuf, 8);
        	mutex_unlock(&my_lock);
        }
        """));
  }
}
