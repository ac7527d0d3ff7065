package org.lockorder.frontend.c;

import java.util.List;
import java.util.Set;

/** Typedef names every kernel or libc file can use without declaring them. */
final class KnownTypeNames {
  private KnownTypeNames() {}

  static final Set<String> BUILT_IN =
      Set.copyOf(
          List.of(
          "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64",
          "__u8", "__u16", "__u32", "__u64", "__s8", "__s16", "__s32", "__s64",
          "__le16", "__le32", "__le64", "__be16", "__be32", "__be64", "__wsum", "__sum16",
          "bool", "_Bool", "uint", "ulong", "ushort", "uchar", "va_list", "__va_list",
          "__builtin_va_list", "__gnuc_va_list",
          "size_t", "ssize_t", "loff_t", "pgoff_t", "gfp_t", "atomic_t", "atomic64_t",
          "atomic_long_t", "refcount_t", "spinlock_t", "raw_spinlock_t", "rwlock_t",
          "seqlock_t", "seqcount_t", "wait_queue_head_t", "wait_queue_entry_t",
          "pthread_mutex_t", "pthread_t", "pthread_rwlock_t", "pthread_spinlock_t",
          "pthread_attr_t", "pthread_cond_t", "pthread_mutexattr_t", "pthread_rwlockattr_t",
          "pthread_once_t", "pthread_key_t", "pthread_barrier_t", "sem_t",
          "uint8_t", "uint16_t", "uint32_t", "uint64_t", "int8_t", "int16_t", "int32_t",
          "int64_t", "uintptr_t", "intptr_t", "ptrdiff_t", "off_t", "pid_t", "uid_t", "gid_t",
          "kuid_t", "kgid_t", "time_t", "time64_t", "ktime_t", "clockid_t", "sector_t",
          "blkcnt_t", "vm_fault_t", "fmode_t", "umode_t", "dev_t", "ino_t", "nlink_t",
          "phys_addr_t", "dma_addr_t", "resource_size_t", "irqreturn_t", "pte_t", "pmd_t",
          "pud_t", "p4d_t", "pgd_t", "pgprot_t", "swp_entry_t", "pgtable_t", "nodemask_t",
          "cpumask_t", "cpumask_var_t", "wchar_t", "FILE", "errno_t", "socklen_t"));
}
