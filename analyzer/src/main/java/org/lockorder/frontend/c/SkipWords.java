package org.lockorder.frontend.c;

import java.util.List;
import java.util.Set;

/** The vocabulary of words the token filter removes or captures: kept as data so it can grow. */
final class SkipWords {
  private SkipWords() {}

  /** Qualifiers, attributes and kernel annotations that carry nothing the analysis needs. */
  static final Set<String> BARE =
      Set.copyOf(
          List.of(
          "const", "__const", "__const__", "volatile", "__volatile", "__volatile__",
          "inline", "__inline", "__inline__", "restrict", "__restrict", "__restrict__",
          "register", "_Noreturn", "__noreturn", "__extension__", "_Atomic",
          "__user", "__kernel", "__rcu", "__iomem", "__percpu", "__force", "__nocast",
          "__safe", "__private", "__bitwise", "__bitwise__", "__init", "__exit", "__ref",
          "__meminit", "__meminitdata", "__initdata", "__initconst", "__exitdata",
          "__init_or_module", "__must_check", "__always_inline", "noinline",
          "noinline_for_stack", "__noinline", "__maybe_unused", "__always_unused", "__used",
          "__read_mostly", "__cold", "__hot", "__weak", "asmlinkage", "__visible", "notrace",
          "__sched", "__packed", "__cacheline_aligned", "__cacheline_aligned_in_smp",
          "____cacheline_aligned", "____cacheline_aligned_in_smp", "__randomize_layout",
          "__no_randomize_layout", "__ro_after_init", "__latent_entropy", "__pure",
          "__attribute_const__", "__malloc", "__noclone", "__flatten", "__deprecated",
          "__kprobes", "__nocfi", "noinstr", "__cpuidle", "__irq_entry", "__softirq_entry",
          "__noendbr", "__naked", "__nostackprotector", "__no_sanitize_address", "__no_kcsan",
          "__no_sanitize_or_inline", "__lockfunc", "__nonstring", "__designated_init",
          "__aligned_largest", "__data_racy", "__percpu_data", "__tracepoint_string",
          "__refdata", "__initconst_or_module", "__init_memblock", "__meminitconst",
          "__cacheline_internodealigned_in_smp", "__page_aligned_data", "__page_aligned_bss",
          "__always_unused", "__unused", "__gnu_inline", "__no_profile", "__fix_address",
          "__nosavedata", "__initdata_memblock", "__init_memblock",
          "__meminit_memblock", "__net_init", "__net_exit", "__net_initdata", "forceinline",
          "__devinit", "__devexit", "__cpuinit", "__cpuexit", "__initrodata", "__no_sanitize_memory", "__no_kmsan_checks", "__exit_p", "__initdata_or_meminfo", "__ksym"));

  /** Attribute-like words followed by a parenthesized argument list that is dropped too. */
  static final Set<String> WITH_ARGUMENTS =
      Set.copyOf(
          List.of(
          "__attribute__", "__attribute", "__declspec", "__aligned", "__printf", "__scanf",
          "__section", "__counted_by", "__free", "__cleanup", "__alloc_size", "__realloc_size",
          "__assume_aligned", "__mode", "__copy", "__guarded_by", "__pt_guarded_by",
          "__diag_ignore_all", "__compiletime_error", "__nocast_arg", "__no_sanitize",
          "__section_attr", "__alias", "__weak_alias", "__no_sanitize_address_attr", "__aligned_attr"));

  /** Sparse context annotations, captured with their argument (see LockAnnotation). */
  static final Set<String> ANNOTATIONS = Set.of("__acquires", "__releases", "__must_hold");

  /** The LockAnnotation kind for a sparse annotation word. */
  static String annotationKind(String word) {
    return word.substring(2);
  }
}
