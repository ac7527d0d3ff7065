package org.lockorder.analysis;

import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Arg;

/**
 * What a function returned on some path, as far as a caller's {@code if (ret)} can tell: zero,
 * non-zero, or unknown. Lets {@code ret = iomap_write_begin(...); if (ret) break;} keep the folio
 * lock only on the path where the callee returned 0 after taking it.
 */
enum ReturnKind {
  ZERO,
  NONZERO,
  UNKNOWN;

  /** Classifies a returned expression: literals, NULL/false/true, negated error codes, constants. */
  static ReturnKind of(Arg value, Program program) {
    if (value == null) return UNKNOWN;
    if (value.constant() != null) return value.constant() == 0 ? ZERO : NONZERO;
    String text = value.text().trim();
    if (text.equals("NULL") || text.equals("false")) return ZERO;
    if (text.equals("true") || text.startsWith("-") || text.startsWith("ERR_PTR(")) return NONZERO;
    AccessPath p = value.path();
    if (p != null && p.fields().isEmpty() && p.root() instanceof AccessPath.Var v) {
      Long c = program.constant(v.name());
      if (c != null) return c == 0 ? ZERO : NONZERO;
    }
    return UNKNOWN;
  }

  /** Can a result of this kind take the branch edge that needs a (non-)zero result? */
  boolean allows(boolean nonzero) {
    return this == UNKNOWN || (this == NONZERO) == nonzero;
  }
}
