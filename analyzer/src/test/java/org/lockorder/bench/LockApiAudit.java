package org.lockorder.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.lockorder.analysis.AnalysisResult;
import org.lockorder.analysis.CallStep;
import org.lockorder.analysis.EdgeWitness;
import org.lockorder.analysis.LockOrderEdge;
import org.lockorder.analysis.ProgramView;
import org.lockorder.frontend.c.CFrontend;
import org.lockorder.frontend.c.LockMacros;
import org.lockorder.frontend.c.MacroDefinition;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Location;
import org.lockorder.ir.LockRef;
import org.lockorder.ir.Node;
import org.lockorder.model.LockModel;
import org.lockorder.model.LockModelException;
import org.lockorder.model.Primitive;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;
import org.lockorder.source.InputFile;
import org.lockorder.source.SourceWalker;

/**
 * Issue 6, "Lock API coverage": counts the call sites of every lock-like function or macro name in
 * the analyzed code and says how lockorder recognises each name with more than {@code threshold}
 * of them.
 *
 * <p>Counting reads the IR the analysis runs on (comments, strings and {@code #if 0} code never
 * count): every named call, every lock event the lock model made of a call (its {@code api}), and
 * for code a lock-wrapping macro expanded, the macro the source wrote, once per invocation.
 *
 * <p>A name is recognised as
 * <ol>
 *   <li>{@code primitive}: the lock model declares it (acquire, release, assert-held, ...);
 *   <li>{@code macro}: a lock-wrapping macro, expanded from its {@code #define} in the input
 *       ({@link LockMacros}, selected the way the pipeline selects it);
 *   <li>{@code definition}: a function defined in the input that, through the lock events of its
 *       lowered body and of the functions it calls directly, may return holding a lock, releases a
 *       lock its caller holds, or asserts one ({@link Effect}): a wrapper the analysis follows;
 *       "held after return" adds that a lock-order witness of the analysis holds a lock this
 *       function took and returned with;
 *   <li>{@code NOT RECOGNISED}: none of these. A function that only takes and drops locks inside
 *       (unlock_new_inode's i_lock) is analyzed, but is not a lock operation: if its name says it
 *       is one, the lock it stands for is missing from the model.
 * </ol>
 * Names deliberately not treated as locks are listed in {@link #NOT_LOCKS}, each with the reason.
 * Exit status 1 when a name above the threshold is neither recognised nor listed there.
 *
 * <p>Run: {@code bench/lock-api-audit.sh}, or {@code java -cp target/test-classes:target/lockorder.jar
 * org.lockorder.bench.LockApiAudit [--threshold N] --count DIR... [--header DIR...]}: {@code --count}
 * paths are analyzed and counted, {@code --header} paths are only analyzed (include/linux).
 */
public final class LockApiAudit {
  private LockApiAudit() {}

  /**
   * Lock-like names that deliberately are not lock operations for lockorder, with the reason. Only
   * names the audit finds above the threshold in Linux 6.1 fs/ + mm/ need to be here.
   */
  static final Map<String, String> NOT_LOCKS = notLocks();

  private static Map<String, String> notLocks() {
    Map<String, String> m = new LinkedHashMap<>();
    // Initialisers: set a lock up, take nothing. (Lockdep keys classes at these sites; lockorder
    // names classes from declarations instead, docs/lock-model.md.)
    for (String n : List.of("spin_lock_init", "mutex_init", "init_rwsem", "rwlock_init", "seqlock_init",
        "seqcount_init", "raw_spin_lock_init", "__mutex_init", "locks_init_lock", "percpu_init_rwsem")) {
      m.put(n, "initialises a lock; takes nothing");
    }
    // Predicates: read a lock's state, neither take, release nor assert it. Their usual use,
    // ASSERT(xfs_isilocked(...)) or WARN_ON(!mutex_is_locked(...)), is a debug check the model
    // cannot rely on (the asserting macro may compile away); lockdep_assert_held* is the assertion.
    for (String n : List.of("mutex_is_locked", "spin_is_locked", "rwsem_is_locked", "inode_is_locked",
        "lockdep_is_held", "folio_test_locked", "PageLocked", "buffer_locked", "xfs_isilocked",
        "lockdep_is_held_type", "rwsem_is_contended", "spin_is_contended", "spin_needbreak")) {
      m.put(n, "predicate on a lock's state: takes, releases and asserts nothing");
    }
    // I_NEW: iget_locked/iget5_locked return a new inode with the I_NEW state bit set, and
    // unlock_new_inode clears it; lookups of that inode wait for it meanwhile. lockdep does not
    // track I_NEW and lockorder does not model it (the i_lock these functions take inside is).
    for (String n : List.of("iget_locked", "iget5_locked", "unlock_new_inode", "discard_new_inode")) {
      m.put(n, "the I_NEW inode state bit, which lockdep does not track");
    }
    // gfs2's glocks: a cluster-wide lock lockdep does not track. One class for every glock would
    // make each nested pair (inode and resource-group glocks, which gfs2_glock_nq_m orders by glock
    // number) recursive locking; a project adds the glock API with a config, as
    // callgraphs/03-gfs2-glock-recursion/lockorder.yaml does.
    for (String n : List.of("gfs2_glock_nq", "gfs2_glock_dq", "gfs2_glock_nq_init", "gfs2_glock_dq_uninit",
        "gfs2_glock_dq_wait", "gfs2_glock_nq_m", "gfs2_glock_dq_m")) {
      m.put(n, "gfs2 glock: cluster lock lockdep does not track (add it with a config)");
    }
    m.put("gfs2_glock_put", "drops a reference to a glock");
    m.put("GLOCK_BUG_ON", "prints a glock and BUG()s: a debug check");
    // jfs transaction locks (tlocks): txLock records a page in a transaction and waits (TXN_SLEEP)
    // for the transaction that holds it; lockdep does not track them.
    m.put("txLock", "jfs transaction lock (tlock), which lockdep does not track");
    m.put("lid_to_tlock", "converts a jfs tlock id to a pointer: takes nothing");
    // btrfs io-tree range locks wait on the EXTENT_LOCKED bits of a range. lockdep does not track
    // them in 6.1, and one class per tree would make the disjoint ranges btrfs locks nested
    // (btrfs_double_extent_lock, ordered by inode) recursive locking.
    for (String n : List.of("lock_extent", "unlock_extent", "try_lock_extent")) {
      m.put(n, "btrfs extent range lock, which lockdep does not track");
    }
    // fs/dlm helpers with "lock" in their names that operate on a DLM lock object.
    m.put("dlm_get_lock_cookie_node", "formats a DLM lock's cookie: takes nothing");
    m.put("dlm_get_lock_cookie_seq", "formats a DLM lock's cookie: takes nothing");
    m.put("dlm_lock_put", "drops a reference to a DLM lock object");
    // A bit operation with release ordering; the bit locks built on it (the folio and buffer
    // locks) are modelled through their own API.
    m.put("clear_bit_unlock", "bit operation with release ordering; its bit locks are modelled by their API");
    // File locks (fs/locks.c): POSIX, flock and lease locks of user space, whose deadlocks the
    // kernel detects itself (posix_locks_deadlock); these set up, free or wait for one.
    for (String n : List.of("locks_init_lock", "locks_free_lock", "locks_lock_file_wait", "locks_lock_inode_wait")) {
      m.put(n, "user-space file lock (struct file_lock), not a kernel lock");
    }
    return m;
  }

  /** Name patterns of lock operations: whole words of a snake_case name. */
  private static final Pattern LOCK_WORD =
      Pattern.compile("(?:[a-z0-9]*lock(?:ed)?|lockdep|mutex|spin|rwsem|seqcount)");
  private static final Pattern NOT_LOCK_WORD = Pattern.compile("[a-z0-9]*(?:block|clock)(?:ed)?");
  /** What follows "down" in a semaphore call (down_read, f2fs_down_write, down_killable). */
  private static final Set<String> DOWN_VERBS = Set.of("read", "write", "interruptible", "killable", "trylock", "timeout");
  /** What follows "up" in one: up_read, percpu_up_write (not wake_up_interruptible). */
  private static final Set<String> UP_VERBS = Set.of("read", "write");
  private static final Pattern FREEZE = Pattern.compile(
      "_*(?:mnt_want_write|mnt_drop_write|sb_start_|sb_end_|file_start_write|file_end_write).*");

  /** Whether {@code name} looks like an operation that takes, releases or asserts a lock. */
  static boolean lockLike(String name) {
    if (FREEZE.matcher(name).matches()) return true;
    String[] words = name.toLowerCase(Locale.ROOT).split("_+");
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (w.isEmpty()) continue;
      if (LOCK_WORD.matcher(w).matches() && !NOT_LOCK_WORD.matcher(w).matches()) return true;
      // Semaphores: down(), up(), down_read(), percpu_up_write(), f2fs_down_write() ...
      if (w.equals("down") || w.equals("up")) {
        if (words.length == 1) return true;
        if (i + 1 < words.length && (w.equals("down") ? DOWN_VERBS : UP_VERBS).contains(words[i + 1])) return true;
      }
    }
    return false;
  }

  /** One call of a name at a source position. */
  record Site(String name, Function caller, int node, Event event) {}

  /** How one name is recognised. */
  record Row(String name, int sites, String how, boolean recognised, boolean allowed, String classes) {}

  public static void main(String[] args) throws Exception {
    int threshold = 20;
    List<String> count = new ArrayList<>();
    List<String> headers = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--threshold" -> threshold = Integer.parseInt(args[++i]);
        case "--count" -> count.add(args[++i]);
        case "--header" -> headers.add(args[++i]);
        default -> {
          System.err.println("usage: LockApiAudit [--threshold N] --count PATH... [--header PATH...]");
          System.exit(2);
        }
      }
    }
    if (count.isEmpty()) {
      System.err.println("usage: LockApiAudit [--threshold N] --count PATH... [--header PATH...]");
      System.exit(2);
    }
    List<Row> rows = audit(count, headers, threshold);
    System.exit(print(rows, threshold, System.out) ? 0 : 1);
  }

  /** Prints the table; true when every name above the threshold is recognised or listed as no lock. */
  static boolean print(List<Row> rows, int threshold, PrintStream out) {
    int width = 24;
    for (Row r : rows) width = Math.max(width, r.name().length());
    String format = "%-" + width + "s %6s  %-58s %s%n";
    out.printf(format, "name", "sites", "how lockorder recognises it", "classes (most frequent first)");
    int recognised = 0;
    int allowed = 0;
    List<String> missing = new ArrayList<>();
    for (Row r : rows) {
      out.printf(format, r.name(), r.sites(), r.how(), r.classes());
      if (r.recognised()) recognised++;
      else if (r.allowed()) allowed++;
      else missing.add(r.name());
    }
    out.printf("%d of %d lock-like names with more than %d call sites are recognised; %d are deliberately not locks; "
        + "%d unrecognised%s%n", recognised, rows.size(), threshold, allowed, missing.size(),
        missing.isEmpty() ? "" : ": " + String.join(", ", missing));
    return missing.isEmpty();
  }

  static List<Row> audit(List<String> count, List<String> headers, int threshold) throws LockModelException, IOException {
    PipelineOptions options = PipelineOptions.defaults().withSimulate(false);
    List<String> paths = new ArrayList<>(count);
    paths.addAll(headers);
    LockModel model = LockModel.load(options.profiles(), options.configs());
    LockMacros macros = LockMacros.select(headerMacros(paths), model.primitives().keySet());
    Pipeline.Program program = new Pipeline(options).program(paths);
    AnalysisResult result = program.result();
    if (result == null) throw new IOException("nothing parsed in " + paths);
    ProgramView view = result.program();

    Map<String, List<Site>> sites = sites(view, count);
    Map<String, Set<String>> heldAfterReturn = heldAfterReturn(result);
    Effects effects = new Effects(view);
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, List<Site>> e : sites.entrySet()) {
      String name = e.getKey();
      List<Site> at = e.getValue();
      if (at.size() <= threshold || !lockLike(name)) continue;
      rows.add(classify(name, at, model, macros, effects, heldAfterReturn));
    }
    rows.sort(Comparator.comparingInt(Row::sites).reversed().thenComparing(Row::name));
    return rows;
  }

  private static Row classify(
      String name, List<Site> at, LockModel model, LockMacros macros, Effects effects,
      Map<String, Set<String>> heldAfterReturn) {
    Primitive p = model.primitive(name).orElse(null);
    if (p != null) {
      int lowered = 0;
      for (Site s : at) if (!(s.event() instanceof Event.Call)) lowered++;
      String how = "primitive: " + describe(p) + (lowered == at.size() ? "" : ", lowered at " + lowered + "/" + at.size());
      return new Row(name, at.size(), how, true, false, effects.classesAt(at));
    }
    int expanded = 0;
    for (Site s : at) if (name.equals(writtenMacro(s.event()))) expanded++;
    // A header's macro is in the table; a .c file's own definitions are expanded for that file only.
    if (expanded > 0 || macros.names().contains(name)) {
      String how = "macro expanded from its #define" + (expanded == at.size() ? "" : ", at " + expanded + "/" + at.size());
      return new Row(name, at.size(), how, expanded * 10 >= at.size() * 9, false, effects.classesAt(at));
    }
    String allowed = NOT_LOCKS.get(name);
    if (allowed != null) return new Row(name, at.size(), "not a lock: " + allowed, false, true, "");
    int wrapper = 0;
    int inside = 0;
    Set<String> what = new TreeSet<>();
    Set<String> where = new TreeSet<>();
    for (Site s : at) {
      boolean isWrapper = false;
      boolean takesInside = false;
      for (Function f : effects.directCallees(s)) {
        Effect e = effects.of(f);
        if (!e.isEmpty()) {
          isWrapper = true;
          where.add(shortFile(f.location().file()));
          if (!e.leaves().isEmpty()) what.add("acquires");
          if (!e.releases().isEmpty()) what.add("releases");
          if (!e.asserts().isEmpty()) what.add("asserts");
        } else if (effects.takesLocks(f)) {
          takesInside = true;
          where.add(shortFile(f.location().file()));
        }
      }
      if (isWrapper) wrapper++;
      else if (takesInside) inside++;
    }
    String file = where.size() == 1 ? " in " + where.iterator().next() : " (" + where.size() + " files)";
    if (wrapper > 0) {
      String how = "definition" + file + ": " + String.join("+", what)
          + (wrapper == at.size() ? "" : ", at " + wrapper + "/" + at.size())
          + (heldAfterReturn.containsKey(name) ? "; held after return" : "");
      return new Row(name, at.size(), how, wrapper * 10 >= at.size() * 9, false, effects.classesAt(at));
    }
    if (inside > 0) {
      return new Row(name, at.size(), "NOT RECOGNISED: definition" + file + " only takes and drops locks inside", false, false, "");
    }
    return new Row(name, at.size(), "NOT RECOGNISED", false, false, "");
  }

  private static String describe(Primitive p) {
    StringBuilder sb = new StringBuilder(p.op().toString().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (p.kind() != null) sb.append(' ').append(p.kind());
    if (p.mode() != null) sb.append(' ').append(p.mode().letter());
    if (p.style() != null && !p.style().toString().equalsIgnoreCase("blocking")) {
      sb.append(' ').append(p.style().toString().toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }

  private static String shortFile(String file) {
    for (String root : List.of("/fs/", "/mm/", "/include/")) {
      int at = file.lastIndexOf(root);
      if (at >= 0) return file.substring(at + 1);
    }
    return file;
  }

  /** Every header's function-like macros, in path order, as the pipeline collects them. */
  private static List<MacroDefinition> headerMacros(List<String> paths) throws IOException {
    List<MacroDefinition> out = new ArrayList<>();
    for (InputFile f : new SourceWalker().walk(paths).files()) {
      if (!CFrontend.isHeader(f.displayPath())) continue;
      String text = new String(Files.readAllBytes(f.path()), StandardCharsets.ISO_8859_1);
      out.addAll(MacroDefinition.scan(f.displayPath(), text));
    }
    return out;
  }

  /** The call sites in the counted files, by the name the source wrote, once per position. */
  private static Map<String, List<Site>> sites(ProgramView view, List<String> count) {
    Map<String, List<Site>> out = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Function fn : view.functions()) {
      if (!counted(fn.location(), count)) continue;
      List<Node> nodes = fn.cfg().nodes();
      for (int i = 0; i < nodes.size(); i++) {
        Event e = nodes.get(i).event();
        String name = written(e);
        if (name == null) continue;
        Location l = e.location();
        if (!counted(l, count)) continue;
        String at = name + '\0' + l.file() + ':' + l.line() + ':' + l.column();
        Integer known = seen.get(at);
        List<Site> list = out.computeIfAbsent(name, k -> new ArrayList<>());
        if (known == null) {
          seen.put(at, list.size());
          list.add(new Site(name, fn, i, e));
        } else if (isLockEvent(e) && !isLockEvent(list.get(known).event())) {
          // A macro's expansion: the site stands for its lock event, not a helper call before it.
          list.set(known, new Site(name, fn, i, e));
        }
      }
    }
    return out;
  }

  private static boolean isLockEvent(Event e) {
    return e instanceof Event.Acquire || e instanceof Event.Release || e instanceof Event.AssertHeld;
  }

  private static boolean counted(Location l, List<String> count) {
    if (l == null || l.file() == null) return false;
    for (String c : count) {
      if (l.file().equals(c) || l.file().startsWith(c.endsWith("/") ? c : c + "/")) return true;
    }
    return false;
  }

  /** The name the source wrote for this event's call: the macro for code a lock macro made. */
  static String written(Event e) {
    if (e instanceof Event.Call c) return c.macro() != null ? c.macro() : c.callee();
    String api = apiOf(e);
    if (api == null) return null;
    int in = api.indexOf(" in ");
    return in < 0 ? api : api.substring(in + 4);
  }

  private static String writtenMacro(Event e) {
    if (e instanceof Event.Call c) return c.macro();
    String api = apiOf(e);
    int in = api == null ? -1 : api.indexOf(" in ");
    return in < 0 ? null : api.substring(in + 4);
  }

  /** The api of an event the lock model made from a call, or null. */
  private static String apiOf(Event e) {
    if (e instanceof Event.Acquire a) return a.api();
    if (e instanceof Event.Release r) return r.api();
    if (e instanceof Event.AssertHeld h) return h.api();
    if (e instanceof Event.MayFault f) return f.api();
    if (e instanceof Event.FaultScope f) return f.api();
    if (e instanceof Event.MayReclaim r) return r.api();
    if (e instanceof Event.ReclaimScope r) return r.api();
    if (e instanceof Event.IrqScope s) return s.api();
    if (e instanceof Event.IrqHandler h) return h.api();
    if (e instanceof Event.SetClass s) return s.api();
    if (e instanceof Event.SpawnThread s) return s.api();
    return null;
  }

  /**
   * Functions the analysis saw return with a lock held, and which: on a lock-order witness, every
   * callee on the held lock's call chain returned to the frame that still holds it.
   */
  private static Map<String, Set<String>> heldAfterReturn(AnalysisResult result) {
    Map<String, Set<String>> out = new HashMap<>();
    for (LockOrderEdge edge : result.edges()) {
      for (EdgeWitness w : edge.witnesses().values()) {
        for (CallStep step : w.held().calls()) {
          out.computeIfAbsent(step.callee(), k -> new TreeSet<>()).add(w.held().lockClass().base().toString());
        }
      }
    }
    return out;
  }

  /**
   * What a function does to the locks of its caller, from its lowered body and the effects of the
   * functions it calls directly: locks it may return holding ({@code leaves}), locks it did not take
   * that it may release ({@code releases}) or assert ({@code asserts}). Keys are class names, or
   * "#i" for "the lock the caller passes as argument i". A may-analysis (union where paths join),
   * like the analysis' own exit effects but without their path and return-value distinctions.
   */
  record Effect(Set<String> leaves, Set<String> releases, Set<String> asserts) {
    static final Effect NONE = new Effect(Set.of(), Set.of(), Set.of());

    boolean isEmpty() {
      return leaves.isEmpty() && releases.isEmpty() && asserts.isEmpty();
    }
  }

  /** Effects of functions, memoized; the classes call sites yield. */
  private static final class Effects {
    private final ProgramView view;
    /**
     * How many calls down a wrapper's lock operation may be (find_lock_page reaches folio_lock
     * three calls down). Deeper effects are the analysis' business, not a wrapper's: without a
     * bound, the may-analysis picks up locks that deep code takes and releases on paths it
     * cannot tell apart (a trylock whose result is returned through a pointer).
     */
    private static final int DEPTH = 3;
    /** Memoized effects, by remaining depth. */
    private final List<Map<Function, Effect>> effects = new ArrayList<>();
    private final Map<Function, Boolean> takes = new IdentityHashMap<>();

    Effects(ProgramView view) {
      this.view = view;
      for (int d = 0; d <= DEPTH; d++) effects.add(new IdentityHashMap<>());
    }

    List<Function> directCallees(Site s) {
      List<Function> out = new ArrayList<>();
      if (!(s.event() instanceof Event.Call)) return out;
      for (ProgramView.Callee c : view.callees(s.caller(), s.node())) if (c.via() == null) out.add(c.function());
      return out;
    }

    private List<Function> directCallees(Function f, int node) {
      List<Function> out = new ArrayList<>();
      for (ProgramView.Callee c : view.callees(f, node)) if (c.via() == null) out.add(c.function());
      return out;
    }

    /** Whether {@code root} or a function it calls directly (transitively) has a lock event. */
    boolean takesLocks(Function root) {
      Boolean known = takes.get(root);
      if (known != null) return known;
      Set<Function> visited = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      java.util.ArrayDeque<Function> todo = new java.util.ArrayDeque<>();
      todo.add(root);
      visited.add(root);
      boolean found = false;
      while (!todo.isEmpty() && !found) {
        Function f = todo.poll();
        List<Node> nodes = f.cfg().nodes();
        for (int i = 0; i < nodes.size() && !found; i++) {
          Event e = nodes.get(i).event();
          if (lockRef(e) != null) found = true;
          else if (e instanceof Event.Call) {
            for (Function g : directCallees(f, i)) if (visited.add(g)) todo.add(g);
          }
        }
      }
      takes.put(root, found);
      return found;
    }

    /** The effect of a call of {@code f}: its body and callees up to {@link #DEPTH} calls down. */
    Effect of(Function f) {
      return of(f, DEPTH);
    }

    private Effect of(Function f, int depth) {
      Map<Function, Effect> memo = effects.get(depth);
      Effect known = memo.get(f);
      if (known != null) return known;
      memo.put(f, Effect.NONE); // a recursion sees no effect of itself
      Effect e = takesLocks(f) ? compute(f, depth) : Effect.NONE;
      memo.put(f, e);
      return e;
    }

    /** Locks held (taken in f) before each node, to a fixpoint; then the effect. */
    private Effect compute(Function f, int depth) {
      List<Node> nodes = f.cfg().nodes();
      List<Set<String>> in = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) in.add(i == org.lockorder.ir.Cfg.ENTRY ? new TreeSet<>() : null);
      java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
      work.add(org.lockorder.ir.Cfg.ENTRY);
      Map<Integer, Step> steps = new HashMap<>();
      while (!work.isEmpty()) {
        int id = work.poll();
        Step step = steps.computeIfAbsent(id, k -> step(f, k, depth));
        Set<String> out = new TreeSet<>(in.get(id));
        out.removeAll(step.released);
        out.addAll(step.acquired);
        List<Integer> successors = nodes.get(id).successors();
        Failure failure = failure(f, nodes.get(id));
        for (int k = 0; k < successors.size(); k++) {
          int succ = successors.get(k);
          Set<String> s = in.get(succ);
          Set<String> here = out;
          if (failure != null && k == failure.edge() && out.contains(failure.key())) {
            // The edge where the trylock (or a killable wait) failed: not held there.
            here = new TreeSet<>(out);
            here.remove(failure.key());
          }
          if (s == null) {
            in.set(succ, new TreeSet<>(here));
            work.add(succ);
          } else if (s.addAll(here)) {
            work.add(succ);
          }
        }
      }
      Set<String> releases = new TreeSet<>();
      Set<String> asserts = new TreeSet<>();
      for (Map.Entry<Integer, Step> e : steps.entrySet()) {
        Set<String> held = in.get(e.getKey());
        for (String k : e.getValue().released) if (!held.contains(k)) releases.add(k);
        for (String k : e.getValue().asserted) if (!held.contains(k)) asserts.add(k);
      }
      Set<String> leaves = in.get(org.lockorder.ir.Cfg.EXIT) == null ? Set.of() : in.get(org.lockorder.ir.Cfg.EXIT);
      return new Effect(Set.copyOf(leaves), Set.copyOf(releases), Set.copyOf(asserts));
    }

    /** The successor index (0 true, 1 false) where an acquisition failed, and its lock. */
    private record Failure(int edge, String key) {}

    /**
     * For a branch on the result of a trylock ({@code if (!spin_trylock(l)) return;}) or of a
     * checked acquisition ({@code if (mutex_lock_killable(m)) return -EINTR;}), the edge on which it
     * failed; null for any other node.
     */
    private Failure failure(Function f, Node n) {
      if (n.test() == null || n.successors().size() != 2) return null;
      Event e = f.cfg().node(n.test().callNode()).event();
      if (!(e instanceof Event.Acquire a)) return null;
      boolean successWhenNonzero;
      if (a.style() == org.lockorder.ir.AcquireStyle.TRY) successWhenNonzero = true;
      else if (a.style() == org.lockorder.ir.AcquireStyle.CHECKED) successWhenNonzero = false;
      else return null;
      String key = key(view.resolve(a.lock(), f));
      if (key == null) return null;
      // The true edge is taken when the result is non-zero iff trueWhenNonzero.
      boolean trueIsSuccess = n.test().trueWhenNonzero() == successWhenNonzero;
      return new Failure(trueIsSuccess ? 1 : 0, key);
    }

    /** What one node does, in f's keys. */
    private record Step(Set<String> acquired, Set<String> released, Set<String> asserted) {}

    private Step step(Function f, int id, int depth) {
      Event e = f.cfg().node(id).event();
      Set<String> acquired = new TreeSet<>();
      Set<String> released = new TreeSet<>();
      Set<String> asserted = new TreeSet<>();
      if (e instanceof Event.Acquire a) {
        String k = key(view.resolve(a.lock(), f));
        if (k != null && a.style() != org.lockorder.ir.AcquireStyle.MOMENTARY) acquired.add(k);
      } else if (e instanceof Event.Release r) {
        String k = key(view.resolve(r.lock(), f));
        if (k != null) released.add(k);
      } else if (e instanceof Event.AssertHeld h) {
        String k = key(view.resolve(h.lock(), f));
        if (k != null) asserted.add(k);
      } else if (e instanceof Event.Call call && depth > 0) {
        for (Function g : directCallees(f, id)) {
          Effect ge = of(g, depth - 1);
          for (String k : ge.leaves()) add(acquired, k, call, f);
          for (String k : ge.releases()) add(released, k, call, f);
          for (String k : ge.asserts()) add(asserted, k, call, f);
        }
      }
      return new Step(acquired, released, asserted);
    }

    /** A callee's key in the caller's terms: "#j" becomes what the caller passes as argument j. */
    private void add(Set<String> into, String calleeKey, Event.Call call, Function caller) {
      if (!calleeKey.startsWith("#")) {
        into.add(calleeKey);
        return;
      }
      int j = Integer.parseInt(calleeKey.substring(1));
      if (j < call.args().size()) {
        String k = key(view.resolveArg(call.args().get(j), "", caller));
        if (k != null) into.add(k);
      }
    }

    private static String key(ProgramView.LockName n) {
      if (n == null) return null;
      return n.lockClass() != null ? n.lockClass().base().toString() : "#" + n.param();
    }

    /** The classes the sites yield, most frequent first: "a x12, b x3 (+4 more)". */
    String classesAt(List<Site> at) {
      Map<String, Integer> freq = new HashMap<>();
      for (Site s : at) {
        for (String c : classesAt(s)) freq.merge(c, 1, Integer::sum);
      }
      List<Map.Entry<String, Integer>> sorted = new ArrayList<>(freq.entrySet());
      sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < Math.min(3, sorted.size()); i++) {
        if (i > 0) sb.append(", ");
        sb.append(sorted.get(i).getKey()).append(" x").append(sorted.get(i).getValue());
      }
      if (sorted.size() > 3) sb.append(" (+").append(sorted.size() - 3).append(" more)");
      return sb.toString();
    }

    /** The classes one site names: its own lock event's, or its callee's effect in the caller's terms. */
    private Set<String> classesAt(Site s) {
      Set<String> out = new TreeSet<>();
      LockRef ref = lockRef(s.event());
      Set<String> keys = new TreeSet<>();
      if (ref != null) {
        String k = key(view.resolve(ref, s.caller()));
        if (k != null) keys.add(k);
      } else if (s.event() instanceof Event.Call call) {
        for (Function f : directCallees(s)) {
          Effect e = of(f);
          for (Set<String> part : List.of(e.leaves(), e.releases(), e.asserts())) {
            for (String k : part) add(keys, k, call, s.caller());
          }
        }
      }
      for (String k : keys) out.add(k.startsWith("#") ? "(" + s.caller().name() + "'s argument " + k.substring(1) + ")" : k);
      return out;
    }

    private static LockRef lockRef(Event e) {
      if (e instanceof Event.Acquire a) return a.lock();
      if (e instanceof Event.Release r) return r.lock();
      if (e instanceof Event.AssertHeld h) return h.lock();
      return null;
    }
  }

  /** For tests: the rows by name. */
  static Map<String, Row> byName(List<Row> rows) {
    Map<String, Row> out = new TreeMap<>();
    for (Row r : rows) out.put(r.name(), r);
    return out;
  }
}
