package org.lockorder.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.Mode;
import org.lockorder.model.YamlNode.Scalar;
import org.lockorder.model.YamlNode.ScalarType;

/** The keys of a primitive entry: which apply to which op, and the spelling of enum values. */
final class PrimitiveKeys {
  static final Set<String> ALL =
      Set.of("call", "op", "lock", "field", "class", "kind", "mode", "style", "subclass", "start",
          "irqs", "gfp", "handler", "context", "key", "nest", "lock_held", "iterator", "trylock", "name");

  private static final Map<Op, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry(Op.ACQUIRE, Set.of("call", "op", "lock", "field", "class", "kind", "mode", "style", "subclass", "irqs", "nest", "trylock")),
          Map.entry(Op.RELEASE, Set.of("call", "op", "lock", "field", "class", "kind", "irqs", "subclass")),
          Map.entry(Op.ASSERT_HELD, Set.of("call", "op", "lock", "field", "class", "kind", "mode")),
          Map.entry(Op.MAY_FAULT, Set.of("call", "op", "lock_held", "iterator")),
          Map.entry(Op.KERNEL_ITERATOR, Set.of("call", "op", "iterator")),
          Map.entry(Op.USER_ITERATOR, Set.of("call", "op", "iterator")),
          Map.entry(Op.FAULTS_DISABLE, Set.of("call", "op")),
          Map.entry(Op.FAULTS_ENABLE, Set.of("call", "op")),
          Map.entry(Op.SPAWN_THREAD, Set.of("call", "op", "start")),
          Map.entry(Op.ALLOC, Set.of("call", "op", "gfp")),
          Map.entry(Op.RECLAIM_DISABLE, Set.of("call", "op")),
          Map.entry(Op.RECLAIM_ENABLE, Set.of("call", "op")),
          Map.entry(Op.IRQS_DISABLE, Set.of("call", "op")),
          Map.entry(Op.IRQS_ENABLE, Set.of("call", "op")),
          Map.entry(Op.SOFTIRQS_DISABLE, Set.of("call", "op")),
          Map.entry(Op.SOFTIRQS_ENABLE, Set.of("call", "op")),
          Map.entry(Op.IRQ_HANDLER, Set.of("call", "op", "handler", "context")),
          Map.entry(Op.SET_CLASS, Set.of("call", "op", "lock", "field", "key", "name")),
          Map.entry(Op.SET_SUBCLASS, Set.of("call", "op", "lock", "field", "subclass")),
          Map.entry(Op.NO_RETURN, Set.of("call", "op")),
          Map.entry(Op.IN_INTERRUPT, Set.of("call", "op")),
          Map.entry(Op.IN_TASK, Set.of("call", "op")),
          Map.entry(Op.RETURNS_ZERO, Set.of("call", "op")));

  private PrimitiveKeys() {}

  static Set<String> allowed(Op op) {
    return ALLOWED.get(op);
  }

  /** ACQUIRE is written "acquire", MAY_FAULT "may-fault". */
  static String opName(Op op) {
    return spell(op);
  }

  static String modeName(Mode mode) {
    return spell(mode);
  }

  static String styleName(AcquireStyle style) {
    return spell(style);
  }

  static Op op(YamlNode node) throws LockModelException {
    return parse(node, Op.values(), "op");
  }

  static Mode mode(YamlNode node) throws LockModelException {
    return parse(node, Mode.values(), "mode");
  }

  static IrqLevel irqLevel(YamlNode node, String key) throws LockModelException {
    return parse(node, IrqLevel.values(), key);
  }

  static AcquireStyle style(YamlNode node) throws LockModelException {
    return parse(node, AcquireStyle.values(), "style");
  }

  private static String spell(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static <E extends Enum<E>> E parse(YamlNode node, E[] values, String key)
      throws LockModelException {
    String choices =
        Arrays.stream(values).map(PrimitiveKeys::spell).collect(Collectors.joining(" | "));
    if (node instanceof Scalar s && s.type() == ScalarType.STRING) {
      for (E v : values) {
        if (spell(v).equals(s.text())) {
          return v;
        }
      }
      throw s.position().error("bad " + key + " '" + s.text() + "' (expected " + choices + ")");
    }
    throw node.position().error("bad " + key + ": expected " + choices + ", found " + node.describe());
  }
}
