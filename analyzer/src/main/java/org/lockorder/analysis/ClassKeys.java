package org.lockorder.analysis;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;

/**
 * Class refinements from {@code lockdep_set_class(&lock, &key)}. lockdep gives the instances
 * initialised there the key's class; statically, the instances are unknown, so lockorder applies
 * the key to acquisitions of the same declared class in code of the same directory (the same
 * file system or driver): hugetlbfs's i_mmap_rwsem is keyed in fs/hugetlbfs/ and taken there.
 * Generic code elsewhere keeps the declared class. Deterministic: the first key (by file, then
 * position) wins when one directory sets one class twice.
 */
final class ClassKeys {
  /** directory → declared class name → key class name. */
  private final Map<String, Map<String, String>> byDirectory = new HashMap<>();

  boolean isEmpty() {
    return byDirectory.isEmpty();
  }

  /** Collects every set-class event of the program (functions in file order). */
  static ClassKeys collect(List<Function> functions, Program program) {
    ClassKeys keys = new ClassKeys();
    for (Function f : functions) {
      for (Node n : f.cfg().nodes()) {
        if (!(n.event() instanceof Event.SetClass sc) || sc.lock().path() == null) continue;
        Map<String, String> here = keys.byDirectory.computeIfAbsent(directory(f), d -> new HashMap<>());
        // Every prefix of the path names the class the key stands for: &sb->s_writers.rw_sem[i]
        // keys both sb_writers.rw_sem and super_block.s_writers.
        AccessPath p = sc.lock().path();
        for (int i = 1; i <= p.fields().size(); i++) {
          AccessPath prefix = new AccessPath(p.root(), p.fields().subList(0, i), false, p.text());
          String owner = program.ownerTag(prefix, f);
          if (owner != null) here.putIfAbsent(owner + "." + p.fields().get(i - 1), sc.key());
        }
      }
    }
    return keys;
  }

  /** The key class for {@code declared} in code of {@code fn}'s directory, or null. */
  String keyFor(String declared, Function fn) {
    Map<String, String> here = byDirectory.get(directory(fn));
    return here == null ? null : here.get(declared);
  }

  private static String directory(Function f) {
    Path parent = Path.of(f.location().file()).getParent();
    return parent == null ? "" : parent.toString();
  }
}
