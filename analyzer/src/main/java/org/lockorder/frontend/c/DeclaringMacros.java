package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lockorder.ir.CType;

/**
 * Function-like macros that declare a variable named by their first argument, read from their
 * {@code #define}: {@code XA_STATE(name, array, index)} is {@code struct xa_state name = ...},
 * {@code DEFINE_WAIT(name)} is {@code DEFINE_WAIT_FUNC(name, ...)}, itself such a macro. A body
 * that uses one ({@code XA_STATE(xas, &mapping->i_pages, index);}) declares {@code xas} with that
 * type, which the parser cannot see: without it, {@code xas_lock_irq(&xas)} has no owning struct
 * and names a lock class of its own ("?.xa_lock"), apart from the {@code xarray.xa_lock} that a
 * callee given {@code &xas} takes and drops.
 *
 * <p>A definition qualifies when its replacement text starts with a type (a {@code struct} or
 * {@code union} tag, or one name) and the first parameter, followed by {@code =}, {@code ;},
 * {@code [} or nothing; or with a call of a qualifying macro whose first argument is the first
 * parameter. When a name has several definitions, the first in path and line order counts.
 */
final class DeclaringMacros {
  static final DeclaringMacros NONE = new DeclaringMacros(Map.of());

  /** Words that can start a replacement text without being its type. */
  private static final Set<String> NOT_TYPES = Set.of(
      "return", "goto", "case", "default", "else", "do", "if", "while", "for", "switch", "break",
      "continue", "sizeof", "typeof", "__typeof__", "static", "extern", "const", "volatile", "struct",
      "union", "enum", "typedef", "register", "inline");

  private static final Pattern DECLARATION = Pattern.compile(
      "\\s*(?:static\\s+)?(?:(struct|union)\\s+([A-Za-z_]\\w*)|([A-Za-z_]\\w*))\\s+([A-Za-z_]\\w*)\\s*(=|;|\\[|$)[\\s\\S]*");
  private static final Pattern CALL = Pattern.compile("\\s*([A-Za-z_]\\w*)\\s*\\(\\s*([A-Za-z_]\\w*)\\s*[,)][\\s\\S]*");

  private final Map<String, CType> types;

  private DeclaringMacros(Map<String, CType> types) {
    this.types = types;
  }

  /** @param definitions in path and line order */
  static DeclaringMacros of(List<MacroDefinition> definitions) {
    return of(definitions, Map.of());
  }

  /**
   * This table with a file's own definitions in front: a name the file defines is the file's,
   * declaring or not.
   */
  DeclaringMacros withLocal(List<MacroDefinition> local) {
    Set<String> names = new java.util.HashSet<>();
    for (MacroDefinition d : local) names.add(d.name());
    Map<String, CType> inherited = new HashMap<>(types);
    inherited.keySet().removeAll(names);
    DeclaringMacros out = of(local, inherited);
    return out.types.equals(types) ? this : out;
  }

  private static DeclaringMacros of(List<MacroDefinition> definitions, Map<String, CType> inherited) {
    Map<String, MacroDefinition> first = new HashMap<>();
    for (MacroDefinition d : definitions) {
      first.putIfAbsent(d.name(), d);
    }
    Map<String, CType> types = new TreeMap<>(inherited);
    List<MacroDefinition> chained = new ArrayList<>();
    for (MacroDefinition d : first.values()) {
      if (d.params().isEmpty() || d.body().contains("#")) continue;
      CType t = declared(d);
      if (t != null) types.put(d.name(), t);
      else chained.add(d);
    }
    // A macro that passes its first parameter as the first argument of a declaring one declares
    // it too: grow until no definition adds a name.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (MacroDefinition d : chained) {
        if (types.containsKey(d.name())) continue;
        Matcher m = CALL.matcher(d.body());
        if (m.matches() && m.group(2).equals(d.params().get(0)) && types.containsKey(m.group(1))) {
          types.put(d.name(), types.get(m.group(1)));
          changed = true;
        }
      }
    }
    return types.isEmpty() ? NONE : new DeclaringMacros(Map.copyOf(types));
  }

  /** The type {@code d}'s replacement text gives its first parameter, or null. */
  private static CType declared(MacroDefinition d) {
    Matcher m = DECLARATION.matcher(d.body());
    if (!m.matches() || !m.group(4).equals(d.params().get(0))) return null;
    if (m.group(3) != null && NOT_TYPES.contains(m.group(3))) return null;
    String base = m.group(1) != null ? m.group(1) + " " + m.group(2) : m.group(3);
    return new CType(base, 0, "[".equals(m.group(5)));
  }

  /** The type a statement {@code name(var, ...);} gives {@code var}, or null. */
  CType typeOf(String macro) {
    return types.get(macro);
  }

  boolean isEmpty() {
    return types.isEmpty();
  }

  /** The qualifying macros with their types, in name order: part of the parse cache's key. */
  String fingerprintText() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, CType> e : new TreeMap<>(types).entrySet()) {
      sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    return sb.toString();
  }
}
