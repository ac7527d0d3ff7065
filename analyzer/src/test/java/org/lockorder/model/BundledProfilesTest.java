package org.lockorder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.Mode;

/** The bundled profiles declare what docs/lock-model.md says they do. */
class BundledProfilesTest {
  private static LockModel linux;
  private static LockModel pthread;

  @BeforeAll
  static void load() throws LockModelException {
    linux = LockModel.load(List.of("linux"), List.of());
    pthread = LockModel.load(List.of("pthread"), List.of());
  }

  @Test
  void bundledProfileNames() {
    assertEquals(List.of("linux", "pthread"), LockModel.bundledProfiles());
  }

  @Test
  void sourcesNameTheProfiles() throws LockModelException {
    LockModel both = LockModel.load(List.of("linux", "pthread"), List.of());
    assertEquals(List.of("linux profile", "pthread profile"), both.sources());
    assertTrue(both.primitive("mutex_lock").isPresent());
    assertTrue(both.primitive("pthread_mutex_lock").isPresent());
  }

  @Test
  void linuxReclaimEntriesAreTheAllocatorsWaysIntoReclaim() {
    assertEquals(List.of("try_to_free_pages", "node_reclaim", "try_to_free_mem_cgroup_pages"), linux.reclaim().entries());
    assertNull(pthread.reclaim());
  }

  @Test
  void unknownProfileIsAnError() {
    LockModelException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            LockModelException.class, () -> LockModel.load(List.of("linx"), List.of()));
    assertTrue(e.getMessage().contains("available: linux, pthread"), e.getMessage());
  }

  /** function, op, mode, style, lockArg, subclassArg, kind, class (- for none). */
  @ParameterizedTest
  @CsvSource({
    "mutex_lock, ACQUIRE, WRITE, BLOCKING, 0, -1, mutex, -",
    "mutex_lock_nested, ACQUIRE, WRITE, BLOCKING, 0, 1, mutex, -",
    "mutex_lock_interruptible, ACQUIRE, WRITE, CHECKED, 0, -1, mutex, -",
    "mutex_lock_killable_nested, ACQUIRE, WRITE, CHECKED, 0, 1, mutex, -",
    "mutex_lock_io, ACQUIRE, WRITE, BLOCKING, 0, -1, mutex, -",
    "mutex_trylock, ACQUIRE, WRITE, TRY, 0, -1, mutex, -",
    "mutex_unlock, RELEASE, -, -, 0, -1, mutex, -",
    "spin_lock_irqsave, ACQUIRE, WRITE, BLOCKING, 0, -1, spinlock, -",
    "spin_lock_irqsave_nested, ACQUIRE, WRITE, BLOCKING, 0, 2, spinlock, -",
    "spin_lock_nested, ACQUIRE, WRITE, BLOCKING, 0, 1, spinlock, -",
    "spin_trylock_bh, ACQUIRE, WRITE, TRY, 0, -1, spinlock, -",
    "spin_unlock_irqrestore, RELEASE, -, -, 0, -1, spinlock, -",
    "raw_spin_lock, ACQUIRE, WRITE, BLOCKING, 0, -1, spinlock, -",
    "raw_spin_trylock_irqsave, ACQUIRE, WRITE, TRY, 0, -1, spinlock, -",
    "raw_spin_unlock_irq, RELEASE, -, -, 0, -1, spinlock, -",
    "read_lock, ACQUIRE, READ, BLOCKING, 0, -1, rwlock, -",
    "read_lock_bh, ACQUIRE, READ, BLOCKING, 0, -1, rwlock, -",
    "read_trylock, ACQUIRE, READ, TRY, 0, -1, rwlock, -",
    "write_lock_irqsave, ACQUIRE, WRITE, BLOCKING, 0, -1, rwlock, -",
    "write_trylock, ACQUIRE, WRITE, TRY, 0, -1, rwlock, -",
    "read_unlock_irqrestore, RELEASE, -, -, 0, -1, rwlock, -",
    "down_read, ACQUIRE, READ, BLOCKING, 0, -1, rwsem, -",
    "down_read_nested, ACQUIRE, READ, BLOCKING, 0, 1, rwsem, -",
    "down_read_killable, ACQUIRE, READ, CHECKED, 0, -1, rwsem, -",
    "down_read_interruptible, ACQUIRE, READ, CHECKED, 0, -1, rwsem, -",
    "down_read_trylock, ACQUIRE, READ, TRY, 0, -1, rwsem, -",
    "up_read, RELEASE, -, -, 0, -1, rwsem, -",
    "down_write, ACQUIRE, WRITE, BLOCKING, 0, -1, rwsem, -",
    "down_write_nested, ACQUIRE, WRITE, BLOCKING, 0, 1, rwsem, -",
    "down_write_killable, ACQUIRE, WRITE, CHECKED, 0, -1, rwsem, -",
    "down_write_trylock, ACQUIRE, WRITE, TRY, 0, -1, rwsem, -",
    "down_write_nest_lock, ACQUIRE, WRITE, BLOCKING, 0, -1, rwsem, -",
    "up_write, RELEASE, -, -, 0, -1, rwsem, -",
    "percpu_down_read, ACQUIRE, READ, BLOCKING, 0, -1, percpu_rwsem, -",
    "percpu_down_read_trylock, ACQUIRE, READ, TRY, 0, -1, percpu_rwsem, -",
    "percpu_down_write, ACQUIRE, WRITE, BLOCKING, 0, -1, percpu_rwsem, -",
    "percpu_up_read, RELEASE, -, -, 0, -1, percpu_rwsem, -",
    "percpu_up_write, RELEASE, -, -, 0, -1, percpu_rwsem, -",
    "inode_lock, ACQUIRE, WRITE, BLOCKING, 0, -1, rwsem, inode.i_rwsem",
    "inode_lock_nested, ACQUIRE, WRITE, BLOCKING, 0, 1, rwsem, inode.i_rwsem",
    "inode_lock_shared, ACQUIRE, READ, BLOCKING, 0, -1, rwsem, inode.i_rwsem",
    "inode_trylock, ACQUIRE, WRITE, TRY, 0, -1, rwsem, inode.i_rwsem",
    "inode_trylock_shared, ACQUIRE, READ, TRY, 0, -1, rwsem, inode.i_rwsem",
    "inode_unlock_shared, RELEASE, -, -, 0, -1, rwsem, inode.i_rwsem",
    "filemap_invalidate_lock, ACQUIRE, WRITE, BLOCKING, 0, -1, rwsem, address_space.invalidate_lock",
    "filemap_invalidate_lock_shared, ACQUIRE, READ, BLOCKING, 0, -1, rwsem, address_space.invalidate_lock",
    "filemap_invalidate_unlock, RELEASE, -, -, 0, -1, rwsem, address_space.invalidate_lock",
    "mmap_read_lock, ACQUIRE, READ, BLOCKING, 0, -1, rwsem, mm_struct.mmap_lock",
    "mmap_read_lock_killable, ACQUIRE, READ, CHECKED, 0, -1, rwsem, mm_struct.mmap_lock",
    "mmap_read_trylock, ACQUIRE, READ, TRY, 0, -1, rwsem, mm_struct.mmap_lock",
    "mmap_write_lock, ACQUIRE, WRITE, BLOCKING, 0, -1, rwsem, mm_struct.mmap_lock",
    "mmap_write_lock_killable, ACQUIRE, WRITE, CHECKED, 0, -1, rwsem, mm_struct.mmap_lock",
    "mmap_write_trylock, ACQUIRE, WRITE, TRY, 0, -1, rwsem, mm_struct.mmap_lock",
    "mmap_write_unlock, RELEASE, -, -, 0, -1, rwsem, mm_struct.mmap_lock",
    "i_mmap_lock_write, ACQUIRE, WRITE, BLOCKING, 0, -1, rwsem, address_space.i_mmap_rwsem",
    "i_mmap_lock_read, ACQUIRE, READ, BLOCKING, 0, -1, rwsem, address_space.i_mmap_rwsem",
    "i_mmap_trylock_read, ACQUIRE, READ, TRY, 0, -1, rwsem, address_space.i_mmap_rwsem",
    "i_mmap_unlock_read, RELEASE, -, -, 0, -1, rwsem, address_space.i_mmap_rwsem",
    "sb_start_write, ACQUIRE, READ, BLOCKING, 0, -1, percpu_rwsem, sb_writers",
    "sb_start_write_trylock, ACQUIRE, READ, TRY, 0, -1, percpu_rwsem, sb_writers",
    "file_start_write, ACQUIRE, READ, BLOCKING, 0, -1, percpu_rwsem, sb_writers",
    "mnt_want_write, ACQUIRE, READ, CHECKED, 0, -1, percpu_rwsem, sb_writers",
    "mnt_want_write_file, ACQUIRE, READ, CHECKED, 0, -1, percpu_rwsem, sb_writers",
    "mnt_drop_write_file, RELEASE, -, -, 0, -1, percpu_rwsem, sb_writers",
    "sb_end_write, RELEASE, -, -, 0, -1, percpu_rwsem, sb_writers",
    "file_end_write, RELEASE, -, -, 0, -1, percpu_rwsem, sb_writers",
    "sb_start_pagefault, ACQUIRE, READ, BLOCKING, 0, -1, percpu_rwsem, sb_pagefaults",
    "sb_end_pagefault, RELEASE, -, -, 0, -1, percpu_rwsem, sb_pagefaults",
    "sb_start_intwrite, ACQUIRE, READ, BLOCKING, 0, -1, percpu_rwsem, sb_internal",
    "sb_end_intwrite, RELEASE, -, -, 0, -1, percpu_rwsem, sb_internal",
    "folio_lock, ACQUIRE, WRITE, BLOCKING, 0, -1, page_lock, PG_locked",
    "folio_lock_killable, ACQUIRE, WRITE, CHECKED, 0, -1, page_lock, PG_locked",
    "folio_trylock, ACQUIRE, WRITE, TRY, 0, -1, page_lock, PG_locked",
    "lock_page, ACQUIRE, WRITE, BLOCKING, 0, -1, page_lock, PG_locked",
    "trylock_page, ACQUIRE, WRITE, TRY, 0, -1, page_lock, PG_locked",
    "unlock_page, RELEASE, -, -, 0, -1, page_lock, PG_locked",
    "folio_unlock, RELEASE, -, -, 0, -1, page_lock, PG_locked",
    "rcu_read_lock, ACQUIRE, RECURSIVE_READ, BLOCKING, -1, -1, rcu, rcu_read_lock",
    "rcu_read_unlock, RELEASE, -, -, -1, -1, rcu, rcu_read_lock",
    "rcu_read_lock_bh, ACQUIRE, RECURSIVE_READ, BLOCKING, -1, -1, rcu, rcu_read_lock_bh",
    "srcu_read_lock, ACQUIRE, RECURSIVE_READ, BLOCKING, 0, -1, srcu, -",
    "lockdep_assert_held, ASSERT_HELD, WRITE, -, 0, -1, -, -",
    "lockdep_assert_held_once, ASSERT_HELD, WRITE, -, 0, -1, -, -",
    "lockdep_assert_held_write, ASSERT_HELD, WRITE, -, 0, -1, -, -",
    "lockdep_assert_held_read, ASSERT_HELD, READ, -, 0, -1, -, -",
    "assert_spin_locked, ASSERT_HELD, WRITE, -, 0, -1, spinlock, -",
    "lock_buffer, ACQUIRE, WRITE, BLOCKING, 0, -1, buffer_lock, BH_Lock",
    "__lock_buffer, ACQUIRE, WRITE, BLOCKING, 0, -1, buffer_lock, BH_Lock",
    "trylock_buffer, ACQUIRE, WRITE, TRY, 0, -1, buffer_lock, BH_Lock",
    "unlock_buffer, RELEASE, -, -, 0, -1, buffer_lock, BH_Lock",
    "write_seqlock, ACQUIRE, WRITE, BLOCKING, 0, -1, seqlock, -",
    "write_seqlock_irq, ACQUIRE, WRITE, BLOCKING, 0, -1, seqlock, -",
    "write_seqlock_irqsave, ACQUIRE, WRITE, BLOCKING, 0, -1, seqlock, -",
    "__write_seqlock_irqsave, ACQUIRE, WRITE, BLOCKING, 0, -1, seqlock, -",
    "write_seqlock_bh, ACQUIRE, WRITE, BLOCKING, 0, -1, seqlock, -",
    "write_sequnlock_irqrestore, RELEASE, -, -, 0, -1, seqlock, -",
    "read_seqlock_excl, ACQUIRE, WRITE, BLOCKING, 0, -1, seqlock, -",
    "read_sequnlock_excl_bh, RELEASE, -, -, 0, -1, seqlock, -",
    "mrupdate_nested, ACQUIRE, WRITE, BLOCKING, 0, -1, rwsem, -",
    "mraccess_nested, ACQUIRE, READ, BLOCKING, 0, -1, rwsem, -",
    "mrtryupdate, ACQUIRE, WRITE, TRY, 0, -1, rwsem, -",
    "mrtryaccess, ACQUIRE, READ, TRY, 0, -1, rwsem, -",
    "mrunlock_shared, RELEASE, -, -, 0, -1, rwsem, -",
    "f2fs_down_read, ACQUIRE, READ, BLOCKING, 0, -1, rwsem, -",
    "f2fs_down_read_nested, ACQUIRE, READ, BLOCKING, 0, 1, rwsem, -",
    "f2fs_down_write_trylock, ACQUIRE, WRITE, TRY, 0, -1, rwsem, -",
    "f2fs_up_write, RELEASE, -, -, 0, -1, rwsem, -",
    "ocfs2_inode_lock_full_nested, ACQUIRE, WRITE, CHECKED, 0, 4, cluster_lock, ocfs2_inode_info.ip_inode_lockres",
    "ocfs2_inode_unlock, RELEASE, -, -, 0, -1, cluster_lock, ocfs2_inode_info.ip_inode_lockres",
  })
  void linuxLockPrimitives(
      String function, Op op, String mode, String style, int lockArg, int subclassArg, String kind,
      String lockClass) {
    Primitive p = linux.primitive(function).orElseThrow(() -> new AssertionError(function));
    assertEquals(op, p.op(), function);
    assertEquals(mode.equals("-") ? null : Mode.valueOf(mode), p.mode(), function);
    assertEquals(style.equals("-") ? null : AcquireStyle.valueOf(style), p.style(), function);
    assertEquals(lockArg, p.lockArg(), function);
    assertEquals(subclassArg, p.subclassArg(), function);
    assertEquals(kind.equals("-") ? null : kind, p.kind(), function);
    assertEquals(lockClass.equals("-") ? null : lockClass, p.lockClass(), function);
    assertEquals("linux profile", p.origin());
  }

  @Test
  void fixedClassWrappersNameTheField() {
    assertEquals("i_rwsem", linux.primitive("inode_lock").orElseThrow().lockField());
    assertEquals("mmap_lock", linux.primitive("mmap_read_lock").orElseThrow().lockField());
    assertEquals("invalidate_lock", linux.primitive("filemap_invalidate_lock").orElseThrow().lockField());
    assertEquals("i_mmap_rwsem", linux.primitive("i_mmap_lock_write").orElseThrow().lockField());
    assertNull(linux.primitive("mutex_lock").orElseThrow().lockField());
  }

  @Test
  void downgradesAreDeliberatelyUndeclared() {
    assertFalse(linux.primitive("downgrade_write").isPresent());
    assertFalse(linux.primitive("mmap_write_downgrade").isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "copy_from_user", "copy_to_user", "__copy_from_user", "__copy_to_user", "get_user", "put_user",
    "__get_user", "__put_user", "fault_in_iov_iter_readable", "fault_in_iov_iter_writeable",
    "fault_in_readable", "fault_in_writeable", "fault_in_safe_writeable", "get_user_pages",
    "get_user_pages_fast", "get_user_pages_remote", "get_user_pages_unlocked", "pin_user_pages",
    "pin_user_pages_fast", "pin_user_pages_remote", "pin_user_pages_unlocked", "copy_page_from_iter",
    "copy_page_to_iter", "copy_from_iter", "copy_to_iter", "copy_folio_to_iter", "strncpy_from_user",
    "might_fault"})
  void mayFault(String function) {
    assertEquals(Op.MAY_FAULT, linux.primitive(function).orElseThrow(() -> new AssertionError(function)).op());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "copy_page_from_iter_atomic", "__copy_from_user_inatomic", "__copy_to_user_inatomic",
    "copy_from_user_nofault", "copy_to_user_nofault", "get_user_pages_fast_only"})
  void atomicCopiesAreDeclaredNonFaulting(String function) {
    assertTrue(linux.primitive(function).isEmpty(), function);
    assertTrue(linux.nonFaulting().contains(function), function);
  }

  @Test
  void faultRegions() {
    assertEquals(Op.FAULTS_DISABLE, linux.primitive("pagefault_disable").orElseThrow().op());
    assertEquals(Op.FAULTS_ENABLE, linux.primitive("pagefault_enable").orElseThrow().op());
  }

  @Test
  void pageFaultHandler() {
    PageFaultModel pf = linux.pageFault();
    assertEquals("mm_struct.mmap_lock", pf.lockClass());
    assertEquals("rwsem", pf.kind());
    assertEquals(Mode.READ, pf.mode());
    assertTrue(pf.handlerFields().containsAll(List.of(
        "vm_operations_struct.fault", "vm_operations_struct.page_mkwrite",
        "vm_operations_struct.huge_fault", "vm_operations_struct.pfn_mkwrite")));
    assertNull(pthread.pageFault(), "pthread alone has no page-fault handler");
  }

  @ParameterizedTest
  @CsvSource({
    "DEFINE_MUTEX, mutex", "DEFINE_SPINLOCK, spinlock", "DEFINE_RAW_SPINLOCK, spinlock",
    "DEFINE_RWLOCK, rwlock", "DECLARE_RWSEM, rwsem", "DEFINE_STATIC_PERCPU_RWSEM, percpu_rwsem",
    "DEFINE_PERCPU_RWSEM, percpu_rwsem"})
  void definers(String macro, String kind) {
    assertEquals(kind, linux.definerKind(macro).orElseThrow());
  }

  @Test
  void constantsMatchLinux61() {
    assertEquals(1L, linux.constants().get("SINGLE_DEPTH_NESTING"));
    assertEquals(0L, linux.constants().get("I_MUTEX_NORMAL"));
    assertEquals(1L, linux.constants().get("I_MUTEX_PARENT"));
    assertEquals(2L, linux.constants().get("I_MUTEX_CHILD"));
    assertEquals(3L, linux.constants().get("I_MUTEX_XATTR"));
    assertEquals(4L, linux.constants().get("I_MUTEX_NONDIR2"));
    assertEquals(5L, linux.constants().get("I_MUTEX_PARENT2"));
    assertEquals(1L, linux.constants().get("SB_FREEZE_WRITE"));
  }

  @Test
  void rwlockReadersCanBeForcedRecursiveForSelftests() {
    LockModel forced = linux.withRecursiveRwlockReaders();
    assertEquals(Mode.RECURSIVE_READ, forced.primitive("read_lock").orElseThrow().mode());
    assertEquals(Mode.RECURSIVE_READ, forced.primitive("read_trylock").orElseThrow().mode());
    assertEquals(Mode.WRITE, forced.primitive("write_lock").orElseThrow().mode());
    assertEquals(Mode.READ, forced.primitive("down_read").orElseThrow().mode(), "rwsem untouched");
    assertEquals(Mode.READ, linux.primitive("read_lock").orElseThrow().mode(), "original untouched");
    assertFalse(forced.fingerprint().equals(linux.fingerprint()));
  }

  /** function, op, mode, style. */
  @ParameterizedTest
  @CsvSource({
    "pthread_mutex_lock, ACQUIRE, WRITE, BLOCKING",
    "pthread_mutex_trylock, ACQUIRE, WRITE, TRY",
    "pthread_mutex_timedlock, ACQUIRE, WRITE, CHECKED",
    "pthread_mutex_unlock, RELEASE, -, -",
    "pthread_rwlock_rdlock, ACQUIRE, RECURSIVE_READ, BLOCKING",
    "pthread_rwlock_tryrdlock, ACQUIRE, RECURSIVE_READ, TRY",
    "pthread_rwlock_timedrdlock, ACQUIRE, RECURSIVE_READ, CHECKED",
    "pthread_rwlock_wrlock, ACQUIRE, WRITE, BLOCKING",
    "pthread_rwlock_trywrlock, ACQUIRE, WRITE, TRY",
    "pthread_rwlock_timedwrlock, ACQUIRE, WRITE, CHECKED",
    "pthread_rwlock_unlock, RELEASE, -, -",
    "pthread_spin_lock, ACQUIRE, WRITE, BLOCKING",
    "pthread_spin_trylock, ACQUIRE, WRITE, TRY",
    "pthread_spin_unlock, RELEASE, -, -",
  })
  void pthreadPrimitives(String function, Op op, String mode, String style) {
    Primitive p = pthread.primitive(function).orElseThrow(() -> new AssertionError(function));
    assertEquals(op, p.op());
    assertEquals(mode.equals("-") ? null : Mode.valueOf(mode), p.mode());
    assertEquals(style.equals("-") ? null : AcquireStyle.valueOf(style), p.style());
    assertEquals(0, p.lockArg());
  }

  @Test
  void pthreadCreateSpawnsAtArg2() {
    Primitive p = pthread.primitive("pthread_create").orElseThrow();
    assertEquals(Op.SPAWN_THREAD, p.op());
    assertEquals(2, p.startRoutineArg());
    assertTrue(pthread.primitive("mutex_lock").isEmpty(), "profiles are independent");
  }
}
