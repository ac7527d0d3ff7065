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
 * conditions callees test (ADR-007). Function-like macros whose bodies are integer expressions of
 * their parameters ({@code #define XFS_IOLOCK_DEP(flags) (((flags) & XFS_IOLOCK_DEP_MASK) >>
 * XFS_IOLOCK_SHIFT)}) are expanded where an expression calls them (ADR-015 later).
 */
public final class MacroConstants {
  /** Bodies that can only be integer expressions: names, numbers, parentheses and integer operators. */
  private static final Pattern INTEGER_LIKE = Pattern.compile("[A-Za-z0-9_ \\t()|&^~<>+\\-]{1,200}");

  public static final MacroConstants NONE = new MacroConstants(Map.of());

  private final Map<String, String> bodies;
  /** Function-like macros with integer bodies, by name: their parameters, then their body. */
  private final Map<String, List<String>> functions;
  private final Map<String, Long> values = new ConcurrentHashMap<>();
  private static final Long UNKNOWN = Long.MIN_VALUE;
  /** How many macro calls deep an expansion goes (a macro that calls itself has no value). */
  private static final int MAX_EXPANSION = 8;

  /** Every macro body, sorted by name: equal headers give equal text (the summary memo's keys). */
  String describe() {
    return new java.util.TreeMap<>(bodies) + (functions.isEmpty() ? "" : " " + new java.util.TreeMap<>(functions));
  }

  private MacroConstants(Map<String, String> bodies) {
    this(bodies, Map.of());
  }

  private MacroConstants(Map<String, String> bodies, Map<String, List<String>> functions) {
    this.bodies = bodies;
    this.functions = functions;
  }

  /** Collects definitions; not thread-safe. */
  public static final class Builder {
    private final Map<String, String> bodies = new HashMap<>();
    private final Map<String, List<String>> functions = new HashMap<>();

    /** One {@code #define name body}; a name seen again with another body gets no value. */
    public void define(String name, String body) {
      if (!INTEGER_LIKE.matcher(body).matches()) body = null;
      if (bodies.containsKey(name) && !java.util.Objects.equals(bodies.get(name), body)) body = null;
      bodies.put(name, body);
    }

    /**
     * One {@code #define name(params) body}; only a body that can be an integer expression keeps
     * it, and a name seen again with another definition gets none.
     */
    public void defineFunction(String name, List<String> params, String body) {
      List<String> def = null;
      if (INTEGER_LIKE.matcher(body).matches() && !params.contains("__VA_ARGS__")) {
        def = new java.util.ArrayList<>(params);
        def.add(body);
        def = List.copyOf(def);
      }
      if (functions.containsKey(name) && !java.util.Objects.equals(functions.get(name), def)) def = null;
      functions.put(name, def);
    }

    public MacroConstants build() {
      Map<String, String> kept = new HashMap<>();
      bodies.forEach((k, v) -> {
        if (v != null) kept.put(k, v);
      });
      Map<String, List<String>> keptFunctions = new HashMap<>();
      functions.forEach((k, v) -> {
        if (v != null && !kept.containsKey(k)) keptFunctions.put(k, v);
      });
      return new MacroConstants(kept, keptFunctions);
    }
  }

  /**
   * {@code tokens} with each call of a function-like macro replaced by its body, parameters
   * replaced by the arguments (each in parentheses) and the whole in parentheses; null when a call
   * is cut short or nests deeper than {@link #MAX_EXPANSION}.
   */
  List<String> expand(List<String> tokens) {
    return functions.isEmpty() ? tokens : expand(tokens, 0);
  }

  private List<String> expand(List<String> tokens, int depth) {
    List<String> out = null;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      List<String> def = functions.get(t);
      if (def == null || i + 1 >= tokens.size() || !tokens.get(i + 1).equals("(")) {
        if (out != null) out.add(t);
        continue;
      }
      if (depth >= MAX_EXPANSION) return null;
      List<List<String>> args = new java.util.ArrayList<>();
      List<String> arg = new java.util.ArrayList<>();
      int nesting = 0;
      int j = i + 2;
      for (; j < tokens.size(); j++) {
        String a = tokens.get(j);
        if (a.equals("(")) nesting++;
        if (a.equals(")") && nesting-- == 0) break;
        if (a.equals(",") && nesting == 0) {
          args.add(arg);
          arg = new java.util.ArrayList<>();
        } else {
          arg.add(a);
        }
      }
      if (j >= tokens.size()) return null;
      if (!arg.isEmpty() || !args.isEmpty()) args.add(arg);
      List<String> params = def.subList(0, def.size() - 1);
      if (args.size() != params.size()) return null;
      if (out == null) out = new java.util.ArrayList<>(tokens.subList(0, i));
      List<String> body = new java.util.ArrayList<>();
      body.add("(");
      for (String b : ConditionValue.tokens(def.get(def.size() - 1))) {
        int p = params.indexOf(b);
        if (p < 0) {
          body.add(b);
        } else {
          body.add("(");
          body.addAll(args.get(p));
          body.add(")");
        }
      }
      body.add(")");
      List<String> expanded = expand(body, depth + 1);
      if (expanded == null) return null;
      out.addAll(expanded);
      i = j;
    }
    return out == null ? tokens : out;
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
    List<String> tokens = expand(ConditionValue.tokens(body));
    Long computed = tokens == null ? null : ConditionValue.value(tokens, n -> value(n, depth + 1));
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
    Map<String, Long> byText = valuesByEnums.get(new ByReference<>(enums));
    if (byText == null) {
      byText = new ConcurrentHashMap<>();
      if (valuesByEnums.size() < MAX_TEXTS) {
        Map<String, Long> first = valuesByEnums.putIfAbsent(new ByReference<>(enums), byText);
        if (first != null) byText = first;
      }
    }
    Long known = byText.get(text);
    if (known != null) return known == UNKNOWN ? null : known;
    List<String> tokens = expanded(text);
    Long v = tokens == null ? null : ConditionValue.value(tokens, name -> value(name, enums));
    if (byText.size() < MAX_TEXTS) byText.putIfAbsent(text, v == null ? UNKNOWN : v);
    return v;
  }

  /**
   * {@link #valueOf(String, Map)} by the enum constants' map (by reference: a file's, or a
   * function's own constants over them) and the text. Most arguments the analysis evaluates are
   * variables, which have no value, and are asked for in every path state that reaches the call.
   */
  private final Map<ByReference<Map<String, Long>>, Map<String, Long>> valuesByEnums = new ConcurrentHashMap<>();

  /** The value of an expression of literals and these macros ({@code XFS_ILOCK_EXCL | XFS_IOLOCK_EXCL}), or null. */
  Long valueOf(String text) {
    List<String> tokens = expanded(text);
    return tokens == null ? null : ConditionValue.value(tokens, this::value);
  }

  /**
   * {@link #expand}ed tokens of an expression, by its text: the analysis asks for the value of
   * the same argument in every path state that reaches its call, and splitting it into tokens was
   * most of that.
   */
  private List<String> expanded(String text) {
    List<String> known = expandedTexts.get(text);
    if (known == null) {
      known = expand(ConditionValue.tokens(text));
      known = known == null ? UNEXPANDABLE : List.copyOf(known);
      if (expandedTexts.size() < MAX_TEXTS) expandedTexts.putIfAbsent(text, known);
    }
    return known == UNEXPANDABLE ? null : known;
  }

  private final Map<String, List<String>> expandedTexts = new ConcurrentHashMap<>();
  private static final List<String> UNEXPANDABLE = List.of("<unexpandable>");
  /** Texts are arguments and conditions of the program, a bounded set; the bound is a guard. */
  private static final int MAX_TEXTS = 1_000_000;
}
