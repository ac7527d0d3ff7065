package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Location;
import org.lockorder.ir.LockRef;
import org.lockorder.ir.Node;

/**
 * What one function's locks say about its pointers (ADR-006): a lock taken through a pointer
 * means the pointer is not NULL, so a path that holds it and finds the pointer NULL cannot run;
 * and which pointer parameters a callee's exit or acquisition found NULL, so that a caller that
 * knows its argument is not NULL skips it. One per {@link FunctionAnalyzer}; what it computes
 * from the CFG is computed on first need.
 */
final class PointerFacts {
  private final Function fn;
  /** By condition bit: the parameter a pointer-parameter condition tests ({@link #pointerParamConditions}). */
  private final Map<Integer, Integer> paramBits;
  /** By condition bit: the member of a parameter a condition tests, {@code "0->anon_vma"} ({@link #memberConditions}). */
  private final Map<Integer, String> memberBits;

  PointerFacts(Function fn, Map<Integer, Integer> paramBits, Map<Integer, String> memberBits) {
    this.fn = fn;
    this.paramBits = paramBits;
    this.memberBits = memberBits;
  }

  /**
   * Conditions that test a member of a pointer parameter the function never assigns, {@code if
   * (vma->anon_vma)} (the frontend gives a member test only for a member the body never changes),
   * where the function takes or drops a lock through that member or passes it to a call ({@code
   * anon_vma_unlock_write(vma->anon_vma)} in 6.1's {@code drop_rmap_locks}): like {@link
   * #pointerParamConditions}, they get a bit in {@code bits} and their decision is kept to the
   * exit ({@link Summary.ExitEffect#nullMembers}). Returns bit to member, written with the
   * parameter's index: {@code "0->anon_vma"}.
   */
  static Map<Integer, String> memberConditions(Function fn, Map<String, Integer> bits) {
    Map<Integer, String> out = new HashMap<>();
    Set<String> assigned = null;
    Set<String> lockRoots = null;
    for (Node n : fn.cfg().nodes()) {
      Node.Condition c = n.condition();
      // The condition reads 'vma -> anon_vma', the test names 'vma->anon_vma'.
      if (c == null || n.pointerTest() == null || !c.expression().replace(" ", "").equals(n.pointerTest().variable())) continue;
      String member = n.pointerTest().variable();
      String[] parts = member.split("->");
      if (parts.length != 2) continue;
      int param = paramIndex(fn, parts[0]);
      if (param < 0 || param >= Long.SIZE) continue;
      if (assigned == null) assigned = ParameterValues.assignedVariables(fn);
      if (assigned.contains(parts[0])) continue;
      if (!locksOrPassesThrough(fn, member)) {
        // A member of a parameter the function locks or unlocks through (6.1's pipe_lock_nested
        // and pipe_unlock, each under 'if (pipe->files)'): the lock taken under the test is
        // guarded by it ({@link #through(AccessPath, LockState)}).
        if (lockRoots == null) lockRoots = lockRoots(fn);
        if (!lockRoots.contains(parts[0])) continue;
      }
      Integer bit = bitFor(bits, c.expression());
      if (bit != null) out.put(bit, param + "->" + parts[1]);
    }
    return out;
  }

  /** The condition bit of {@code expression}, given one when it has none; null past the 64th. */
  private static Integer bitFor(Map<String, Integer> bits, String expression) {
    Integer bit = bits.get(expression);
    if (bit != null || bits.size() >= Long.SIZE) return bit;
    bits.put(expression, bits.size());
    return bits.size() - 1;
  }

  /** Whether a lock event of {@code fn}, or an argument of one of its calls, goes through member path {@code member}. */
  private static boolean locksOrPassesThrough(Function fn, String member) {
    for (Node n : fn.cfg().nodes()) {
      Event e = n.event();
      LockRef ref = e instanceof Event.Acquire a ? a.lock() : e instanceof Event.Release r ? r.lock() : null;
      if (ref != null && rootedAt(ref.path(), member)) return true;
      for (Arg a : java.util.Objects.requireNonNullElse(Event.callArgs(e), List.<Arg>of())) {
        if (rootedAt(a.path(), member)) return true;
      }
    }
    return false;
  }

  /** The members of parameters {@code s}'s path found NULL, sorted ({@link #memberConditions}). */
  List<String> nullMembers(LockState s) {
    if (memberBits.isEmpty()) return List.of();
    List<String> out = null;
    for (Map.Entry<Integer, String> m : memberBits.entrySet()) {
      if (!Boolean.FALSE.equals(s.decided(m.getKey()))) continue;
      if (out == null) out = new ArrayList<>(2);
      out.add(m.getValue());
    }
    if (out == null) return List.of();
    java.util.Collections.sort(out);
    return List.copyOf(out);
  }

  /**
   * What taking a lock through {@code path} dereferenced, in this function's terms ({@link
   * HeldLock#through}): its parameter ({@code "1"}, for {@code &vma->lock}) or that parameter's
   * member ({@code "1->anon_vma"}, for {@code &vma->anon_vma->root->rwsem}); null when the path
   * does not start at a parameter the body never assigns.
   */
  String through(AccessPath path) {
    if (path == null || path.fields().isEmpty() || !(path.root() instanceof AccessPath.Var v)) return null;
    int param = stableParam(v.name());
    if (param < 0) return null;
    return path.fields().size() == 1 ? String.valueOf(param) : param + "->" + path.fields().get(0);
  }

  /**
   * {@link #through(AccessPath)}, and for a lock taken through a parameter itself under a test of
   * one of that parameter's members that {@code s} decided true ({@code if (pipe->files)
   * mutex_lock_nested(&pipe->mutex, subclass)}), that member ({@code "0->files"}): an unlocking
   * helper's exit that found the member zero is not the one that unlocks this lock, as one that
   * found a member NULL is not where the lock was taken through the member. The member is taken
   * to keep its value while the lock is held, as members the body never changes are.
   */
  String through(AccessPath path, LockState s) {
    String through = through(path);
    if (through == null || memberBits.isEmpty() || through.contains("->")) return through;
    String guard = null;
    for (Map.Entry<Integer, String> m : memberBits.entrySet()) {
      String member = m.getValue();
      if (!member.startsWith(through + "->") || !Boolean.TRUE.equals(s.decided(m.getKey()))) continue;
      if (guard == null || member.compareTo(guard) < 0) guard = member;
    }
    return guard != null ? guard : through;
  }

  /**
   * A callee's {@link HeldLock#through} seen from this call: given {@code vma} (a parameter the
   * body never assigns) for the callee's {@code "0->anon_vma"}, this function's {@code
   * "1->anon_vma"}; given {@code vma->anon_vma} for what the callee dereferenced of its
   * parameter, {@code "1->anon_vma"} too; null otherwise.
   */
  String throughArgument(String calleeThrough, List<Arg> args) {
    if (calleeThrough == null) return null;
    int arrow = calleeThrough.indexOf("->");
    int index = Integer.parseInt(arrow < 0 ? calleeThrough : calleeThrough.substring(0, arrow));
    if (index >= args.size()) return null;
    AccessPath p = args.get(index).path();
    if (p == null || p.indexed() || !(p.root() instanceof AccessPath.Var v)) return null;
    int param = stableParam(v.name());
    if (param < 0) return null;
    if (p.fields().isEmpty()) return arrow < 0 ? String.valueOf(param) : param + calleeThrough.substring(arrow);
    return p.fields().size() == 1 ? param + "->" + p.fields().get(0) : null;
  }

  /** The index of parameter {@code name} when the body never assigns it; -1 otherwise. */
  private int stableParam(String name) {
    int param = paramIndex(fn, name);
    return param < 0 || assignedVariables().contains(name) ? -1 : param;
  }

  /**
   * Whether a callee path that found NULL the members in {@code nullMembers} cannot be this
   * call's: it was given this function's parameter (or that parameter's member) and {@code s}
   * holds a lock taken through that member.
   */
  private boolean heldThroughNullMember(List<String> nullMembers, List<Arg> args, LockState s) {
    if (s.held().isEmpty()) return false;
    for (String m : nullMembers) {
      // The callee's parameter must be this function's own: a member of a member is not followed.
      int index = Integer.parseInt(m.substring(0, m.indexOf("->")));
      if (index >= args.size() || plainVariable(args.get(index)) == null) continue;
      String mine = throughArgument(m, args);
      if (mine == null) continue;
      for (HeldLock h : s.held()) if (mine.equals(h.through())) return true;
    }
    return false;
  }

  /**
   * Conditions that test a pointer parameter the function never assigns and takes or drops a lock
   * through ({@code if (inode) spin_unlock(&inode->i_lock)} in 6.1's {@code __d_add}), or, in a
   * function that takes or drops a lock itself, hands to a call on one side ({@code if (ci)
   * unlock_cluster(ci); else spin_unlock(&si->lock);} in 6.1's {@code
   * unlock_cluster_or_swap_info}): they get a bit in {@code bits} even when tested once, and the
   * decision is kept to the exit, so that each exit says which parameters it found NULL or not
   * ({@link Summary.ExitEffect#nullParams}, {@link Summary.ExitEffect#nonNullParams}). A caller
   * that took the lock through its argument knows the argument is not NULL and skips the exits
   * that found it NULL. Returns bit to parameter index.
   */
  static Map<Integer, Integer> pointerParamConditions(Function fn, Map<String, Integer> bits) {
    Map<Integer, Integer> out = new HashMap<>();
    Set<String> roots = null;
    boolean locksDirectly = false;
    Set<String> assigned = null;
    for (Node n : fn.cfg().nodes()) {
      Node.Condition c = n.condition();
      if (c == null || n.pointerTest() == null || !c.expression().equals(n.pointerTest().variable())) continue;
      int param = paramIndex(fn, c.expression());
      if (param < 0 || param >= Long.SIZE) continue;
      if (roots == null) {
        roots = lockRoots(fn);
        locksDirectly = locksDirectly(fn);
      }
      if (!roots.contains(c.expression()) && !returnsOnOneSide(fn, n)
          && !(locksDirectly && passedOnOneSide(fn, n, c.expression()))) {
        continue;
      }
      // A parameter the body assigns: its exits' tests are not of what the caller passed.
      if (assigned == null) assigned = ParameterValues.assignedVariables(fn);
      if (assigned.contains(c.expression())) continue;
      Integer bit = bitFor(bits, c.expression());
      if (bit != null) out.put(bit, param);
    }
    return out;
  }

  private static int paramIndex(Function fn, String name) {
    for (int i = 0; i < fn.params().size(); i++) if (fn.params().get(i).name().equals(name)) return i;
    return -1;
  }

  /** Whether this function takes or drops a lock itself. */
  private static boolean locksDirectly(Function fn) {
    for (Node n : fn.cfg().nodes()) if (n.event() instanceof Event.Acquire || n.event() instanceof Event.Release) return true;
    return false;
  }

  /**
   * Whether one side of branch {@code n} starts with a call given {@code v} itself: within its
   * first few straight-line nodes, and not among the other side's (a call after an empty side is
   * where the sides join).
   */
  private static boolean passedOnOneSide(Function fn, Node n, String v) {
    if (n.successors().size() != 2) return false;
    List<Integer> first = straightLine(fn, n.successors().get(0));
    List<Integer> second = straightLine(fn, n.successors().get(1));
    for (List<Integer> side : List.of(first, second)) {
      List<Integer> other = side == first ? second : first;
      for (int id : side) if (!other.contains(id) && passes(fn.cfg().node(id), v)) return true;
    }
    return false;
  }

  /** Node {@code id} and the nodes that follow it while each has one successor and no condition, at most four. */
  private static List<Integer> straightLine(Function fn, int id) {
    List<Integer> out = new ArrayList<>(4);
    Node m = fn.cfg().node(id);
    while (true) {
      out.add(m.id());
      if (out.size() == 4 || m.successors().size() != 1 || m.condition() != null) return out;
      m = fn.cfg().node(m.successors().get(0));
    }
  }

  /** Whether {@code n} is a call given variable {@code v} itself as an argument. */
  private static boolean passes(Node n, String v) {
    List<Arg> args = java.util.Objects.requireNonNullElse(Event.callArgs(n.event()), List.of());
    for (Arg a : args) if (v.equals(plainVariable(a))) return true;
    return false;
  }

  /** The variable an argument is, written bare ({@code ci}, not {@code ci->next} nor {@code ci[1]}); null otherwise. */
  private static String plainVariable(Arg a) {
    AccessPath p = a.path();
    return p != null && p.fields().isEmpty() && !p.indexed() && p.root() instanceof AccessPath.Var v ? v.name() : null;
  }

  /**
   * Whether one side of branch {@code n} returns at once ({@code if (!tcon) return 0;} in 6.1's
   * cifs_reconnect_tcon): its decision splits no states that go on, and the other side's
   * acquisitions are then known to need the parameter not NULL ({@link
   * Summary.Acquisition#nonNullParams}).
   */
  private static boolean returnsOnOneSide(Function fn, Node n) {
    for (int s : n.successors()) {
      Event e = fn.cfg().node(s).event();
      if (e instanceof Event.Return) return true;
    }
    return false;
  }

  /** The variables this function's own acquisitions and releases reach their lock through. */
  private static Set<String> lockRoots(Function fn) {
    Set<String> out = new HashSet<>();
    for (Node n : fn.cfg().nodes()) {
      LockRef ref = n.event() instanceof Event.Acquire a ? a.lock() : n.event() instanceof Event.Release r ? r.lock() : null;
      if (ref != null && ref.path() != null && ref.path().root() instanceof AccessPath.Var v) out.add(v.name());
    }
    return out;
  }

  /**
   * Whether {@code h} was taken through {@code t}'s variable since that variable's last
   * assignment: by an event with an argument rooted at the variable, at or after its last
   * assignment in source order, or, for a variable with a node for each assignment (no last
   * assignment), with no assignment to it since on this path ({@link HeldLock#detached}).
   */
  boolean takenThrough(Node.PointerTest t, HeldLock h) {
    Location at = eventLocation(h);
    if (at == null) return false;
    long bit = assignedBit(t.variable());
    boolean nullResult = (h.detached() & HeldLock.NULL_RESULT) != 0;
    if (bit != NO_BIT && (h.detached() & bit) == 0 && through(t.variable(), nullResult).contains(at)
        && notBefore(at, t.lastAssigned())) {
      return true;
    }
    // 'compact_lock_irqsave(&lruvec->lru_lock, ...); locked = lruvec;' then 'if (locked)': a
    // variable that only copies others (or is NULL) points to what was locked through the copy.
    for (Node.Copy c : t.copies()) {
      if (through(c.source(), nullResult).contains(at) && notBefore(at, c.sourceSince()) && notBefore(c.at(), at)) return true;
    }
    return false;
  }

  /**
   * Whether {@code s} holds a lock that a call whose result {@code v} holds left held on a path
   * that returned NULL ({@link HeldLock#NULL_RESULT}), with no assignment to {@code v} since: then
   * {@code v} is NULL here.
   */
  private boolean knownNull(LockState s, String v) {
    if (s.held().isEmpty() || !holdsResult(fn, v)) return false;
    Node.PointerTest t = pointerTestOf(v);
    long bit = assignedBit(v);
    if (t == null || bit == NO_BIT) return false;
    for (HeldLock h : s.held()) {
      if ((h.detached() & HeldLock.NULL_RESULT) == 0 || (h.detached() & bit) != 0) continue;
      Location at = eventLocation(h);
      if (at != null && fn.resultCalls().getOrDefault(v, List.of()).contains(at) && !argumentEvents(v).contains(at)
          && notBefore(at, t.lastAssigned())) {
        return true;
      }
    }
    return false;
  }

  /** The events a lock can be taken through {@code v} at; without the calls whose result it holds for a lock held from a NULL result. */
  private Set<Location> through(String v, boolean nullResult) {
    return nullResult ? argumentEvents(v) : eventsThrough(v);
  }

  /**
   * Whether {@code h}, which {@code callee} returned holding on a path that returned NULL, is
   * plainly not the result's lock: the callee took it itself through a parameter or a global
   * ({@code spin_lock(&si->lock)} in {@code lock_cluster_or_swap_info}), so the caller's variable
   * holding the NULL result says nothing about it ({@link HeldLock#NULL_RESULT}). A lock taken
   * through a local, or in a deeper call, is left to the kernel's convention that a NULL result
   * locked nothing ({@link #eventsThrough}): {@code __z3fold_alloc}'s failure path returns NULL
   * with the header's lock held only as far as the analysis can tell, since the release callback
   * of its {@code kref_put} that drops it is not followed.
   */
  static boolean notThroughResult(Function callee, HeldLock h) {
    Site site = h.site();
    if (h.fromEntry() || !site.calls().isEmpty() || !site.function().equals(callee.name())) return false;
    String root = ReturnKind.rootVariable(site.instance());
    return root != null && !callee.locals().containsKey(root);
  }

  /** Whether a call at {@code at} gives its result to a local pointer or {@code bool} ({@link #eventsThrough}). */
  boolean storesResult(Location at) {
    if (storingCalls == null) {
      storingCalls = new HashSet<>();
      for (Map.Entry<String, List<Location>> e : fn.resultCalls().entrySet()) {
        if (holdsResult(fn, e.getKey())) storingCalls.addAll(e.getValue());
      }
    }
    return storingCalls.contains(at);
  }

  private Set<Location> storingCalls;

  /** Where this function made the event that left {@code h} held (an acquisition or a call); null if it did not. */
  private Location eventLocation(HeldLock h) {
    if (h.fromEntry()) return null;
    Site site = h.site();
    if (site.calls().isEmpty()) return site.function().equals(fn.name()) ? site.location() : null;
    return site.calls().get(0).caller().equals(fn.name()) ? site.calls().get(0).location() : null;
  }

  /**
   * By variable with a node for each of its assignments ({@link Event.Assign}) and tests against
   * NULL without a last assignment: its bit in {@link HeldLock#detached} (in name order), or
   * {@link #NO_BIT} past the 64th. Computed on first need.
   */
  private Map<String, Long> assignedBits;

  /** A variable whose assignments no bit can follow: no lock counts as taken through it. */
  private static final long NO_BIT = -1L;

  private long assignedBit(String v) {
    if (assignedBits == null) {
      assignedBits = new HashMap<>();
      int next = 0;
      for (String name : ParameterValues.assignedVariables(fn)) {
        Node.PointerTest t = pointerTestOf(name);
        if (t == null || t.lastAssigned() != null) continue;
        assignedBits.put(name, next < Long.SIZE - 1 ? 1L << next++ : NO_BIT);
      }
    }
    return assignedBits.getOrDefault(v, 0L);
  }

  /**
   * The state after an assignment to a variable that locks can be taken through: the held locks
   * taken through its old value are detached from it. A test of it against NULL from here on
   * says nothing about them (ADR-006 later: the last assignment on the path, not in the source).
   */
  LockState afterAssign(Event.Assign a, LockState s) {
    if (s.held().isEmpty() || a.relock()) return s;
    long bit = assignedBit(a.variable());
    if (bit == 0 || bit == NO_BIT) return s;
    Set<Location> through = eventsThrough(a.variable());
    return s.detaching(h -> {
      Location at = eventLocation(h);
      // What the assigned call itself locked is what the new value stands for.
      return at != null && through.contains(at) && !at.equals(a.valueCall()) ? bit : 0L;
    });
  }

  /** Whether {@code a} is at or after {@code since} in the same file (always, when {@code since} is null). */
  private static boolean notBefore(Location a, Location since) {
    return since == null || since.file().equals(a.file()) && since.compareTo(a) <= 0;
  }

  /** By variable, computed on first need: see {@link #eventsThrough}. */
  private Map<String, Set<Location>> eventsThrough;

  /**
   * Where this function's acquisitions and calls take an argument rooted at variable {@code v};
   * for a local pointer or {@code bool} flag, also the calls whose result it is assigned ({@code
   * page = find_lock_page(mapping, index)}, {@code locked = compact_lock_irqsave(&zone->lock,
   * &flags, cc)}). A function that returns a locked object returns NULL when it locked nothing,
   * and one that returns a success flag returns true when it did what its name says (the kernel's
   * coding style, "Function return values and names"): where the variable is NULL or false, what
   * that call returned holding is not held. An {@code int} result is left out: {@code error =
   * ocfs2_inode_lock(...)} is 0 when the lock is taken.
   */
  private Set<Location> eventsThrough(String v) {
    if (eventsThrough == null) eventsThrough = new HashMap<>();
    return eventsThrough.computeIfAbsent(v, name -> {
      List<Location> results = holdsResult(fn, name) ? fn.resultCalls().getOrDefault(name, List.of()) : List.of();
      if (results.isEmpty()) return argumentEvents(name);
      Set<Location> out = new HashSet<>(argumentEvents(name));
      out.addAll(results);
      return out;
    });
  }

  /** By variable, computed on first need: see {@link #argumentEvents}. */
  private Map<String, Set<Location>> argumentEvents;

  /** Where this function's acquisitions and calls take an argument rooted at variable {@code v}. */
  private Set<Location> argumentEvents(String v) {
    if (argumentEvents == null) argumentEvents = new HashMap<>();
    return argumentEvents.computeIfAbsent(v, name -> {
      Set<Location> out = callsWithArgument(arg -> rootedAt(arg.path(), name));
      for (Node n : fn.cfg().nodes()) {
        if (n.event() instanceof Event.Acquire a && rootedAt(a.lock().path(), name)) out.add(a.location());
      }
      return out;
    });
  }

  /** Whether {@code v} is a local pointer or {@code bool}: NULL or false says its call took nothing. */
  private static boolean holdsResult(Function fn, String v) {
    org.lockorder.ir.CType t = fn.locals().get(v);
    return t != null && (t.pointers() > 0 && !t.array() || t.isBool());
  }

  /** Where this function's calls (direct or indirect) take an argument {@code matches} accepts. */
  private Set<Location> callsWithArgument(java.util.function.Predicate<Arg> matches) {
    Set<Location> out = new HashSet<>();
    for (Node n : fn.cfg().nodes()) {
      Event e = n.event();
      List<Arg> args = e instanceof Event.Call c ? c.args() : e instanceof Event.IndirectCall c ? c.args() : List.of();
      for (Arg arg : args) {
        if (matches.test(arg)) {
          out.add(e.location());
          break;
        }
      }
    }
    return out;
  }

  /**
   * Whether {@code path} starts at {@code v}: a variable, or a member path written {@code
   * vma->anon_vma} (a test of a member, {@link Node.PointerTest}), which {@code
   * &vma->anon_vma->root->rwsem} starts at too.
   */
  private static boolean rootedAt(AccessPath path, String v) {
    if (path == null || !(path.root() instanceof AccessPath.Var var)) return false;
    if (!v.contains("->")) return var.name().equals(v);
    String[] parts = v.split("->");
    if (!var.name().equals(parts[0]) || path.fields().size() < parts.length - 1) return false;
    for (int i = 1; i < parts.length; i++) if (!path.fields().get(i - 1).equals(parts[i])) return false;
    return true;
  }

  /**
   * For an unlock through a local pointer that holds nothing of its own class here ({@code
   * pte_unmap_unlock(pte, ptl)} after {@code pte = get_locked_pte(mm, addr, &ptl)}): the held
   * lock, taken by a call of this function that was given the pointer's address, that the callee
   * stored there ({@code *(ptlp) = __ptl; spin_lock(__ptl)}), the latest such; null otherwise.
   * The callee's class names its own local ({@code __get_locked_pte().__ptl}), so the unlock's
   * class ({@code insert_page().ptl}) would never match it.
   */
  HeldLock storedThroughAddress(LockKey key, LockState s) {
    // The class of a lock through a local pointer names the variable the aliases lead to
    // ('spinlock_t *__ptl = (ptl); spin_unlock(__ptl)' in pte_unmap_unlock: insert_page().ptl).
    String prefix = fn.name() + "().";
    if (s.held().isEmpty() || !(key instanceof LockKey.OfClass c) || !c.lockClass().name().startsWith(prefix)) return null;
    LockKey base = key.base();
    for (HeldLock h : s.held()) if (h.key().equals(key) || h.key().base().equals(base)) return null;
    Set<Location> calls = callsGivenAddressOf(c.lockClass().name().substring(prefix.length()));
    if (calls.isEmpty()) return null;
    for (int i = s.held().size() - 1; i >= 0; i--) {
      HeldLock h = s.held().get(i);
      if (h.fromEntry() || h.site().calls().isEmpty()) continue;
      CallStep first = h.site().calls().get(0);
      if (first.caller().equals(fn.name()) && calls.contains(first.location())) return h;
    }
    return null;
  }

  /** By variable, computed on first need: see {@link #callsGivenAddressOf}. */
  private Map<String, Set<Location>> addressGiven;

  /** Where this function's calls take {@code &v} as an argument. */
  private Set<Location> callsGivenAddressOf(String v) {
    if (addressGiven == null) addressGiven = new HashMap<>();
    return addressGiven.computeIfAbsent(v, name -> callsWithArgument(arg -> {
      String text = arg.text().replace(" ", "");
      return text.equals("&" + name) || text.equals("&(" + name + ")");
    }));
  }

  /** The pointer parameters {@code s}'s path found NULL, by index ({@link #pointerParamConditions}). */
  long nullParams(LockState s) {
    return paramsDecided(s, Boolean.FALSE);
  }

  /** The pointer parameters {@code s}'s path found not NULL, by index. */
  long nonNullParams(LockState s) {
    return paramsDecided(s, Boolean.TRUE);
  }

  /**
   * Whether {@code s}'s path found pointer parameter {@code v} not NULL (true) or NULL (false), by
   * its {@link #pointerParamConditions} bit; null when undecided or not such a parameter.
   */
  private Boolean paramDecided(LockState s, String v) {
    if (paramBits.isEmpty()) return null;
    for (Map.Entry<Integer, Integer> p : paramBits.entrySet()) {
      if (fn.params().get(p.getValue()).name().equals(v)) return s.decided(p.getKey());
    }
    return null;
  }

  private long paramsDecided(LockState s, Boolean nonNull) {
    if (paramBits.isEmpty()) return 0;
    long out = 0;
    for (Map.Entry<Integer, Integer> p : paramBits.entrySet()) {
      if (nonNull.equals(s.decided(p.getKey()))) out |= 1L << p.getValue();
    }
    return out;
  }

  /**
   * The parameters of this function that a callee's acquisition needs not NULL ({@code
   * nonNullParams}, the callee's), seen through a call with {@code args}; -1 when the call passes
   * NULL where one is needed, so it does not take it. A callee parameter given this function's own
   * pointer parameter (one it never assigns) becomes that parameter's need; anything else ends
   * the need. (What the path to the call found not NULL is needed too: the caller adds {@link
   * #nonNullParams} of its state.)
   */
  long nonNullThrough(long nonNullParams, List<Arg> args) {
    long out = 0;
    for (long bits = nonNullParams; bits != 0; bits &= bits - 1) {
      int i = Long.numberOfTrailingZeros(bits);
      if (i >= args.size()) continue;
      Arg a = args.get(i);
      if ("NULL".equals(a.text()) || "0".equals(a.text()) || Long.valueOf(0).equals(a.constant())) return -1;
      int mine = paramIndex(fn, a.text());
      if (mine < 0 || mine >= Long.SIZE || assignedVariables().contains(a.text())) continue;
      out |= 1L << mine;
    }
    return out;
  }

  private Set<String> assigned;

  /** The variables this function's body assigns; computed on first need. */
  private Set<String> assignedVariables() {
    if (assigned == null) assigned = ParameterValues.assignedVariables(fn);
    return assigned;
  }

  /**
   * The exits with only the parameter facts that tell exits of different effects apart: exits of
   * one effect keep the facts they all share, so a fact never hides an effect some path has.
   */
  static List<Summary.ExitEffect> factsThatMatter(List<Summary.ExitEffect> exits) {
    Map<String, long[]> shared = new LinkedHashMap<>();
    Map<String, List<String>> sharedMembers = new HashMap<>();
    // Each exit's identity without its facts, made once: a string built from every key it holds.
    String[] plainIds = new String[exits.size()];
    for (int i = 0; i < plainIds.length; i++) {
      Summary.ExitEffect e = exits.get(i);
      String plain = plainIds[i] = e.withoutFacts().identity();
      long[] facts = shared.computeIfAbsent(plain, k -> new long[] {-1L, -1L});
      facts[0] &= e.nullParams();
      facts[1] &= e.nonNullParams();
      List<String> members = sharedMembers.get(plain);
      if (members == null) {
        sharedMembers.put(plain, e.nullMembers());
      } else if (!members.isEmpty() && !members.equals(e.nullMembers())) {
        List<String> both = new ArrayList<>(members);
        both.retainAll(e.nullMembers());
        sharedMembers.put(plain, List.copyOf(both));
      }
    }
    List<Summary.ExitEffect> out = new ArrayList<>(shared.size());
    Set<String> done = new HashSet<>();
    for (int i = 0; i < plainIds.length; i++) {
      String id = plainIds[i];
      if (!done.add(id)) continue;
      long[] facts = shared.get(id);
      out.add(exits.get(i).withoutFacts().withFacts(facts[0], facts[1], sharedMembers.get(id)));
    }
    return out;
  }

  /**
   * Whether {@code s} holds a lock this function took through variable {@code v} since its last
   * assignment, so {@code v} is not NULL here (ADR-006); false when no branch tests {@code v}
   * against NULL, since only such a branch says where {@code v} was last assigned.
   */
  private boolean knownNotNull(LockState s, String v) {
    if (s.held().isEmpty()) return false;
    Node.PointerTest t = pointerTestOf(v);
    if (t == null) return false;
    for (HeldLock h : s.held()) if (takenThrough(t, h)) return true;
    return false;
  }

  private Map<String, Node.PointerTest> pointerTests;

  private Node.PointerTest pointerTestOf(String v) {
    if (pointerTests == null) {
      pointerTests = new HashMap<>();
      for (Node n : fn.cfg().nodes()) if (n.pointerTest() != null) pointerTests.putIfAbsent(n.pointerTest().variable(), n.pointerTest());
    }
    Node.PointerTest t = pointerTests.get(v);
    if (t != null) return t;
    // No branch tests it ('lock_page(page); f2fs_put_page(page, 1);'): the body's assignments say
    // since when a lock taken through it is one through its current value.
    Location since = fn.pointerSince().get(v);
    if (since == null) return null;
    t = new Node.PointerTest(v, true, since.equals(fn.location()) ? null : since);
    pointerTests.put(v, t);
    return t;
  }

  /**
   * The callee's exits this call can take from {@code s}: without those that found NULL a
   * parameter this call passes a variable known not to be NULL, nor those that found not NULL one
   * it passes a variable known to be NULL, nor those that found NULL a member of a parameter
   * this call's state holds a lock through (all of them if that leaves none).
   */
  java.util.Collection<Summary.ExitEffect> possibleExits(Summary callee, List<Arg> args, LockState s) {
    java.util.Collection<Summary.ExitEffect> all = callee.exits.values();
    List<Summary.ExitEffect> kept = null;
    int i = 0;
    for (Summary.ExitEffect e : all) {
      boolean drop = e.nullParams() != 0 && contradicts(e.nullParams(), args, s)
          || e.nonNullParams() != 0 && nullPassed(e.nonNullParams(), args, s)
          || !e.nullMembers().isEmpty() && heldThroughNullMember(e.nullMembers(), args, s);
      if (drop && kept == null) {
        kept = new ArrayList<>(all.size());
        int k = 0;
        for (Summary.ExitEffect earlier : all) if (k++ < i) kept.add(earlier);
      } else if (!drop && kept != null) {
        kept.add(e);
      }
      i++;
    }
    return kept == null || kept.isEmpty() ? all : kept;
  }

  /**
   * Whether a callee path that found not NULL the parameters in {@code nonNullParams} cannot be
   * this call's: it passes one of them a variable known to be NULL ({@link #knownNull}).
   */
  private boolean nullPassed(long nonNullParams, List<Arg> args, LockState s) {
    for (long bits = nonNullParams; bits != 0; bits &= bits - 1) {
      int i = Long.numberOfTrailingZeros(bits);
      if (i >= args.size()) break;
      String v = plainVariable(args.get(i));
      if (v != null && (knownNull(s, v) || Boolean.FALSE.equals(paramDecided(s, v)))) return true;
    }
    return false;
  }

  /**
   * Whether a callee path that found NULL the parameters in {@code nullParams} cannot be this
   * call's: it passes one of them a variable known not to be NULL.
   */
  boolean contradicts(long nullParams, List<Arg> args, LockState s) {
    long nulls = nullParams;
    for (int i = 0; nulls != 0 && i < args.size() && i < Long.SIZE; i++) {
      if ((nulls & (1L << i)) == 0) continue;
      nulls &= ~(1L << i);
      String v = plainVariable(args.get(i));
      if (v != null && (knownNotNull(s, v) || Boolean.TRUE.equals(paramDecided(s, v)))) return true;
    }
    return false;
  }
}
