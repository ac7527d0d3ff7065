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
 */
public record FileSystemsModel(String definition, String under, List<String> stacking) {
  public FileSystemsModel {
    stacking = List.copyOf(stacking);
  }
}
