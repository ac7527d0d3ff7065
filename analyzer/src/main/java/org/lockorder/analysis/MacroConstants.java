package org.lockorder.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The integer values of the input headers' object-like macros ({@code #define FGP_LOCK
 * 0x00000002}, {@code #define XFS_ILOCK_EXCL (1u << 2)}, {@code #define XFS_LOCK_MASK (A | B)}),
 * evaluated on first need. A name defined with different bodies in different headers has no value:
 * which one a file sees depends on its includes. Used to read the constants calls pass and the
 * conditions callees test (ADR-007).
 */
public final class MacroConstants {
  /** Bodies that can only be integer expressions: names, numbers, parentheses and integer operators. */
  private static final Pattern INTEGER_LIKE = Pattern.compile("[A-Za-z0-9_ \\t()|&^~<>+\\-]{1,200}");

  public static final MacroConstants NONE = new MacroConstants(Map.of());

  private final Map<String, String> bodies;
  private final Map<String, Long> values = new ConcurrentHashMap<>();
  private static final Long UNKNOWN = Long.MIN_VALUE;

  /** Every macro body, sorted by name: equal headers give equal text (the summary memo's keys). */
  String describe() {
    return new java.util.TreeMap<>(bodies).toString();
  }

  private MacroConstants(Map<String, String> bodies) {
    this.bodies = bodies;
  }

  /** Collects definitions; not thread-safe. */
  public static final class Builder {
    private final Map<String, String> bodies = new HashMap<>();

    /** One {@code #define name body}; a name seen again with another body gets no value. */
    public void define(String name, String body) {
      if (!INTEGER_LIKE.matcher(body).matches()) body = null;
      if (bodies.containsKey(name) && !java.util.Objects.equals(bodies.get(name), body)) body = null;
      bodies.put(name, body);
    }

    public MacroConstants build() {
      Map<String, String> kept = new HashMap<>();
      bodies.forEach((k, v) -> {
        if (v != null) kept.put(k, v);
      });
      return new MacroConstants(kept);
    }
  }

  /** How many names may have a value (--timings). */
  public int size() {
    return bodies.size();
  }

  /** The value of macro {@code name}, or null when it has none this can tell. */
  Long value(String name) {
    return value(name, 0);
  }

  private Long value(String name, int depth) {
    Long v = values.get(name);
    if (v != null) return v == UNKNOWN ? null : v;
    String body = bodies.get(name);
    if (body == null || depth > 16) return null; // not a constant here, or a chain too long (a cycle)
    Long computed = ConditionValue.value(ConditionValue.tokens(body), n -> value(n, depth + 1));
    values.put(name, computed == null ? UNKNOWN : computed);
    return computed;
  }

  /**
   * The value of {@code name} as one of these macros, else as one of {@code enums} (the enum
   * constants of the file that reads it, which no other file's may override); null if neither.
   */
  Long value(String name, Map<String, Long> enums) {
    Long v = value(name);
    return v != null ? v : enums.get(name);
  }

  /** The value of an expression of literals, these macros and {@code enums}' constants, or null. */
  Long valueOf(String text, Map<String, Long> enums) {
    return ConditionValue.value(ConditionValue.tokens(text), name -> value(name, enums));
  }

  /** The value of an expression of literals and these macros ({@code XFS_ILOCK_EXCL | XFS_IOLOCK_EXCL}), or null. */
  Long valueOf(String text) {
    List<String> tokens = ConditionValue.tokens(text);
    return ConditionValue.value(tokens, this::value);
  }
}
