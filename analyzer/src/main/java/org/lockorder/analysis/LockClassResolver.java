package org.lockorder.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Assignment;
import org.lockorder.ir.Function;
import org.lockorder.ir.GlobalVar;
import org.lockorder.ir.LockRef;
import org.lockorder.ir.Param;

/**
 * Names the lock class of a lock expression the way lockdep keys it, from declarations: a member
 * lock is "struct-tag.field" from the static type of its base, a global is its name, an array
 * element is the array. A lock that is exactly a parameter becomes {@link LockKey.OfParam}, for
 * the caller to resolve. Unresolvable owners are written "?.field".
 *
 * <p>The lock inside a lock wrapper (the lock model's {@code lock_wrappers}: {@code
 * wait_queue_head}, {@code lockref}, {@code local_lock_t}) is named by what embeds the wrapper:
 * {@code &ctx->wqh.lock} is "eventfd_ctx.wqh", a global {@code struct wait_queue_head wq}'s is
 * "wq", and a helper given the wrapper ({@code local_lock_acquire(local_lock_t *l)}) leaves it to
 * its callers. lockdep gives each initialisation of a wrapper its own class; naming the wrapper
 * type instead would make every wait queue of the kernel one lock. Where nothing names the
 * embedding, the wrapper type's member is the class, as for any other lock.
 */
final class LockClassResolver {
  private static final int ALIAS_DEPTH = 3;
  private final Program program;
  private final ClassKeys classKeys;
  private final Set<String> wrappers;

  LockClassResolver(Program program, ClassKeys classKeys) {
    this(program, classKeys, Set.of());
  }

  /** @param wrappers the lock model's lock wrappers (struct tags and typedef names) */
  LockClassResolver(Program program, ClassKeys classKeys, Set<String> wrappers) {
    this.program = program;
    this.classKeys = classKeys;
    this.wrappers = Set.copyOf(wrappers);
  }

  /** The resolved key plus the instance text (the lock expression as written). */
  record Resolved(LockKey key, String instance) {}

  /** The lockdep_set_class refinements in force, as text (the summary memo's keys). */
  String classKeysText() {
    return classKeys.toString();
  }

  Resolved resolve(LockRef ref, Function fn) {
    String sub = subclass(ref.subclass());
    Resolved keyed = classKeys.isEmpty() || ref.path() == null ? null : keyed(ref.path(), fn, sub);
    if (keyed != null) return keyed;
    if (ref.explicitClass() != null) {
      String instance = ref.path() != null ? ref.path().text() : ref.explicitClass();
      return new Resolved(ofClass(new LockClass(ref.explicitClass(), sub)), instance);
    }
    if (ref.path() == null) return null;
    LockKey key = keyOf(ref.path(), fn, sub, 0);
    return key == null ? null : new Resolved(key, ref.path().text());
  }

  /** The lockdep_set_class key of the lock's declared class in this code, or null. */
  private Resolved keyed(AccessPath path, Function fn, String sub) {
    if (path.fields().isEmpty()) return null;
    String owner = program.ownerTag(path, fn);
    if (owner == null) return null;
    String key = classKeys.keyFor(owner + "." + path.fields().get(path.fields().size() - 1), fn);
    return key == null ? null : new Resolved(ofClass(new LockClass(key, sub)), path.text());
  }

  /** Resolves an argument passed where the callee expects a lock (wrapper parameters). */
  Resolved resolveArg(Arg arg, String subclass, Function fn) {
    if (arg == null || arg.path() == null) return null;
    LockKey key = keyOf(arg.path(), fn, subclass, 0);
    return key == null ? null : new Resolved(key, arg.path().text());
  }

  /**
   * A callee's parameter lock as the caller {@code fn} passes it in {@code arg}; null if
   * unresolvable. The lock inside a wrapper the argument points to ({@link LockKey.OfParam#wrapped})
   * is named by the member or variable that embeds the wrapper when the argument shows one, else
   * by the wrapper type.
   */
  Resolved resolveParam(LockKey.OfParam p, Arg arg, Function fn) {
    if (p.wrapped() == null) return resolveArg(arg, p.subclass(), fn);
    LockKey k = wrapperArg(arg, p.subclass(), fn);
    if (k instanceof LockKey.OfParam q) k = new LockKey.OfParam(q.index(), q.subclass(), p.wrapped());
    if (k == null) k = ofClass(new LockClass(p.wrapped(), p.subclass()));
    return new Resolved(k, arg == null ? p.wrapped() : arg.path() != null ? arg.path().text() : arg.text());
  }

  /**
   * The class of the lock inside the wrapper {@code arg} points to, when it names what embeds
   * the wrapper; a parameter of {@code fn} (without {@link LockKey.OfParam#wrapped}) when it
   * passes one on; else null.
   */
  LockKey wrapperArg(Arg arg, String sub, Function fn) {
    return arg == null || arg.path() == null ? null : wrapperObject(arg.path(), fn, sub, 0);
  }

  /**
   * Classes that are one global object (not an array, not one per CPU), so that holding one
   * serializes threads.
   * Member-lock classes ("inode.i_rwsem") have an instance per object and never qualify.
   */
  boolean isSingleInstance(LockClass c) {
    GlobalVar g = program.global(c.name());
    return g != null && !g.type().array() && !g.perCpu();
  }

  String subclass(Arg arg) {
    if (arg == null) return "";
    if (arg.constant() != null) return Long.toString(arg.constant());
    AccessPath p = arg.path();
    if (p != null && p.root() instanceof AccessPath.Var v && p.fields().isEmpty()) {
      Long value = program.constant(v.name());
      return value != null ? Long.toString(value) : v.name();
    }
    return arg.text();
  }

  private LockKey keyOf(AccessPath path, Function fn, String sub, int depth) {
    if (isNull(path)) return null; // wrapper(..., NULL, ...): no lock on that path
    List<String> fields = path.fields();
    if (fields.isEmpty()) {
      if (path.root() instanceof AccessPath.Var v) return wholeVariable(v.name(), fn, sub, depth);
      if (path.root() instanceof AccessPath.CallResult c) {
        return ofClass(new LockClass(lockOrigin(c.function(), fn) + "()", sub));
      }
      return null;
    }
    LockKey stored = depth < ALIAS_DEPTH ? storedCallResult(path, fn, sub) : null;
    if (stored != null) return stored;
    String owner = program.ownerTag(path, fn);
    String field = fields.get(fields.size() - 1);
    if (owner != null && wrappers.contains(owner)) {
      // The lock inside a wrapper: named by what embeds the wrapper (the path without the lock).
      AccessPath wrapper = new AccessPath(path.root(), fields.subList(0, fields.size() - 1), path.indexed(), path.text());
      LockKey k = wrapperObject(wrapper, fn, sub, depth);
      if (k instanceof LockKey.OfParam p) return new LockKey.OfParam(p.index(), p.subclass(), owner + "." + field);
      if (k != null) return k;
    }
    return classKey(owner, field, sub);
  }

  /**
   * The class of a wrapper's lock, the wrapper being what {@code path} denotes: a member of a
   * struct type embeds it ({@code ctx->wqh}: "eventfd_ctx.wqh"), a global struct is it ({@code
   * wq}: "wq"), a parameter points to it (its callers say which), a local pointer points where
   * its assignment says. Null when nothing says which wrapper it is: a pointer member or global
   * points to one embedded elsewhere, which lockorder does not follow.
   */
  private LockKey wrapperObject(AccessPath path, Function fn, String sub, int depth) {
    List<String> fields = path.fields();
    if (!fields.isEmpty()) {
      String owner = program.ownerTag(path, fn);
      String field = fields.get(fields.size() - 1);
      org.lockorder.ir.CType t = owner == null ? null : program.fieldType(owner, field);
      return t == null || t.pointers() > 0 ? null : classKey(owner, field, sub);
    }
    if (!(path.root() instanceof AccessPath.Var v)) return null;
    List<Param> params = fn.params();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).name().equals(v.name())) return new LockKey.OfParam(i, sub);
    }
    org.lockorder.ir.CType t = program.typeOfVariable(v.name(), fn);
    boolean local = fn.locals().containsKey(v.name());
    if (t == null) return null;
    // A wrapper on the stack (DECLARE_WAIT_QUEUE_HEAD_ONSTACK) is left to the wrapper type.
    if (t.pointers() == 0) return local ? null : ofClass(new LockClass(v.name(), sub));
    if (!local || depth >= ALIAS_DEPTH) return null;
    for (Assignment a : fn.assignments()) {
      if (a.target().root() instanceof AccessPath.Var target && target.name().equals(v.name()) && a.target().fields().isEmpty()
          && a.value().path() != null && !isNull(a.value().path())) {
        return wrapperObject(a.value().path(), fn, sub, depth + 1);
      }
    }
    return null;
  }

  private LockKey wholeVariable(String name, Function fn, String sub, int depth) {
    List<Param> params = fn.params();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).name().equals(name)) return new LockKey.OfParam(i, sub);
    }
    if (fn.locals().containsKey(name)) {
      if (depth < ALIAS_DEPTH) {
        // Published to a field ('*(ptlp) = __ptl' of pte_offset_map_lock with '&vmf->ptl'): the
        // lock is the one the field names, which the unlock goes through
        // ('pte_unmap_unlock(vmf->pte, vmf->ptl)').
        for (Assignment a : fn.assignments()) {
          AccessPath v = a.value().path();
          if (v != null && !a.literal() && v.root() instanceof AccessPath.Var from && from.name().equals(name) && v.fields().isEmpty()
              && !a.value().text().startsWith("&") && !a.target().fields().isEmpty()) {
            return keyOf(a.target(), fn, sub, depth + 1);
          }
        }
      }
      // Returned to the caller ('spin_lock(ptl); return ptl;' in huge_pte_lock): callers name it
      // by the call ('ptl = huge_pte_lock(...)'), so the function names its own the same way.
      if (returned(fn, name)) {
        // Unless it holds what a call returned locked, named where that lock was taken
        // (__pmd_trans_huge_lock: 'ptl = pmd_lock(...)', then 'return ptl;' or an unlock).
        String from = assignedFromLockingCall(fn, name);
        return ofClass(new LockClass((from != null ? from : fn.name()) + "()", sub));
      }
      if (depth < ALIAS_DEPTH) {
        for (Assignment a : fn.assignments()) {
          if (a.target().root() instanceof AccessPath.Var t
              && t.name().equals(name)
              && a.target().fields().isEmpty()
              && a.value().path() != null
              && !isNull(a.value().path())
              && !memberRead(a)) {
            return keyOf(a.value().path(), fn, sub, depth + 1);
          }
        }
      }
      return ofClass(new LockClass(fn.name() + "()." + name, sub));
    }
    return ofClass(new LockClass(name, sub));
  }

  /**
   * The lock a member path points at when every assignment of {@code fn} to that path stores the
   * result of a call that returns a lock ({@code vmf->ptl = pmd_lock(vma->vm_mm, vmf->pmd)} in
   * 6.1's {@code do_set_pmd}, then {@code spin_unlock(vmf->ptl)}): named by the call, as the
   * lock it returns is ({@code pmd_lock()}); null otherwise, and the member names the lock
   * ({@code vm_fault.ptl}, as when {@code pte_offset_map_lock(..., &vmf->ptl)} publishes one).
   */
  private LockKey storedCallResult(AccessPath path, Function fn, String sub) {
    if (path.indexed() || !(path.root() instanceof AccessPath.Var root)) return null;
    LockKey out = null;
    for (Assignment a : fn.assignments()) {
      AccessPath t = a.target();
      if (!(t.root() instanceof AccessPath.Var tr) || !tr.name().equals(root.name()) || !t.fields().equals(path.fields())) continue;
      AccessPath v = a.value().path();
      if (a.literal() || t.indexed() || v == null || !v.fields().isEmpty() || !(v.root() instanceof AccessPath.CallResult c)
          || !returnsItsLock(c.function(), fn)) {
        return null;
      }
      LockKey k = ofClass(new LockClass(lockOrigin(c.function(), fn) + "()", sub));
      if (out != null && !out.equals(k)) return null;
      out = k;
    }
    return out;
  }

  /**
   * The function that took the lock a call of {@code name} (seen from {@code caller}) returns,
   * whose name names its class: {@code name} itself when it takes it ({@code pmd_lock}), or, when
   * it only passes on what one other call returned locked ({@code return __pmd_trans_huge_lock(..)};
   * {@code ptl = pmd_lock(..); ... return ptl;}), that call's origin. {@code name} for anything
   * else ({@code pte_lockptr}, which locks nothing): the call names the lock as before.
   */
  private String lockOrigin(String name, Function caller) {
    Function g = program.resolve(name, caller.location().file());
    if (g == null) return name;
    // Cached whole, never a depth-cut answer of a nested step: threads ask in any order.
    return origins.computeIfAbsent(g.location().file() + ":" + g.name(), k -> lockOrigin(g, 0));
  }

  private String lockOrigin(Function g, int depth) {
    if (depth >= ALIAS_DEPTH || returnsItsLock(g.name(), g)) return g.name();
    String passed = passedOnCall(g);
    Function h = passed == null ? null : program.resolve(passed, g.location().file());
    if (h == null) return g.name();
    String origin = lockOrigin(h, depth + 1);
    Function o = program.resolve(origin, h.location().file());
    return o != null && returnsItsLock(o.name(), o) ? origin : g.name();
  }

  /** By function (file and name): {@link #lockOrigin}'s answer. */
  private final Map<String, String> origins = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The one call whose result every non-NULL return of {@code g} passes on: {@code return h(..)},
   * or a local assigned only {@code h(..)} and returned; null when there is none or more than one.
   */
  private String passedOnCall(Function g) {
    String out = null;
    for (org.lockorder.ir.Node n : g.cfg().nodes()) {
      if (!(n.event() instanceof org.lockorder.ir.Event.Return r) || r.value() == null || r.value().path() == null) continue;
      AccessPath p = r.value().path();
      if (isNull(p)) continue;
      if (!p.fields().isEmpty() || p.indexed()) return null;
      String h = p.root() instanceof AccessPath.CallResult c ? c.function()
          : p.root() instanceof AccessPath.Var v ? assignedCall(g, v.name()) : null;
      if (h == null || (out != null && !out.equals(h))) return null;
      out = h;
    }
    return out;
  }

  /** The one call a local of {@code g} is only ever assigned the result of (NULL aside); else null. */
  private static String assignedCall(Function g, String local) {
    if (!g.locals().containsKey(local)) return null;
    String out = null;
    for (Assignment a : g.assignments()) {
      if (!(a.target().root() instanceof AccessPath.Var t) || !t.name().equals(local) || !a.target().fields().isEmpty()) continue;
      AccessPath v = a.value().path();
      if (v != null && isNull(v)) continue;
      if (v == null || !v.fields().isEmpty() || !(v.root() instanceof AccessPath.CallResult c)) return null;
      if (out != null && !out.equals(c.function())) return null;
      out = c.function();
    }
    return out;
  }

  /**
   * The origin of the lock a local returned by {@code fn} holds when it is only ever assigned a
   * call that returns a lock taken elsewhere ({@link #lockOrigin}); null otherwise.
   */
  private String assignedFromLockingCall(Function fn, String local) {
    String call = assignedCall(fn, local);
    if (call == null) return null;
    String origin = lockOrigin(call, fn);
    Function o = program.resolve(origin, fn.location().file());
    return o != null && returnsItsLock(o.name(), o) ? origin : null;
  }

  /**
   * Whether {@code name}, seen from {@code caller}, returns a lock it took through a local it
   * returns ({@code pmd_lock}: {@code spin_lock(ptl); return ptl;}), not a lock pointer it only
   * computes ({@code pte_lockptr}), which its callers lock through the member themselves.
   */
  private boolean returnsItsLock(String name, Function caller) {
    Function g = program.resolve(name, caller.location().file());
    if (g == null) return false;
    for (org.lockorder.ir.Node n : g.cfg().nodes()) {
      if (n.event() instanceof org.lockorder.ir.Event.Acquire acq && acq.lock().path() != null
          && acq.lock().path().fields().isEmpty() && acq.lock().path().root() instanceof AccessPath.Var v
          && g.locals().containsKey(v.name()) && returned(g, v.name())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The locks a whole local variable may point at, one per assignment that gives it a lock, in
   * source order; empty unless there are two or more. {@link #resolve} names the variable by its
   * first such assignment, which is right for an acquisition through it but not for an unlock
   * after it was assigned again: the page-table walkers set {@code ptl = pmd_trans_huge_lock(..)},
   * drop that lock on one branch, and on the other take the pte lock through {@code
   * pte_offset_map_lock(.., &ptl)} and drop it with {@code pte_unmap_unlock(pte, ptl)}. An unlock
   * whose first-assignment lock is not held releases the latest held one of these instead
   * ({@code FunctionAnalyzer.release}).
   */
  List<LockKey> assignedKeys(LockRef ref, Function fn) {
    AccessPath path = ref.path();
    if (path == null || !path.fields().isEmpty() || path.indexed() || !(path.root() instanceof AccessPath.Var v)
        || !fn.locals().containsKey(v.name()) || fn.params().stream().anyMatch(p -> p.name().equals(v.name()))) {
      return List.of();
    }
    String sub = subclass(ref.subclass());
    java.util.LinkedHashSet<LockKey> keys = new java.util.LinkedHashSet<>();
    for (Assignment a : fn.assignments()) {
      if (a.target().root() instanceof AccessPath.Var t && t.name().equals(v.name()) && a.target().fields().isEmpty()
          && a.value().path() != null && !isNull(a.value().path()) && !memberRead(a)) {
        LockKey k = keyOf(a.value().path(), fn, sub, 1);
        if (k != null) keys.add(k);
      }
    }
    return keys.size() < 2 ? List.of() : List.copyOf(keys);
  }

  /**
   * {@code ops = walk->ops}: a copy of a member, kept for ops-table arguments (ADR-008), not
   * (yet) an alias of the lock a member points to.
   */
  private static boolean memberRead(Assignment a) {
    AccessPath v = a.value().path();
    return v.root() instanceof AccessPath.Var && !v.fields().isEmpty() && !a.value().text().startsWith("&");
  }

  /** By function (by reference): the variables its returns return as they are; filled on first need. */
  private final Map<Function, Set<String>> returnedVariables =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  /** Whether some {@code return} of {@code fn} returns local variable {@code name} itself. */
  private boolean returned(Function fn, String name) {
    Set<String> names = returnedVariables.get(fn);
    if (names == null) {
      names = new java.util.HashSet<>();
      for (org.lockorder.ir.Node n : fn.cfg().nodes()) {
        if (n.event() instanceof org.lockorder.ir.Event.Return r && r.value() != null && r.value().path() != null
            && r.value().path().fields().isEmpty() && !r.value().path().indexed()
            && r.value().path().root() instanceof AccessPath.Var v) {
          names.add(v.name());
        }
      }
      returnedVariables.put(fn, names);
    }
    return names.contains(name);
  }

  /** NULL is no lock; {@code p = NULL} says nothing about which lock {@code p} points at later. */
  private static boolean isNull(AccessPath p) {
    return p.fields().isEmpty() && p.root() instanceof AccessPath.Var v && v.name().equals("NULL");
  }

  /**
   * One key object per class: the analysis meets the same classes millions of times, and
   * equal classes that are one object hash and compare cheaply (EdgeStore). Concurrent: the
   * summaries are computed on several threads (ComponentScheduler).
   */
  private final java.util.concurrent.ConcurrentHashMap<LockClass, LockKey.OfClass> interned =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * {@code key} with the subclass {@code value} where it has the subclass {@code param} (the name
   * of a parameter whose value a specialised analysis knows, ADR-015); else {@code key} itself.
   */
  LockKey withSubclass(LockKey key, String param, String value) {
    if (key instanceof LockKey.OfClass c) {
      LockClass cls = c.lockClass();
      return cls.subclass().equals(param) ? ofClass(new LockClass(cls.name(), value)) : key;
    }
    LockKey.OfParam p = (LockKey.OfParam) key;
    return p.subclass().equals(param) ? new LockKey.OfParam(p.index(), value, p.wrapped()) : key;
  }

  private LockKey.OfClass ofClass(LockClass c) {
    LockKey.OfClass k = interned.get(c);
    return k != null ? k : interned.computeIfAbsent(c, LockKey.OfClass::new);
  }

  private LockKey classKey(String owner, String field, String sub) {
    return ofClass(new LockClass((owner == null ? "?" : owner) + "." + field, sub));
  }
}
