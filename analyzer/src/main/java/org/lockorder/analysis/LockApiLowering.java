package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Cfg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.LockRef;
import org.lockorder.ir.Node;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.model.LockModel;
import org.lockorder.model.Primitive;
import org.lockorder.model.ReclaimModel;

/**
 * Turns calls of lock-model primitives into lock events, so that everything after it reads lock
 * semantics from the IR alone. Which calls are primitives is data (the lock model), not code.
 */
public final class LockApiLowering {
  private final LockModel model;

  public LockApiLowering(LockModel model) {
    this.model = model;
  }

  /**
   * The unit with every function's calls of primitives replaced by lock events. The definition
   * of an iterator the model declares ({@code page_vma_mapped_walk}) is left out: every call of
   * it is the model's, and its body, read on its own, takes the lock it holds between calls again
   * (a false recursive lock).
   */
  public TranslationUnit lower(TranslationUnit tu) {
    List<Function> lowered = new ArrayList<>(tu.functions().size());
    for (Function f : tu.functions()) {
      if (model.primitive(f.name()).filter(p -> p.style() == AcquireStyle.ITERATOR).isPresent()) continue;
      lowered.add(lower(f));
    }
    return new TranslationUnit(
        tu.file(),
        lowered,
        tu.prototypes(),
        tu.structs(),
        tu.typedefs(),
        tu.globals(),
        tu.fieldInits(),
        tu.enumConstants(),
        tu.diagnostics(),
        tu.stats());
  }

  Function lower(Function f) {
    List<Node> nodes = new ArrayList<>(f.cfg().nodes().size());
    List<SubclassSet> subclassesSet = subclassesSet(f, model);
    Set<String> kernelIterators = KernelIterators.locals(f, model);
    for (Node n : f.cfg().nodes()) {
      Event e = n.event() instanceof Event.Call call ? lowerCall(call, n.id(), f, kernelIterators, subclassesSet) : n.event();
      Node lowered = e == n.event() ? n : n.withEvent(e);
      // A call that never returns ends its path: `else BUG();` does not fall through to the code
      // after the if, holding what that code takes again. The nodes only it reached stay, unreached.
      if (e instanceof Event.Call call && neverReturns(call)) lowered = lowered.withSuccessors(List.of());
      Integer zeroSide = zeroSide(n, f);
      if (zeroSide != null) lowered = lowered.withSuccessors(List.of(zeroSide));
      nodes.add(lowered);
    }
    return f.withCfg(new Cfg(nodes));
  }

  /**
   * For a branch on the result of a call the model says returns zero ({@code if (need_seqretry(
   * &rename_lock, seq)) goto rename_retry;}), the successor a zero result takes; else null. Its
   * other side is cut here, so the analysis and the simulator both leave it unreached.
   */
  private Integer zeroSide(Node n, Function f) {
    Node.CallResultTest t = n.test();
    if (t == null || n.successors().size() != 2) return null;
    if (!(f.cfg().node(t.callNode()).event() instanceof Event.Call call)) return null;
    if (model.primitive(call.callee()).filter(p -> p.op() == org.lockorder.model.Op.RETURNS_ZERO).isEmpty()) return null;
    // Zero is neither non-zero, negative nor an error pointer: the edge for "the test is false".
    return n.successors().get(t.trueWhenNonzero() ? 1 : 0);
  }

  private boolean neverReturns(Event.Call call) {
    return model.primitive(call.callee()).filter(p -> p.op() == org.lockorder.model.Op.NO_RETURN).isPresent();
  }

  /**
   * @param node the call's node in {@code f}
   * @param subclassesSet the subclasses {@code f} gives lock objects ({@link #subclassesSet})
   */
  private Event lowerCall(Event.Call call, int node, Function f, Set<String> kernelIterators, List<SubclassSet> subclassesSet) {
    Optional<Primitive> found = model.primitive(call.callee());
    if (found.isEmpty()) return call;
    Primitive p = found.get();
    List<Arg> args = call.args();
    // Reports name the primitive and, for a call a lock wrapper macro made, the macro written.
    String api = call.macro() == null ? call.callee() : call.callee() + " in " + call.macro();
    switch (p.op()) {
      case ACQUIRE, RELEASE, ASSERT_HELD -> {
        LockRef ref = lockRef(p, args);
        if (ref == null) return call;
        if (p.op() == org.lockorder.model.Op.ACQUIRE && ref.subclass() == null && ref.path() != null && !subclassesSet.isEmpty()) {
          Arg set = subclassAt(subclassesSet, ref.path(), node);
          if (set != null) ref = new LockRef(ref.path(), ref.explicitClass(), set);
        }
        return switch (p.op()) {
          case ACQUIRE -> new Event.Acquire(
              ref, p.kind(), p.mode(), styleOf(p, args), api, call.location(), p.irqs(), nestRef(p, args));
          case RELEASE -> new Event.Release(ref, api, call.location(), p.irqs());
          default -> new Event.AssertHeld(ref, p.mode(), api, call.location());
        };
      }
      case ALLOC -> {
        ReclaimModel reclaim = model.reclaim();
        if (reclaim == null) return call;
        if (p.gfpArg() < 0) return new Event.MayReclaim(api, call.location());
        Arg gfp = arg(args, p.gfpArg());
        if (gfp == null) return call;
        return switch (GfpFlags.judge(gfp.text(), reclaim)) {
          case RECLAIMS -> new Event.MayReclaim(api, call.location());
          case NO_RECLAIM -> call;
          case UNKNOWN -> {
            // kmalloc(n, gfp) with the caller's gfp: each caller decides.
            int param = paramIndex(f, GfpFlags.leadingName(gfp.text()));
            yield param < 0 ? call : new Event.MayReclaim(api, call.location(), param);
          }
        };
      }
      case RECLAIM_DISABLE, RECLAIM_ENABLE -> {
        return new Event.ReclaimScope(p.op() == org.lockorder.model.Op.RECLAIM_DISABLE, api, call.location());
      }
      case IRQS_DISABLE, IRQS_ENABLE, SOFTIRQS_DISABLE, SOFTIRQS_ENABLE -> {
        boolean hard = p.op() == org.lockorder.model.Op.IRQS_DISABLE || p.op() == org.lockorder.model.Op.IRQS_ENABLE;
        boolean enter = p.op() == org.lockorder.model.Op.IRQS_DISABLE || p.op() == org.lockorder.model.Op.SOFTIRQS_DISABLE;
        return new Event.IrqScope(hard ? IrqLevel.HARDIRQ : IrqLevel.SOFTIRQ, enter, api, call.location());
      }
      case IRQ_HANDLER -> {
        String handler = functionName(arg(args, p.handlerArg()));
        return handler == null ? call : new Event.IrqHandler(handler, p.context(), api, call.location());
      }
      case SET_CLASS -> {
        LockRef ref = lockRef(p, args);
        Arg key = arg(args, p.keyArg());
        if (ref == null || key == null || key.path() == null) return call;
        String named = stringLiteral(arg(args, p.nameArg()));
        return new Event.SetClass(ref, named != null ? named : keyName(key.path()), api, call.location());
      }
      case MAY_FAULT -> {
        if (p.iteratorArg() < 0) return new Event.MayFault(api, call.location(), p.faultLockHeld());
        Arg iterator = arg(args, p.iteratorArg());
        // Through a local iterator over kernel memory: never a fault.
        if (KernelIterators.addressOf(iterator, kernelIterators) != null) return call;
        return new Event.MayFault(api, call.location(), p.faultLockHeld(), KernelIterators.parameter(iterator, f));
      }
      case FAULTS_DISABLE, FAULTS_ENABLE -> {
        return new Event.FaultScope(
            p.op() == org.lockorder.model.Op.FAULTS_DISABLE, api, call.location());
      }
      case SPAWN_THREAD -> {
        String start = functionName(arg(args, p.startRoutineArg()));
        return start == null ? call : new Event.SpawnThread(start, api, call.location());
      }
      default -> {
        return call;
      }
    }
  }

  /**
   * The lock objects {@code f} gives a subclass with a set-subclass primitive
   * ({@code lockdep_set_subclass(&othercon->sock_mutex, 1)} in 6.1's fs/dlm/lowcomms.c), by the
   * path that names them, with the subclass passed (a constant, or a parameter) and the nodes
   * reachable from the call. lockdep keeps the subclass with the object from then on; statically
   * the object is the expression, so an acquisition of the same path that the call reaches is
   * taken at that subclass, whichever way it was reached: the usual shape is an object set up on
   * one branch and taken after the branches join, where the other branch found one set up earlier
   * the same way. A path through an array element names no single object and is left as it is.
   */
  private static List<SubclassSet> subclassesSet(Function f, LockModel model) {
    List<SubclassSet> out = null;
    for (Node n : f.cfg().nodes()) {
      if (!(n.event() instanceof Event.Call call)) continue;
      Optional<Primitive> p = model.primitive(call.callee());
      if (p.isEmpty() || p.get().op() != org.lockorder.model.Op.SET_SUBCLASS) continue;
      LockRef ref = lockRef(p.get(), call.args());
      if (ref == null || ref.path() == null || ref.subclass() == null || ref.path().indexed()) continue;
      if (!(ref.path().root() instanceof AccessPath.Var)) continue;
      java.util.BitSet reach = new java.util.BitSet(f.cfg().nodes().size());
      java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>(n.successors());
      while (!work.isEmpty()) {
        int id = work.poll();
        if (reach.get(id)) continue;
        reach.set(id);
        work.addAll(f.cfg().node(id).successors());
      }
      if (out == null) out = new ArrayList<>();
      out.add(new SubclassSet(ObjectPath.of(ref.path()), ref.subclass(), reach));
    }
    return out == null ? List.of() : out;
  }

  /** The subclass an acquisition of {@code path} at node {@code id} is taken at; null when none, or two disagree. */
  private static Arg subclassAt(List<SubclassSet> sets, AccessPath path, int id) {
    Arg found = null;
    for (SubclassSet s : sets) {
      if (!s.reach().get(id) || !s.path().equals(ObjectPath.of(path))) continue;
      if (found != null && !found.text().equals(s.subclass().text())) return null;
      found = s.subclass();
    }
    return found;
  }

  /** A set-subclass call of a function: the object, the subclass, and the nodes it reaches. */
  private record SubclassSet(ObjectPath path, Arg subclass, java.util.BitSet reach) {}

  /** A lock object as an expression names it: its root variable and members, not its spelling. */
  private record ObjectPath(AccessPath.Root root, List<String> fields) {
    static ObjectPath of(AccessPath path) {
      return new ObjectPath(path.root(), path.fields());
    }
  }

  /**
   * The declared style, or a try when lockdep's trylock flag is a non-zero constant: the
   * annotation then adds no dependency into the lock, which is held afterwards all the same (its
   * call returns nothing to test).
   */
  private static AcquireStyle styleOf(Primitive p, List<Arg> args) {
    Arg flag = arg(args, p.trylockArg());
    if (flag == null) return p.style();
    return flag.constant() != null && flag.constant() != 0 ? AcquireStyle.TRY : p.style();
  }

  /** The text of a string-literal argument without its quotes, or null. */
  private static String stringLiteral(Arg arg) {
    if (arg == null) return null;
    String t = arg.text().trim();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") && t.indexOf('"', 1) == t.length() - 1
        ? t.substring(1, t.length() - 1) : null;
  }

  private static int paramIndex(Function f, String name) {
    if (name == null) return -1;
    for (int i = 0; i < f.params().size(); i++) if (f.params().get(i).name().equals(name)) return i;
    return -1;
  }

  /** The function an argument names ({@code handler} or {@code &handler}), or null. */
  private static String functionName(Arg arg) {
    if (arg == null
        || arg.path() == null
        || !(arg.path().root() instanceof AccessPath.Var v)
        || !arg.path().fields().isEmpty()) {
      return null;
    }
    return v.name();
  }

  /**
   * The class a lockdep key stands for: a global key by its name ({@code &ext4_fs_type.s_writers_key[0]}
   * gives "ext4_fs_type.s_writers_key", so each file-system type keys its own class); a key
   * reached through a pointer by its path text without indexes.
   */
  static String keyName(AccessPath key) {
    StringBuilder sb = new StringBuilder();
    if (key.root() instanceof AccessPath.Var v) {
      sb.append(v.name());
    } else {
      sb.append('?');
    }
    for (String f : key.fields()) sb.append('.').append(f);
    return sb.toString();
  }

  private static LockRef nestRef(Primitive p, List<Arg> args) {
    Arg nest = arg(args, p.nestArg());
    return nest == null || nest.path() == null ? null : new LockRef(nest.path(), null, null);
  }

  private static LockRef lockRef(Primitive p, List<Arg> args) {
    Arg subclass = arg(args, p.subclassArg());
    if (p.lockArg() < 0) {
      return p.lockClass() == null ? null : new LockRef(null, p.lockClass(), subclass);
    }
    Arg lock = arg(args, p.lockArg());
    if (lock == null) return null;
    AccessPath path = lock.path();
    if (path != null && p.lockField() != null) {
      List<String> fields = new ArrayList<>(path.fields());
      fields.add(p.lockField());
      path =
          new AccessPath(path.root(), fields, path.indexed(), path.text() + "->" + p.lockField());
    }
    if (path == null && p.lockClass() == null) return null;
    return new LockRef(path, p.lockClass(), subclass);
  }

  private static Arg arg(List<Arg> args, int index) {
    return index >= 0 && index < args.size() ? args.get(index) : null;
  }
}
