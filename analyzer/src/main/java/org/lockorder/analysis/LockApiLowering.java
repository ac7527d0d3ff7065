package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Cfg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.LockRef;
import org.lockorder.ir.Node;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.model.LockModel;
import org.lockorder.model.Primitive;

/**
 * Turns calls of lock-model primitives into lock events, so that everything after it reads lock
 * semantics from the IR alone. Which calls are primitives is data (the lock model), not code.
 */
public final class LockApiLowering {
  private final LockModel model;

  public LockApiLowering(LockModel model) {
    this.model = model;
  }

  /** The unit with every function's calls of primitives replaced by lock events. */
  public TranslationUnit lower(TranslationUnit tu) {
    List<Function> lowered = new ArrayList<>(tu.functions().size());
    for (Function f : tu.functions()) lowered.add(lower(f));
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
    for (Node n : f.cfg().nodes()) {
      Event e = n.event() instanceof Event.Call call ? lowerCall(call) : n.event();
      nodes.add(e == n.event() ? n : new Node(n.id(), e, n.successors(), n.test()));
    }
    return new Function(
        f.name(),
        f.location(),
        f.isStatic(),
        f.returnType(),
        f.params(),
        f.locals(),
        f.annotations(),
        f.assignments(),
        new Cfg(nodes));
  }

  private Event lowerCall(Event.Call call) {
    Optional<Primitive> found = model.primitive(call.callee());
    if (found.isEmpty()) return call;
    Primitive p = found.get();
    List<Arg> args = call.args();
    String api = call.callee();
    switch (p.op()) {
      case ACQUIRE, RELEASE, ASSERT_HELD -> {
        LockRef ref = lockRef(p, args);
        if (ref == null) return call;
        return switch (p.op()) {
          case ACQUIRE -> new Event.Acquire(ref, p.kind(), p.mode(), p.style(), api, call.location());
          case RELEASE -> new Event.Release(ref, api, call.location());
          default -> new Event.AssertHeld(ref, p.mode(), api, call.location());
        };
      }
      case MAY_FAULT -> {
        return new Event.MayFault(api, call.location());
      }
      case FAULTS_DISABLE, FAULTS_ENABLE -> {
        return new Event.FaultScope(
            p.op() == org.lockorder.model.Op.FAULTS_DISABLE, api, call.location());
      }
      case SPAWN_THREAD -> {
        Arg start = arg(args, p.startRoutineArg());
        if (start == null
            || start.path() == null
            || !(start.path().root() instanceof AccessPath.Var v)
            || !start.path().fields().isEmpty()) {
          return call;
        }
        return new Event.SpawnThread(v.name(), api, call.location());
      }
      default -> {
        return call;
      }
    }
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
