package org.lockorder.analysis;

import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Arg;

/**
 * What a function returned on some path, as far as a caller's {@code if (ret)} can tell: zero,
 * non-zero, or unknown. Lets {@code ret = iomap_write_begin(...); if (ret) break;} keep the folio
 * lock only on the path where the callee returned 0 after taking it. An error pointer ({@code
 * return ERR_PTR(err);}) is non-zero of its own kind, which a caller's {@code IS_ERR(handle)}
 * tells apart from a valid pointer: {@code jbd2__journal_start} returns its handle started, or an
 * error pointer without one. For a pointer, NONZERO is a valid one.
 */
enum ReturnKind {
  ZERO,
  NONZERO,
  UNKNOWN,
  ERROR;

  /** Classifies a returned expression: literals, NULL/false/true, negated error codes, constants. */
  static ReturnKind of(Arg value, Program program) {
    if (value == null) return UNKNOWN;
    if (value.constant() != null) return value.constant() == 0 ? ZERO : NONZERO;
    String text = value.text().trim();
    if (text.equals("NULL") || text.equals("false")) return ZERO;
    if (text.startsWith("ERR_PTR(") || text.startsWith("ERR_CAST(")) return ERROR;
    if (text.equals("true") || text.startsWith("-")) return NONZERO;
    AccessPath p = value.path();
    if (p != null && p.fields().isEmpty() && p.root() instanceof AccessPath.Var v) {
      Long c = program.constant(v.name());
      if (c != null) return c == 0 ? ZERO : NONZERO;
    }
    return UNKNOWN;
  }

  /**
   * {@link #of}, and one more rule: a path that returns a plain variable whose object it holds
   * locked ({@code folio_lock(folio); ... return folio;}) returns non-NULL, so the caller's
   * {@code if (!folio)} cannot see that lock held. {@code lockedInstances} are the lock
   * expressions as written ("folio", "&inode->i_lock") of the locks this path took itself and
   * still holds.
   */
  static ReturnKind of(Arg value, Program program, Iterable<String> lockedInstances) {
    ReturnKind kind = of(value, program);
    if (kind != UNKNOWN || value == null) return kind;
    AccessPath p = value.path();
    if (p == null || !p.fields().isEmpty() || !(p.root() instanceof AccessPath.Var v)) return kind;
    for (String instance : lockedInstances) if (v.name().equals(rootVariable(instance))) return NONZERO;
    return kind;
  }

  /** The variable a lock expression starts from: "folio" for "folio", "&folio->flags", "&(*pp)->lock". */
  static String rootVariable(String instance) {
    if (instance == null) return null;
    int i = 0;
    while (i < instance.length() && "&*( ".indexOf(instance.charAt(i)) >= 0) i++;
    int start = i;
    while (i < instance.length() && (Character.isLetterOrDigit(instance.charAt(i)) || instance.charAt(i) == '_')) i++;
    return i == start || Character.isDigit(instance.charAt(start)) ? null : instance.substring(start, i);
  }

  /**
   * A returned non-zero constant as written, without spaces: an integer literal, or a macro
   * constant, negated or not ({@code -EAGAIN}); null for anything else.
   */
  static String constantText(Arg value) {
    if (value == null) return null;
    if (value.constant() != null) return value.constant() == 0 ? null : Long.toString(value.constant());
    String text = value.text().replace(" ", "");
    return CONSTANT.matcher(text).matches() ? text : null;
  }

  /** The value of a {@link #constantText}, when its macro's is known; else null. */
  static Long constantValue(String text, Program program) {
    boolean negated = text.startsWith("-");
    String body = negated ? text.substring(1) : text;
    Long v;
    try {
      v = Long.decode(body);
    } catch (NumberFormatException e) {
      v = program.constant(body);
    }
    return v == null ? null : negated ? -v : v;
  }

  private static final java.util.regex.Pattern CONSTANT = java.util.regex.Pattern.compile("-?([0-9]+|[A-Z][A-Z0-9_]*)");

  /** Can a result of this kind take the branch edge that needs a (non-)zero result? */
  boolean allows(boolean nonzero) {
    return this == UNKNOWN || (this == NONZERO || this == ERROR) == nonzero;
  }

  /** Can a result of this kind take the branch edge that needs an error pointer (or not one)? */
  boolean allowsError(boolean error) {
    return this == UNKNOWN || (this == ERROR) == error;
  }

  /** The kind of the value of a test of a result of this kind ({@code return IS_ERR(p);}, or {@code return !p;}). */
  ReturnKind tested(boolean error, boolean trueWhenNonzero) {
    if (this == UNKNOWN) return UNKNOWN;
    boolean nonzero = error ? this == ERROR : this != ZERO;
    return nonzero == trueWhenNonzero ? NONZERO : ZERO;
  }
}
