package org.lockorder.model;

import java.util.List;

/**
 * How to tell file systems apart in the analyzed tree, so that an ops call made for one file
 * system's objects is not followed into another's implementations (docs/decisions/adr-003).
 *
 * @param definition the struct type whose initialized objects mark a file system
 *     ({@code file_system_type}): the directory of the file defining one is that file system's
 * @param under only directories strictly below a directory of this name count ({@code fs}: the
 *     VFS in {@code fs/*.c} and {@code mm/} define pseudo file systems but serve every file system)
 * @param stacking directories, relative to {@code under}, whose code calls the VFS on other file
 *     systems' objects (overlayfs, ecryptfs, cachefiles, nfsd, ...): no confinement through them
 * @param libraries by directory relative to {@code under} that defines no file system type but
 *     serves one file system's objects only ({@code kernfs}: sysfs's), that file system's
 *     directory: its files belong to it
 * @param files by source file outside {@code under} (as the end of its path: {@code mm/shmem.c}),
 *     the name of the file system it implements (tmpfs, in mm/ with the memory code), or {@link
 *     #STACKING} for a file whose calls work on any file system's objects (swap I/O on a swap file)
 * @param classKeys by source file outside {@code under} (as the end of its path), the name of the
 *     file system whose lockdep class keys its lock acquisitions take: {@code mm/hugetlb.c} locks
 *     hugetlbfs mappings only, while its calls (page allocation, migration) stay shared code's
 */
public record FileSystemsModel(
    String definition,
    String under,
    List<String> stacking,
    java.util.Map<String, String> libraries,
    java.util.Map<String, String> files,
    java.util.Map<String, String> classKeys) {
  public FileSystemsModel {
    stacking = List.copyOf(stacking);
    libraries = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(libraries));
    files = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
    classKeys = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(classKeys));
  }

  /** The {@link #files} value of a file that is stacking code. */
  public static final String STACKING = "stacking";

  public FileSystemsModel(String definition, String under, List<String> stacking) {
    this(definition, under, stacking, java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
  }
}
