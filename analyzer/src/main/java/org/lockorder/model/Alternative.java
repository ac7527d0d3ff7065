package org.lockorder.model;

import java.util.List;

/**
 * Sources a kernel never builds together (one slab allocator per kernel: {@code mm/slub.c},
 * {@code mm/slab.c} or {@code mm/slob.c}). When an input file's path ends with {@code keep}, the
 * input files whose paths end with one of {@code drop} are left out, with a note: analyzed
 * together, their locks would merge into one class and order each other (a lock-model file's
 * {@code alternatives} section, docs/lock-model.md).
 *
 * @param keep a path suffix ({@code mm/slub.c}), matched at a directory boundary
 * @param drop path suffixes of the sources built instead of it
 */
public record Alternative(String keep, List<String> drop) {
  public Alternative {
    drop = List.copyOf(drop);
  }

  /** Whether {@code path} (any separators as '/') ends with {@code suffix} at a directory boundary. */
  public static boolean matches(String path, String suffix) {
    String p = path.replace('\\', '/');
    return p.equals(suffix) || p.endsWith("/" + suffix);
  }
}
