package org.lockorder.analysis;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.lockorder.ir.Function;

/**
 * ADR-003 later: the file systems whose objects a function of shared code can run for, read top
 * down from its callers. The summaries carry, bottom up, the file systems an acquisition is made
 * for; this is the other half: {@code iomap_page_mkwrite} is called by zonefs, XFS and gfs2 only,
 * so an edge it would make from the page lock to an acquisition made only for ext2's objects (its
 * {@code iomap_iter} reaching {@code ext2_iomap_end} by type) runs on no thread.
 *
 * <p>A caller in file system F's code passes F's objects (ADR-003's rule for what a summary
 * keeps); stacking code, an entry point of shared code (a system call, a function stored in a
 * table) and the page-fault and reclaim stand-ins pass any; shared code passes on what it was
 * called for. Shared code no entry point reaches (a recursion nobody enters) runs for any. File
 * system code is not confined here: its own rule is applied where its calls return.
 */
final class FileSystemContexts {
  private final Map<Function, FileSystemSet> runsFor = new IdentityHashMap<>();

  FileSystemContexts(List<Function> functions, FileSystems fileSystems, java.util.function.Function<Function, List<Function>> callees,
      java.util.function.Predicate<Function> entry) {
    if (fileSystems.size() == 0) return;
    Map<Function, Boolean> shared = new IdentityHashMap<>();
    for (Function f : functions) {
      String file = f.location().file();
      shared.put(f, fileSystems.of(file) == FileSystems.SHARED && !fileSystems.stacking(file));
    }
    ArrayDeque<Function> work = new ArrayDeque<>();
    for (Function f : functions) {
      if (!shared.get(f)) {
        // A file system's code passes its own objects; stacking code (overlayfs, or a file the
        // profile names as a stacking file system) passes any file system's.
        String file = f.location().file();
        int own = fileSystems.of(file);
        boolean passesAny = own == FileSystems.SHARED || fileSystems.stacking(file);
        pass(callees.apply(f), passesAny ? FileSystemSet.ANY : FileSystemSet.of(own), shared, work);
      } else if (entry.test(f)) {
        runsFor.put(f, FileSystemSet.ANY);
        work.add(f);
      }
    }
    drain(work, callees, shared);
    // What no entry point reached runs for any, and so does what it calls.
    for (Function f : functions) {
      if (shared.get(f) && !runsFor.containsKey(f)) {
        runsFor.put(f, FileSystemSet.ANY);
        work.add(f);
      }
    }
    drain(work, callees, shared);
  }

  private void drain(ArrayDeque<Function> work, java.util.function.Function<Function, List<Function>> callees, Map<Function, Boolean> shared) {
    while (!work.isEmpty()) {
      Function f = work.poll();
      pass(callees.apply(f), runsFor.get(f), shared, work);
    }
  }

  /** Adds {@code set} to what each shared callee runs for, queueing those it grew. */
  private void pass(List<Function> callees, FileSystemSet set, Map<Function, Boolean> shared, ArrayDeque<Function> work) {
    for (Function g : callees) {
      if (!shared.getOrDefault(g, false)) continue;
      FileSystemSet before = runsFor.get(g);
      FileSystemSet after = before == null ? set : before.union(set);
      if (after.equals(before)) continue;
      runsFor.put(g, after);
      work.add(g);
    }
  }

  /** The file systems whose objects {@code f} can run for; {@link FileSystemSet#ANY} for all but shared code. */
  FileSystemSet of(Function f) {
    return runsFor.getOrDefault(f, FileSystemSet.ANY);
  }
}
