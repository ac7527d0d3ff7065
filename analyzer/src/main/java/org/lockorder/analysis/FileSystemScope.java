package org.lockorder.analysis;

/**
 * What one function's calls do to the file systems of what they reach (ADR-003): whose objects
 * its code works on, the {@link Passage} of each call, and which of a callee's paths runs for the
 * file systems a caller's lock is held for.
 */
final class FileSystemScope {
  /**
   * What a call does to the file systems of the callee's acquisitions: nothing, make them {@link
   * FileSystemSet#ANY} again ({@code resets}), or keep only those of {@code confine}.
   */
  record Passage(boolean resets, FileSystemSet confine) {
    static final Passage KEEP = new Passage(false, null);
    static final Passage RESET = new Passage(true, null);
  }

  /** A path to an acquisition as a caller's edge shows it, and the file systems it runs for there. */
  record Path(Site site, FileSystemSet runsFor) {}

  private final CallGraph graph;
  /** The function's file system ({@link FileSystems}): its calls work on that file system's objects. */
  private final int own;
  /** Whether the function is stacking code: its calls work on any file system's objects. */
  private final boolean stacking;

  FileSystemScope(CallGraph graph, org.lockorder.ir.Function fn) {
    this.graph = graph;
    this.own = graph.fileSystems().of(fn.location().file());
    this.stacking = graph.fileSystems().stacking(fn.location().file());
  }

  /**
   * The passage of a call to {@code t}. An ops call into a function stored by one file system's
   * tables is made on that file system's objects. The page-fault handler works on any file
   * system's objects, and so do stacking code's calls and a direct call into another file
   * system's code (an exported helper): those reset.
   */
  Passage passage(CallTarget t) {
    FileSystems fileSystems = graph.fileSystems();
    if (fileSystems.size() == 0) return Passage.KEEP;
    if (stacking || graph.isPageFault(t.function())) return Passage.RESET;
    int target = fileSystems.of(t.function().location().file());
    if (t.via() == null) return target >= 0 && target != own ? Passage.RESET : Passage.KEEP;
    return t.storedIn() == null ? Passage.KEEP : new Passage(false, t.storedIn());
  }

  /**
   * The file systems of a callee's acquisition seen in this function through a call with {@code
   * passage}; null when there are none left. Code of a file system works on its own objects, so
   * what the callee reaches only for other file systems does not happen here.
   */
  FileSystemSet through(Passage passage, FileSystemSet callee) {
    FileSystemSet out = passage.resets() ? FileSystemSet.ANY : passage.confine() == null ? callee : callee.intersect(passage.confine());
    if (out == null || own < 0 || stacking || out.isAny()) return out;
    return out.contains(own) ? FileSystemSet.of(own) : null;
  }

  /**
   * Of a callee's paths to {@code a} ({@link Summary.OtherPaths}), seen through a call with
   * {@code passage}, the first that runs for some file system {@code heldFor} names: its site, and
   * the file systems an edge from such a lock to it runs for. {@code acquiredFor} is all of {@code
   * a}'s file systems seen here, which some path runs for.
   */
  Path pathFor(Summary.Acquisition a, Passage passage, FileSystemSet heldFor, FileSystemSet acquiredFor) {
    FileSystemSet siteFor = through(passage, a.siteFor());
    if (siteFor != null && !apart(heldFor, siteFor)) return new Path(a.site(), heldFor.intersect(siteFor));
    if (a.others() != null) {
      for (Summary.Witness w : a.others().paths()) {
        FileSystemSet pathFor = through(passage, w.fileSystems());
        if (pathFor != null && !apart(heldFor, pathFor)) return new Path(w.site(), heldFor.intersect(pathFor));
      }
    }
    return new Path(a.site(), heldFor.intersect(acquiredFor));
  }

  /**
   * Whether no file system is in both: a lock held only for one file system's objects and an
   * acquisition made only for another's are not on one thread (iomap_iter's ->iomap_end reaching
   * gfs2 and its ->iomap_begin reaching f2fs).
   */
  static boolean apart(FileSystemSet a, FileSystemSet b) {
    return !a.isAny() && !b.isAny() && a.intersect(b) == null;
  }
}
