package org.lockorder.frontend.c;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.antlr.v4.runtime.Token;
import org.lockorder.frontend.c.antlr.CLexer;

/**
 * The function-like macros the parser expands: those that wrap the lock API, and those that only
 * call a function. A macro wraps the lock API when its replacement text calls a lock-model
 * primitive or another such macro ({@code xa_lock_irq(xa)} is {@code spin_lock_irq(&(xa)->xa_lock)});
 * a primitive itself is never expanded, because the lock model says what it does. A macro wraps a
 * call when its whole replacement is one call of a function, or of another such macro ({@code
 * ext4_journal_stop(h)} is {@code __ext4_journal_stop(__func__, __LINE__, (h))}): read as a call of
 * the macro's own name, which has no body, the function's locks would be lost. A macro without
 * parameters whose replacement is {@code true}, {@code false}, 0 or 1 is expanded too ({@link
 * #CONSTANT_BODY}). Inside an
 * expansion, the helper macros the qualifying ones use are expanded too ({@code
 * wait_event_lock_irq} goes through {@code ___wait_event}). Every other macro stays a call, as
 * without this table.
 *
 * <p>Definitions come from the headers in the input (for every file) and from the file itself
 * ({@link #withLocal}); when a name has several definitions, the first qualifying one in path and
 * line order is used. Bodies using {@code #} or {@code ##} are not expanded.
 *
 * <p>The same definitions also say which macros declare a variable ({@link DeclaringMacros}: {@code
 * XA_STATE(xas, ...)}); those are not expanded, the extractor only reads the type they give.
 */
public final class LockMacros {
  /**
   * The body of a constant written as a call, {@code #define USE_LOCKLESS_FAST_PATH() (true)}
   * (mm/slub.c, the first of its two {@code #ifdef CONFIG_PREEMPT_RT} definitions): expanded, an
   * {@code if} on it is a literal condition with one side (c-dialect.md), where a call of an
   * unknown function would leave the PREEMPT_RT-only side open too.
   */
  private static final java.util.regex.Pattern CONSTANT_BODY =
      java.util.regex.Pattern.compile("\\(?\\s*(true|false|0|1)\\s*\\)?");

  /** A selected macro with its replacement text lexed once. */
  record Macro(MacroDefinition definition, List<Token> body) {}

  private static final LockMacros NONE =
      new LockMacros(Map.of(), Map.of(), Set.of(), List.of(), Map.of(), DeclaringMacros.NONE, Set.of(), Map.of(), Set.of(), Map.of());

  private final Map<String, Macro> qualifying;
  private final Map<String, Macro> helpers;
  private final Set<String> lockApi;
  /** Every definition the selection was made from (for a file's own additions). */
  private final List<MacroDefinition> definitions;
  /** The names each definition's body mentions, computed once. */
  private final Map<MacroDefinition, List<String>> mentions;
  private final DeclaringMacros declaring;
  /** The headers' object-like macro names: a call of one of them is no function call. */
  private final Set<String> objectLike;
  /** The selected call wrappers, each with the name its replacement calls. */
  private final Map<String, String> callWrappers;
  /** Every function-like macro name the selection saw, selected or not. */
  private final Set<String> defined;
  /**
   * A file's own call wrappers ({@link #withLocal}), looked up before {@link #qualifying}, and the
   * headers' call wrappers it defines otherwise (null): copying the headers' thousands of entries
   * for each such file cost more than the lookup.
   */
  private Map<String, Macro> localWrappers = Map.of();
  /** The functions {@link #callWrappers} call, made on first need. */
  private Set<String> wrappedFunctions;
  /**
   * The selected macros lexed so far, shared with the tables made from this one for each file
   * ({@link #withLocal}): a file that defines a call wrapper selects again, and lexing the headers'
   * thousands of wrappers once per such file cost Linux 6.1's parse a quarter more.
   */
  private final Map<MacroDefinition, Macro> lexed;
  private String fingerprint;

  private LockMacros(
      Map<String, Macro> qualifying,
      Map<String, Macro> helpers,
      Set<String> lockApi,
      List<MacroDefinition> definitions,
      Map<MacroDefinition, List<String>> mentions,
      DeclaringMacros declaring,
      Set<String> objectLike,
      Map<String, String> callWrappers,
      Set<String> defined,
      Map<MacroDefinition, Macro> lexed) {
    this.qualifying = qualifying;
    this.helpers = helpers;
    this.lockApi = lockApi;
    this.definitions = definitions;
    this.mentions = mentions;
    this.declaring = declaring;
    this.objectLike = objectLike;
    this.callWrappers = callWrappers;
    this.defined = defined;
    this.lexed = lexed;
  }

  /** No macro is expanded. */
  public static LockMacros none() {
    return NONE;
  }

  /**
   * @param definitions in path and line order
   * @param lockApi the names the lock model gives a meaning (never expanded)
   */
  public static LockMacros select(List<MacroDefinition> definitions, Set<String> lockApi) {
    return select(definitions, lockApi, Set.of());
  }

  /**
   * @param objectLike the names of the object-like macros defined beside {@code definitions}: a
   *     macro whose replacement calls one of them does not wrap a function call
   */
  public static LockMacros select(List<MacroDefinition> definitions, Set<String> lockApi, Set<String> objectLike) {
    return select(definitions, lockApi, new java.util.IdentityHashMap<>(), DeclaringMacros.of(definitions), Set.copyOf(objectLike),
        new java.util.concurrent.ConcurrentHashMap<>());
  }

  private static LockMacros select(
      List<MacroDefinition> definitions, Set<String> lockApi, Map<MacroDefinition, List<String>> known,
      DeclaringMacros declaring, Set<String> objectLike, Map<MacroDefinition, Macro> lexed) {
    Map<String, List<MacroDefinition>> byName = new LinkedHashMap<>();
    for (MacroDefinition d : definitions) {
      if (lockApi.contains(d.name()) || d.body().contains("#")) continue;
      byName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
    }
    Map<MacroDefinition, List<String>> mentions = new java.util.IdentityHashMap<>();
    for (List<MacroDefinition> ds : byName.values()) {
      for (MacroDefinition d : ds) {
        List<String> ids = known.get(d);
        mentions.put(d, ids != null ? ids : d.identifiersInBody());
      }
    }
    // Qualifying names grow until no definition mentions a new one: a fixpoint over the table.
    Set<String> reach = new HashSet<>(lockApi);
    Set<String> names = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, List<MacroDefinition>> e : byName.entrySet()) {
        if (names.contains(e.getKey())) continue;
        for (MacroDefinition d : e.getValue()) {
          if (mentionsAny(mentions.get(d), reach, d)) {
            names.add(e.getKey());
            reach.add(e.getKey());
            changed = true;
            break;
          }
        }
      }
    }
    Map<String, MacroDefinition> wrappers = callWrappers(byName, names, objectLike);
    Map<String, Macro> qualifying = new TreeMap<>();
    for (String name : names) {
      for (MacroDefinition d : byName.get(name)) {
        if (mentionsAny(mentions.get(d), reach, d)) {
          qualifying.put(name, lexed.computeIfAbsent(d, LockMacros::lex));
          break;
        }
      }
    }
    Map<String, String> callWrappers = new TreeMap<>();
    for (MacroDefinition d : wrappers.values()) {
      qualifying.put(d.name(), lexed.computeIfAbsent(d, LockMacros::lex));
      callWrappers.put(d.name(), CallWrapper.callee(d));
    }
    for (Map.Entry<String, List<MacroDefinition>> e : byName.entrySet()) {
      MacroDefinition first = e.getValue().get(0);
      if (!qualifying.containsKey(e.getKey()) && isConstant(first)) {
        qualifying.put(e.getKey(), lexed.computeIfAbsent(first, LockMacros::lex));
      }
    }
    Map<String, Macro> helpers = new TreeMap<>();
    List<MacroDefinition> todo = new ArrayList<>();
    for (Macro m : qualifying.values()) todo.add(m.definition());
    while (!todo.isEmpty()) {
      MacroDefinition d = todo.remove(todo.size() - 1);
      for (String id : mentions.get(d)) {
        if (qualifying.containsKey(id) || helpers.containsKey(id) || !byName.containsKey(id) || d.params().contains(id)) continue;
        // 'unlikely(x)' and 'WARN_ON(x)' stay as written: the CFG reads their argument as the
        // condition. Expanded, the first definition of 'unlikely' in compiler.h is the
        // branch-profiling one, a statement expression that hides a trylock's result from the 'if'.
        if (ExpressionFlow.CONDITION_WRAPPERS.contains(id)) continue;
        // 'this_cpu_ptr(lock)' too: the access path reads the lock through it; expanded, it is
        // a statement expression that names no lock ('local_lock_irqsave').
        if (AccessPaths.PER_CPU_ACCESSORS.contains(id)) continue;
        MacroDefinition h = byName.get(id).get(0);
        helpers.put(id, lexed.computeIfAbsent(h, LockMacros::lex));
        todo.add(h);
      }
    }
    return new LockMacros(qualifying, helpers, Set.copyOf(lockApi), List.copyOf(definitions), mentions, declaring,
        objectLike, Map.copyOf(callWrappers), Set.copyOf(byName.keySet()), lexed);
  }

  /**
   * The call wrappers among the macros that do not wrap the lock API ({@code lockWrappers}): by
   * name, the first definition whose whole replacement calls a function, or another call wrapper.
   * A callee that is a macro of another kind, or a builtin, makes no wrapper: its expansion would
   * give the parser the macro's own text, which is what the raw-source design avoids.
   */
  private static Map<String, MacroDefinition> callWrappers(
      Map<String, List<MacroDefinition>> byName, Set<String> lockWrappers, Set<String> objectLike) {
    Map<String, MacroDefinition> candidates = new LinkedHashMap<>();
    for (Map.Entry<String, List<MacroDefinition>> e : byName.entrySet()) {
      if (lockWrappers.contains(e.getKey())) continue;
      MacroDefinition first = e.getValue().get(0);
      if (CallWrapper.callee(first) != null) candidates.put(e.getKey(), first);
    }
    Map<String, MacroDefinition> out = new TreeMap<>();
    for (MacroDefinition d : candidates.values()) {
      if (wrapsAFunction(d, candidates::get, callee -> !byName.containsKey(callee) && !objectLike.contains(callee))) {
        out.put(d.name(), d);
      }
    }
    return out;
  }

  /**
   * Whether {@code d} calls, through the call wrappers {@code next} gives (null: none of that
   * name), a name {@code function} accepts as a function; a loop or any other macro ends it.
   */
  private static boolean wrapsAFunction(
      MacroDefinition d, java.util.function.Function<String, MacroDefinition> next, java.util.function.Predicate<String> function) {
    MacroDefinition at = d;
    Set<String> seen = new HashSet<>();
    while (at != null && seen.add(at.name())) {
      String callee = CallWrapper.callee(at);
      if (callee == null) return false;
      MacroDefinition wrapper = next.apply(callee);
      if (wrapper == null) return function.test(callee);
      at = wrapper;
    }
    return false;
  }

  private static boolean isConstant(MacroDefinition d) {
    return d.params().isEmpty() && !d.variadic() && CONSTANT_BODY.matcher(d.body()).matches();
  }

  /** A parameter named like a primitive does not make a macro call it. */
  private static boolean mentionsAny(List<String> ids, Set<String> names, MacroDefinition d) {
    for (String id : ids) if (names.contains(id) && !d.params().contains(id)) return true;
    return false;
  }

  /** This table with a file's own definitions added in front (they win over the headers'). */
  public LockMacros withLocal(List<MacroDefinition> local) {
    if (local.isEmpty() || this == NONE) return this;
    DeclaringMacros declaringHere = declaring.withLocal(local);
    if (touchesSelection(local)) {
      List<MacroDefinition> all = new ArrayList<>(local);
      all.addAll(definitions);
      return select(all, lockApi, mentions, declaringHere, objectLike, lexed);
    }
    Map<String, MacroDefinition> added = localCallWrappers(local);
    Set<String> named = new HashSet<>();
    for (MacroDefinition d : local) if (named.add(d.name()) && isConstant(d)) added.putIfAbsent(d.name(), d);
    // A header's call wrapper that the file defines otherwise is not expanded in it (null).
    Map<String, Macro> own = new TreeMap<>();
    for (MacroDefinition d : local) {
      if (callWrappers.containsKey(d.name()) && !added.containsKey(d.name())) own.putIfAbsent(d.name(), null);
    }
    if (added.isEmpty() && own.isEmpty()) {
      return declaringHere == declaring ? this
          : new LockMacros(qualifying, helpers, lockApi, definitions, mentions, declaringHere, objectLike, callWrappers, defined, lexed);
    }
    for (MacroDefinition d : added.values()) own.put(d.name(), lexed.computeIfAbsent(d, LockMacros::lex));
    LockMacros out = new LockMacros(qualifying, helpers, lockApi, definitions, mentions, declaringHere, objectLike, callWrappers,
        defined, lexed);
    out.localWrappers = own;
    return out;
  }

  /**
   * Whether a file's own definitions can change what the headers selected: one redefines a lock
   * wrapper or its helper, or a function a selected call wrapper calls, or mentions the lock API
   * or a lock wrapper. Most files' macros do none of these; a file's own call wrappers, and its
   * own definitions of the headers' call wrappers, change the table without selecting again
   * ({@link #withLocal}): a full selection per such file cost Linux 6.1's parse about a second.
   */
  private boolean touchesSelection(List<MacroDefinition> local) {
    for (MacroDefinition d : local) {
      if ((qualifying.containsKey(d.name()) && !callWrappers.containsKey(d.name())) || helpers.containsKey(d.name())
          || wrappedFunctions().contains(d.name())) {
        return true;
      }
      for (String id : d.identifiersInBody()) {
        if (lockApi.contains(id) || (qualifying.containsKey(id) && !callWrappers.containsKey(id))) return true;
      }
    }
    return false;
  }

  private Set<String> wrappedFunctions() {
    Set<String> w = wrappedFunctions;
    if (w == null) wrappedFunctions = w = Set.copyOf(callWrappers.values());
    return w;
  }

  /**
   * A file's own call wrappers: by name, its first definition of each that calls a function, a
   * header's call wrapper, or another of the file's call wrappers.
   */
  private Map<String, MacroDefinition> localCallWrappers(List<MacroDefinition> local) {
    Map<String, MacroDefinition> first = new LinkedHashMap<>();
    for (MacroDefinition d : local) first.putIfAbsent(d.name(), d);
    Map<String, MacroDefinition> out = new TreeMap<>();
    for (MacroDefinition d : first.values()) {
      if (d.body().contains("#")) continue;
      if (wrapsAFunction(d, first::get,
          callee -> callWrappers.containsKey(callee) || (!defined.contains(callee) && !objectLike.contains(callee)))) {
        out.put(d.name(), d);
      }
    }
    return out;
  }

  /** The macros the parser will expand, by name (for tests and diagnostics). */
  public Set<String> names() {
    if (localWrappers.isEmpty()) return qualifying.keySet();
    Set<String> all = new java.util.TreeSet<>(qualifying.keySet());
    localWrappers.forEach((name, m) -> {
      if (m == null) all.remove(name);
      else all.add(name);
    });
    return all;
  }

  public boolean isEmpty() {
    return qualifying.isEmpty() && localWrappers.isEmpty();
  }

  /** The macros that declare a variable, for the extractor. */
  DeclaringMacros declaring() {
    return declaring;
  }

  /** Digest of every selected definition: part of the parse cache's key. */
  public String fingerprint() {
    if (fingerprint != null) return fingerprint;
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      digest(md, "q", qualifying.values());
      digest(md, "l", localWrappers.values().stream().filter(java.util.Objects::nonNull).toList());
      md.update(("t\0" + localWrappers.keySet()).getBytes(StandardCharsets.UTF_8));
      digest(md, "h", helpers.values());
      md.update(("d\0" + declaring.fingerprintText()).getBytes(StandardCharsets.UTF_8));
      fingerprint = HexFormat.of().formatHex(md.digest()).substring(0, 16);
      return fingerprint;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  private static void digest(MessageDigest md, String tag, Collection<Macro> macros) {
    for (Macro m : macros) {
      MacroDefinition d = m.definition();
      String s = tag + '\0' + d.name() + '\0' + d.params() + '\0' + d.variadic() + '\0' + d.body() + '\n';
      md.update(s.getBytes(StandardCharsets.UTF_8));
    }
  }

  Macro topLevel(String name) {
    if (!localWrappers.isEmpty() && localWrappers.containsKey(name)) return localWrappers.get(name);
    return qualifying.get(name);
  }

  Macro inside(String name) {
    Macro m = topLevel(name);
    return m != null ? m : helpers.get(name);
  }

  private static Macro lex(MacroDefinition d) {
    return new Macro(d, lex(d.body()));
  }

  private static List<Token> lex(String body) {
    CLexer lexer = FileParser.lexer(body);
    List<Token> raw = new ArrayList<>();
    for (Token t : lexer.getAllTokens()) if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != CLexer.Directive) raw.add(t);
    return List.copyOf(TokenCleaner.clean(raw).tokens());
  }
}
