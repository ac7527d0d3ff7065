package org.lockorder.analysis;

import java.util.List;
import java.util.Map;

/**
 * Evaluates a branch condition ({@link org.lockorder.ir.Node.Condition#expression()}: tokens
 * separated by single spaces, built from stable variables, macro constants, integer literals and
 * C's pure operators) for known values of some of its variables. The value is null when it depends
 * on anything unknown, except where C makes it known anyway: {@code flags & FGP_LOCK} is 0 when
 * {@code flags} is 0 whatever {@code FGP_LOCK} is.
 */
final class ConditionValue {
  private final List<String> tokens;
  private final java.util.function.Function<String, Long> values;
  private int at;

  private ConditionValue(List<String> tokens, java.util.function.Function<String, Long> values) {
    this.tokens = tokens;
    this.values = values;
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
    Long v = value(List.of(expression.split(" ")), values);
    return v == null ? null : v != 0;
  }

  /**
   * The value of the expression in {@code tokens} (as {@link #tokens} splits C text), or null
   * when it depends on anything unknown or is not one this reads (a cast, {@code sizeof}).
   */
  static Long value(List<String> tokens, java.util.function.Function<String, Long> values) {
    ConditionValue v = new ConditionValue(tokens, values);
    try {
      Value r = v.or();
      if (v.at != v.tokens.size()) return null;
      return r.known ? r.value : null;
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

  /** A value that may be unknown. */
  private record Value(boolean known, long value) {
    static final Value UNKNOWN = new Value(false, 0);

    static Value of(long v) {
      return new Value(true, v);
    }

    boolean isZero() {
      return known && value == 0;
    }
  }

  private String peek() {
    return at < tokens.size() ? tokens.get(at) : "";
  }

  /**
   * C's binary operators this reads, loosest first: one level per row, each left-associative.
   * Both operands must be known, except that {@code &} with a zero operand is zero.
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

  private Value level(int i) {
    if (i == LEVELS.size()) return unary();
    Map<String, java.util.function.LongBinaryOperator> ops = LEVELS.get(i);
    Value v = level(i + 1);
    while (ops.containsKey(peek())) {
      String op = tokens.get(at++);
      Value r = level(i + 1);
      if (op.equals("&") && (v.isZero() || r.isZero())) {
        v = Value.of(0); // the case this class exists for: no flag of a zero mask is set
      } else if (!v.known || !r.known) {
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
        return v.known ? Value.of(v.value == 0 ? 1 : 0) : Value.UNKNOWN;
      }
      case "~" -> {
        at++;
        Value v = unary();
        return v.known ? Value.of(~v.value) : Value.UNKNOWN;
      }
      case "-" -> {
        at++;
        Value v = unary();
        return v.known ? Value.of(-v.value) : Value.UNKNOWN;
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
      Value v = or();
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
      return v == null ? Value.UNKNOWN : Value.of(v);
    }
    throw new IllegalStateException("unexpected token " + t);
  }
}
