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
 * The function-like macros the parser expands: those that wrap the lock API. A macro qualifies
 * when its replacement text calls a lock-model primitive or another qualifying macro
 * ({@code xa_lock_irq(xa)} is {@code spin_lock_irq(&(xa)->xa_lock)}); a primitive itself is never
 * expanded, because the lock model says what it does. Inside an expansion, the helper macros the
 * qualifying ones use are expanded too ({@code wait_event_lock_irq} goes through
 * {@code ___wait_event}). Every other macro stays a call, as without this table.
 *
 * <p>Definitions come from the headers in the input (for every file) and from the file itself
 * ({@link #withLocal}); when a name has several definitions, the first qualifying one in path and
 * line order is used. Bodies using {@code #} or {@code ##} are not expanded.
 *
 * <p>The same definitions also say which macros declare a variable ({@link DeclaringMacros}: {@code
 * XA_STATE(xas, ...)}); those are not expanded, the extractor only reads the type they give.
 */
public final class LockMacros {
  /** A selected macro with its replacement text lexed once. */
  record Macro(MacroDefinition definition, List<Token> body) {}

  private static final LockMacros NONE =
      new LockMacros(Map.of(), Map.of(), Set.of(), List.of(), Map.of(), DeclaringMacros.NONE);

  private final Map<String, Macro> qualifying;
  private final Map<String, Macro> helpers;
  private final Set<String> lockApi;
  /** Every definition the selection was made from (for a file's own additions). */
  private final List<MacroDefinition> definitions;
  /** The names each definition's body mentions, computed once. */
  private final Map<MacroDefinition, List<String>> mentions;
  private final DeclaringMacros declaring;
  private String fingerprint;

  private LockMacros(
      Map<String, Macro> qualifying,
      Map<String, Macro> helpers,
      Set<String> lockApi,
      List<MacroDefinition> definitions,
      Map<MacroDefinition, List<String>> mentions,
      DeclaringMacros declaring) {
    this.qualifying = qualifying;
    this.helpers = helpers;
    this.lockApi = lockApi;
    this.definitions = definitions;
    this.mentions = mentions;
    this.declaring = declaring;
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
    return select(definitions, lockApi, new java.util.IdentityHashMap<>(), DeclaringMacros.of(definitions));
  }

  private static LockMacros select(
      List<MacroDefinition> definitions, Set<String> lockApi, Map<MacroDefinition, List<String>> known,
      DeclaringMacros declaring) {
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
    Map<String, Macro> qualifying = new TreeMap<>();
    for (String name : names) {
      for (MacroDefinition d : byName.get(name)) {
        if (mentionsAny(mentions.get(d), reach, d)) {
          qualifying.put(name, new Macro(d, lex(d.body())));
          break;
        }
      }
    }
    Map<String, Macro> helpers = new TreeMap<>();
    List<MacroDefinition> todo = new ArrayList<>();
    for (Macro m : qualifying.values()) todo.add(m.definition());
    while (!todo.isEmpty()) {
      MacroDefinition d = todo.remove(todo.size() - 1);
      for (String id : mentions.get(d)) {
        if (qualifying.containsKey(id) || helpers.containsKey(id) || !byName.containsKey(id) || d.params().contains(id)) continue;
        MacroDefinition h = byName.get(id).get(0);
        helpers.put(id, new Macro(h, lex(h.body())));
        todo.add(h);
      }
    }
    return new LockMacros(qualifying, helpers, Set.copyOf(lockApi), List.copyOf(definitions), mentions, declaring);
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
    if (!touchesLocks(local)) {
      return declaringHere == declaring ? this
          : new LockMacros(qualifying, helpers, lockApi, definitions, mentions, declaringHere);
    }
    List<MacroDefinition> all = new ArrayList<>(local);
    all.addAll(definitions);
    return select(all, lockApi, mentions, declaringHere);
  }

  /**
   * Whether a file's own definitions can change the selection: one redefines a selected name, or
   * mentions the lock API or a selected macro. Most files' macros do neither.
   */
  private boolean touchesLocks(List<MacroDefinition> local) {
    for (MacroDefinition d : local) {
      if (qualifying.containsKey(d.name()) || helpers.containsKey(d.name())) return true;
      for (String id : d.identifiersInBody()) {
        if (lockApi.contains(id) || qualifying.containsKey(id)) return true;
      }
    }
    return false;
  }

  /** The macros the parser will expand, by name (for tests and diagnostics). */
  public Set<String> names() {
    return qualifying.keySet();
  }

  public boolean isEmpty() {
    return qualifying.isEmpty();
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
    return qualifying.get(name);
  }

  Macro inside(String name) {
    Macro m = qualifying.get(name);
    return m != null ? m : helpers.get(name);
  }

  private static List<Token> lex(String body) {
    CLexer lexer = FileParser.lexer(body);
    List<Token> raw = new ArrayList<>();
    for (Token t : lexer.getAllTokens()) if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != CLexer.Directive) raw.add(t);
    return List.copyOf(TokenCleaner.clean(raw).tokens());
  }
}
