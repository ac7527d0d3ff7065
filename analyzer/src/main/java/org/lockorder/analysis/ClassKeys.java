package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;

/**
 * Class refinements from {@code lockdep_set_class(&lock, &key)}. lockdep gives the instances
 * initialised there the key's class; statically, the instances are unknown, so lockorder applies
 * the key to acquisitions of the same declared class where that code's objects are locked:
 *
 * <ul>
 *   <li>set in a file system's code, in that file system's code ({@link FileSystems}: its
 *       directory and those below it, a library directory that serves it, a file the profile
 *       names for it) and in the files the profile gives its keys ({@link
 *       FileSystems#classKeyScope}). hugetlbfs keys its mappings' i_mmap_rwsem in fs/hugetlbfs/,
 *       and the linux profile gives its keys to mm/hugetlb.c, which locks only hugetlbfs files'
 *       mappings: both take {@code hugetlbfs_i_mmap_rwsem_key}, as lockdep and the comment at
 *       the top of 6.1's mm/rmap.c name it, while the rest of mm/ keeps the declared class;
 *   <li>set in shared code (the VFS, mm/, libraries), everywhere: {@code inode_init_always} keys
 *       every inode's {@code i_lock} and {@code i_rwsem} by its file-system type, so the VFS and
 *       every file system take the same classes. Keyed only in fs/, the VFS's {@code
 *       spin_unlock(&inode->i_lock)} released another class than the one f2fs's {@code
 *       ->drop_inode} retook, and the lock "leaked" to every caller of {@code iput}.
 * </ul>
 *
 * A file system's own key wins over a shared one, unless shared code sets that same key on the
 * class too (compared by the type that holds it, {@link #keyByType}): then the file system takes
 * the shared class (ADR-012, "Later (stop 55)"). A key the caller passes in ({@code
 * lockdep_set_class(&lru->node[i].lock, key)} with {@code key} a parameter) names no class and
 * is ignored. Deterministic: the first key (by file, then position) wins when one scope sets one
 * class twice.
 */
final class ClassKeys {
  private final FileSystems fileSystems;
  /** file system ({@link FileSystems#of}) → declared class name → key class name, for keys set in its code. */
  private final Map<Integer, Map<String, String>> byFileSystem = new HashMap<>();
  /** declared class name → key class name, for keys set in shared code. */
  private final Map<String, String> everywhere = new HashMap<>();

  private ClassKeys(FileSystems fileSystems) {
    this.fileSystems = fileSystems;
  }

  boolean isEmpty() {
    return byFileSystem.isEmpty() && everywhere.isEmpty();
  }

  /** Collects every set-class event of the program (functions in file order). */
  static ClassKeys collect(List<Function> functions, Program program, FileSystems fileSystems) {
    ClassKeys keys = new ClassKeys(fileSystems);
    // declared class → the keys shared code sets on it, by the type that holds each key
    Map<String, Set<String>> sharedKeys = new HashMap<>();
    List<OwnKey> ownKeys = new ArrayList<>();
    for (Function f : functions) {
      for (Node n : f.cfg().nodes()) {
        if (!(n.event() instanceof Event.SetClass sc) || sc.lock().path() == null || passedIn(sc.key(), f)) continue;
        int fileSystem = fileSystems.classKeyScope(f.location().file());
        String byType = keyByType(sc.key(), f, program);
        // Every prefix of the path names the class the key stands for: &sb->s_writers.rw_sem[i]
        // keys both sb_writers.rw_sem and super_block.s_writers.
        AccessPath p = sc.lock().path();
        for (int i = 1; i <= p.fields().size(); i++) {
          AccessPath prefix = new AccessPath(p.root(), p.fields().subList(0, i), false, p.text());
          String owner = program.ownerTag(prefix, f);
          if (owner == null) continue;
          String declared = owner + "." + p.fields().get(i - 1);
          if (fileSystem == FileSystems.SHARED) {
            keys.everywhere.putIfAbsent(declared, sc.key());
            sharedKeys.computeIfAbsent(declared, d -> new HashSet<>()).add(byType);
          } else {
            ownKeys.add(new OwnKey(fileSystem, declared, sc.key(), byType));
          }
        }
      }
    }
    // A file system that sets a key shared code also sets on the class keeps the shared class:
    // 6.1 XFS keys a directory's i_rwsem with &inode->i_sb->s_type->i_mutex_dir_key, the key
    // lockdep_annotate_inode_mutex_key gives every directory, which lockorder folds into the
    // type's i_mutex_key with the VFS (the first key shared code sets). Taken as XFS's own, it
    // made every XFS inode's i_rwsem another class in XFS code than in the VFS's.
    for (OwnKey own : ownKeys) {
      if (sharedKeys.getOrDefault(own.declared(), Set.of()).contains(own.byType())) continue;
      keys.byFileSystem.computeIfAbsent(own.fileSystem(), d -> new HashMap<>()).putIfAbsent(own.declared(), own.key());
    }
    return keys;
  }

  /**
   * A key reached through a pointer, named by the struct type that holds it and its member
   * ("inode.i_sb.s_type.i_mutex_dir_key" and "type.i_mutex_dir_key" are both
   * "file_system_type.i_mutex_dir_key"): whatever the variable, it is that type's key. A global
   * key, or one whose types are unknown, is its own name.
   */
  private static String keyByType(String key, Function f, Program program) {
    List<String> parts = List.of(key.split("\\."));
    if (parts.size() < 2 || !isParamOrLocal(parts.get(0), f)) return key;
    AccessPath path = new AccessPath(new AccessPath.Var(parts.get(0)), parts.subList(1, parts.size()), false, key);
    String owner = program.ownerTag(path, f);
    return owner == null ? key : owner + "." + parts.get(parts.size() - 1);
  }

  private static boolean isParamOrLocal(String name, Function f) {
    return passedIn(name, f) || f.locals().containsKey(name);
  }

  /** A key a file system's code sets on a declared class, and that key by type ({@link #keyByType}). */
  private record OwnKey(int fileSystem, String declared, String key, String byType) {}

  /** Every refinement, sorted: equal refinements give equal text. */
  @Override
  public String toString() {
    java.util.TreeMap<String, java.util.TreeMap<String, String>> own = new java.util.TreeMap<>();
    byFileSystem.forEach((fs, m) -> own.put(fileSystems.name(fs), new java.util.TreeMap<>(m)));
    return own + " " + new java.util.TreeMap<>(everywhere);
  }

  /** Whether {@code key} is one of {@code f}'s parameters: a key its caller chose. */
  private static boolean passedIn(String key, Function f) {
    for (org.lockorder.ir.Param p : f.params()) if (p.name().equals(key)) return true;
    return false;
  }

  /** The key class for {@code declared} in {@code fn}'s code, or null. */
  String keyFor(String declared, Function fn) {
    Map<String, String> here = byFileSystem.isEmpty() ? null : byFileSystem.get(fileSystems.classKeyScope(fn.location().file()));
    String key = here == null ? null : here.get(declared);
    return key != null ? key : everywhere.get(declared);
  }
}
