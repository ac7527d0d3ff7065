package org.lockorder.analysis;

import java.util.List;
import java.util.Map;

/**
 * Evaluates a branch condition ({@link org.lockorder.ir.Node.Condition#expression()}: tokens
 * separated by single spaces, built from stable variables, macro constants, integer literals and
 * C's pure operators) for known values of some of its variables, and known bounds on the bits of
 * others. The value is null when it depends on anything unknown, except where C makes it known
 * anyway: {@code flags & FGP_LOCK} is 0 when {@code flags} is 0 whatever {@code FGP_LOCK} is, or
 * when {@code flags} can only hold bits that {@code FGP_LOCK} does not have.
 *
 * <p>Each value is read as bits some of which are known (a "tristate number", as the eBPF
 * verifier calls it): a variable that holds only flags of {@code BTRFS_ILOCK_TRY |
 * BTRFS_ILOCK_SHARED} has every other bit known to be 0.
 */
final class ConditionValue {
  private final List<String> tokens;
  private final java.util.function.Function<String, Long> values;
  private final java.util.function.Function<String, Long> masks;
  private int at;

  private ConditionValue(
      List<String> tokens, java.util.function.Function<String, Long> values, java.util.function.Function<String, Long> masks) {
    this.tokens = tokens;
    this.values = values;
    this.masks = masks;
  }

  /**
   * Whether {@code expression} is non-zero given {@code values} (by variable name); null when
   * that is not known, or the expression is not one this reads.
   */
  static Boolean nonzero(String expression, Map<String, Long> values) {
    return nonzero(expression, values::get);
  }

  /** The same, with the names' values looked up by {@code values} (null: unknown). */
  static Boolean nonzero(String expression, java.util.function.Function<String, Long> values) {
    return nonzero(expression, values, name -> null);
  }

  /**
   * The same, where a name without a value may have a bound on its bits: {@code masks} gives the
   * bits it may have set (null: any).
   */
  static Boolean nonzero(
      String expression, java.util.function.Function<String, Long> values, java.util.function.Function<String, Long> masks) {
    ConditionValue v = new ConditionValue(List.of(expression.split(" ")), values, masks);
    Value r = v.evaluate();
    if (r == null) return null;
    if (r.value != 0) return true; // a bit known to be set
    return r.known() ? false : null;
  }

  /**
   * The value of the expression in {@code tokens} (as {@link #tokens} splits C text), or null
   * when it depends on anything unknown or is not one this reads (a cast, {@code sizeof}).
   */
  static Long value(List<String> tokens, java.util.function.Function<String, Long> values) {
    Value r = new ConditionValue(tokens, values, name -> null).evaluate();
    return r != null && r.known() ? r.value : null;
  }

  /** The whole expression's value; null when it is not one this reads. */
  private Value evaluate() {
    try {
      Value r = conditional();
      return at == tokens.size() ? r : null;
    } catch (IllegalStateException e) {
      return null; // a shape this does not read (sizeof, a cast): unknown
    }
  }

  private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile(
      "\\s*([A-Za-z_][A-Za-z0-9_]*|[0-9][A-Za-z0-9_']*|<<|>>|==|!=|<=|>=|&&|\\|\\||[-+~!&|^()<>*/%?:,\\[\\].]|\\S)");

  /** C text ({@code XFS_ILOCK_EXCL|XFS_IOLOCK_EXCL}, {@code (1u << 3)}) split into tokens. */
  static List<String> tokens(String text) {
    List<String> out = new java.util.ArrayList<>();
    java.util.regex.Matcher m = TOKEN.matcher(text);
    int end = 0;
    while (m.find() && m.start() == end) {
      out.add(m.group(1));
      end = m.end();
    }
    if (!text.substring(end).isBlank()) out.add("\u0000"); // unread text: no value
    return out;
  }

  /**
   * A value with some bits unknown: {@code unknown} has a 1 for each bit that may be either, and
   * {@code value} the bits known to be 1 (none of them unknown).
   */
  private record Value(long value, long unknown) {
    static final Value UNKNOWN = new Value(0, -1L);

    static Value of(long v) {
      return new Value(v, 0);
    }

    /** A value with no bit outside {@code mask}. */
    static Value within(long mask) {
      return new Value(0, mask);
    }

    boolean known() {
      return unknown == 0;
    }

    /** The bits that may be 1. */
    long mayBeSet() {
      return value | unknown;
    }

    Value and(Value o) {
      long v = value & o.value;
      return new Value(v, mayBeSet() & o.mayBeSet() & ~v);
    }

    Value or(Value o) {
      long v = value | o.value;
      return new Value(v, (unknown | o.unknown) & ~v);
    }

    Value not() {
      return new Value(~value & ~unknown, unknown);
    }

    /** Whether a bit known in both differs: then the two are not equal, whatever the rest. */
    boolean differs(Value o) {
      return ((value ^ o.value) & ~(unknown | o.unknown)) != 0;
    }
  }

  private String peek() {
    return at < tokens.size() ? tokens.get(at) : "";
  }

  /**
   * C's binary operators this reads, loosest first: one level per row, each left-associative.
   * Both operands must be known, except for {@code &} and {@code |}, which work bit by bit, and
   * {@code ==} / {@code !=} between values with a known bit that differs.
   */
  private static final List<Map<String, java.util.function.LongBinaryOperator>> LEVELS = List.of(
      Map.of("|", (a, b) -> a | b),
      Map.of("^", (a, b) -> a ^ b),
      Map.of("&", (a, b) -> a & b),
      Map.of("==", (a, b) -> a == b ? 1 : 0, "!=", (a, b) -> a != b ? 1 : 0),
      Map.of("<", (a, b) -> a < b ? 1 : 0, ">", (a, b) -> a > b ? 1 : 0,
          "<=", (a, b) -> a <= b ? 1 : 0, ">=", (a, b) -> a >= b ? 1 : 0),
      Map.of("<<", (a, b) -> b >= 0 && b < Long.SIZE ? a << b : Long.MIN_VALUE,
          ">>", (a, b) -> b >= 0 && b < Long.SIZE ? a >> b : Long.MIN_VALUE),
      Map.of("+", (a, b) -> a + b, "-", (a, b) -> a - b));

  private Value or() {
    return level(0);
  }

  /**
   * {@code c ? a : b}, the loosest operator read ({@code rename == 1 ? OI_LS_RENAME1 :
   * OI_LS_PARENT}, ocfs2's subclass): the side a known condition selects; else both sides' value
   * where they agree.
   */
  private Value conditional() {
    Value c = or();
    if (!peek().equals("?")) return c;
    at++;
    Value yes = conditional();
    if (!peek().equals(":")) throw new IllegalStateException("'?' without ':'");
    at++;
    Value no = conditional();
    if (c.known()) return c.value != 0 ? yes : no;
    return yes.known() && no.known() && yes.value == no.value ? yes : Value.UNKNOWN;
  }

  private Value level(int i) {
    if (i == LEVELS.size()) return unary();
    Map<String, java.util.function.LongBinaryOperator> ops = LEVELS.get(i);
    Value v = level(i + 1);
    while (ops.containsKey(peek())) {
      String op = tokens.get(at++);
      Value r = level(i + 1);
      if (op.equals("&")) {
        v = v.and(r); // no flag of a zero mask is set, nor a flag outside a variable's known bits
      } else if (op.equals("|")) {
        v = v.or(r);
      } else if ((op.equals("==") || op.equals("!=")) && !(v.known() && r.known()) && v.differs(r)) {
        v = Value.of(op.equals("==") ? 0 : 1);
      } else if (!v.known() || !r.known()) {
        v = Value.UNKNOWN;
      } else {
        long x = ops.get(op).applyAsLong(v.value, r.value);
        // A shift by more than a long holds: unknown rather than wrong.
        v = (op.equals("<<") || op.equals(">>")) && (r.value < 0 || r.value >= Long.SIZE) ? Value.UNKNOWN : Value.of(x);
      }
    }
    return v;
  }

  private Value unary() {
    String t = peek();
    switch (t) {
      case "!" -> {
        at++;
        Value v = unary();
        if (v.value != 0) return Value.of(0); // a bit known to be set
        return v.known() ? Value.of(1) : Value.UNKNOWN;
      }
      case "~" -> {
        at++;
        return unary().not();
      }
      case "-" -> {
        at++;
        Value v = unary();
        return v.known() ? Value.of(-v.value) : Value.UNKNOWN;
      }
      case "+" -> {
        at++;
        return unary();
      }
      default -> {
        return primary();
      }
    }
  }

  private Value primary() {
    String t = peek();
    if (t.isEmpty()) throw new IllegalStateException("expression ends early");
    at++;
    if (t.equals("(")) {
      Value v = conditional();
      if (!peek().equals(")")) throw new IllegalStateException("unbalanced parenthesis");
      at++;
      return v;
    }
    char c = t.charAt(0);
    if (Character.isDigit(c)) {
      Long v = org.lockorder.frontend.c.Constants.parse(t);
      return v == null ? Value.UNKNOWN : Value.of(v);
    }
    if (Character.isLetter(c) || c == '_') {
      if (t.startsWith("sizeof")) throw new IllegalStateException("sizeof");
      Long v = values.apply(t);
      if (v != null) return Value.of(v);
      Long mask = masks.apply(t);
      return mask == null ? Value.UNKNOWN : Value.within(mask);
    }
    throw new IllegalStateException("unexpected token " + t);
  }
}
