package org.lockorder.analysis;

import java.util.HashSet;
import java.util.Set;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;
import org.lockorder.model.LockModel;
import org.lockorder.model.Op;
import org.lockorder.model.Primitive;

/**
 * Which iov_iter arguments iterate over kernel memory. A copy through such an iterator never
 * faults, whatever the copy function is declared as (the model's {@code iterator} key): kernel
 * code writes a kvec or bvec through the same {@code ->write_iter} as write(2) a user buffer.
 */
final class KernelIterators {
  private KernelIterators() {}

  /**
   * The locals of {@code f} that the body sets up as iterators over kernel memory ({@code
   * iov_iter_kvec(&iter, ...)}) and never over user memory ({@code import_iovec(..., &iter)}):
   * in any order, since one local set up both ways could be either at a copy.
   */
  static Set<String> locals(Function f, LockModel model) {
    Set<String> kernel = null;
    Set<String> user = null;
    for (Node n : f.cfg().nodes()) {
      if (!(n.event() instanceof Event.Call call)) continue;
      Primitive p = model.primitive(call.callee()).orElse(null);
      if (p == null || (p.op() != Op.KERNEL_ITERATOR && p.op() != Op.USER_ITERATOR)) continue;
      String local = local(p.iteratorArg() < call.args().size() ? call.args().get(p.iteratorArg()) : null, f);
      if (local == null) continue;
      if (p.op() == Op.KERNEL_ITERATOR) {
        if (kernel == null) kernel = new HashSet<>();
        kernel.add(local);
      } else {
        if (user == null) user = new HashSet<>();
        user.add(local);
      }
    }
    if (kernel == null) return Set.of();
    if (user != null) kernel.removeAll(user);
    return kernel;
  }

  /** The local {@code iterator} takes the address of ({@code &iter}), if it is in {@code locals}; else null. */
  static String addressOf(Arg iterator, Set<String> locals) {
    if (locals.isEmpty() || iterator == null || !iterator.text().startsWith("&")) return null;
    String name = plainName(iterator);
    return name != null && locals.contains(name) ? name : null;
  }

  /**
   * The index of the parameter {@code iterator} is ({@code iter}, not {@code &iter}), or -1. A
   * parameter the body points at another iterator is still taken as the caller's (kernel code
   * does not do that to an iov_iter parameter).
   */
  static int parameter(Arg iterator, Function f) {
    if (iterator == null || iterator.text().startsWith("&")) return -1;
    String name = plainName(iterator);
    if (name == null) return -1;
    for (int i = 0; i < f.params().size(); i++) if (f.params().get(i).name().equals(name)) return i;
    return -1;
  }

  private static String local(Arg arg, Function f) {
    if (arg == null || !arg.text().startsWith("&")) return null;
    String name = plainName(arg);
    if (name == null || !f.locals().containsKey(name)) return null;
    for (var p : f.params()) if (p.name().equals(name)) return null;
    return name;
  }

  /** The variable an argument names with no member access, or null. */
  private static String plainName(Arg arg) {
    AccessPath path = arg.path();
    if (path == null || !path.fields().isEmpty() || path.indexed() || !(path.root() instanceof AccessPath.Var v)) return null;
    return v.name();
  }
}
