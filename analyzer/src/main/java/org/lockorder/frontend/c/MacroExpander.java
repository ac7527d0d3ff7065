package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.lockorder.frontend.c.antlr.CLexer;

/**
 * Replaces invocations of the lock-wrapping macros in a token list by their replacement text, the
 * way the C preprocessor would: arguments are expanded first and substituted for the parameters,
 * and the result is scanned again, with a macro never expanded inside its own expansion. (The
 * rescan does not reach past the invocation, which lock wrappers never need.)
 */
final class MacroExpander {
  /** Guards against pathological tables; real lock wrappers nest a few levels. */
  private static final int MAX_DEPTH = 24;

  private final LockMacros macros;

  MacroExpander(LockMacros macros) {
    this.macros = macros;
  }

  /** The tokens with every invocation expanded; the same list when there was none. */
  List<Token> expand(List<Token> tokens) {
    if (macros.isEmpty()) return tokens;
    List<Token> out = expand(tokens, new HashSet<>(), 0);
    return out == null ? tokens : out;
  }

  /** Null when nothing was expanded. */
  private List<Token> expand(List<Token> in, Set<String> active, int depth) {
    List<Token> out = null;
    int i = 0;
    while (i < in.size()) {
      Token t = in.get(i);
      LockMacros.Macro m = candidate(in, i, active, depth);
      Arguments a = m == null ? null : arguments(in, i + 1);
      List<List<Token>> args = a == null ? null : a.args();
      if (args == null || !fits(m.definition(), args)) {
        if (out != null) out.add(t);
        i++;
        continue;
      }
      int close = a.close();
      if (out == null) out = new ArrayList<>(in.subList(0, i));
      int spanStart = Math.min(ExpandedToken.spanStart(t), ExpandedToken.spanStart(in.get(close)));
      int spanStop = Math.max(ExpandedToken.spanStop(t), ExpandedToken.spanStop(in.get(close)));
      List<Token> replaced = substitute(m, args, t, spanStart, spanStop, active, depth);
      active.add(m.definition().name());
      List<Token> again = expand(replaced, active, depth + 1);
      active.remove(m.definition().name());
      out.addAll(again == null ? replaced : again);
      i = close + 1;
    }
    return out;
  }

  private LockMacros.Macro candidate(List<Token> in, int i, Set<String> active, int depth) {
    Token t = in.get(i);
    if (t.getType() != CLexer.Identifier || depth >= MAX_DEPTH || active.contains(t.getText())) return null;
    if (i + 1 >= in.size() || in.get(i + 1).getType() != CLexer.LeftParen) return null;
    return depth == 0 ? macros.topLevel(t.getText()) : macros.inside(t.getText());
  }

  /** An invocation's arguments and the index of its closing ')'. */
  private record Arguments(List<List<Token>> args, int close) {}

  /** The arguments of the parenthesized list at {@code open}, split at top-level commas; null when unclosed. */
  private static Arguments arguments(List<Token> in, int open) {
    List<List<Token>> args = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int depth = 0;
    for (int k = open; k < in.size(); k++) {
      Token t = in.get(k);
      int type = t.getType();
      if (type == CLexer.LeftParen && depth++ == 0) continue;
      if (type == CLexer.RightParen && --depth == 0) {
        args.add(current);
        return new Arguments(args, k);
      }
      if (type == CLexer.Comma && depth == 1) {
        args.add(current);
        current = new ArrayList<>();
        continue;
      }
      current.add(t);
    }
    return null;
  }

  private static boolean fits(MacroDefinition d, List<List<Token>> args) {
    int n = d.params().size();
    if (n == 0) return args.size() == 1 && args.get(0).isEmpty();
    return d.variadic() ? args.size() >= n - 1 : args.size() == n;
  }

  private List<Token> substitute(
      LockMacros.Macro m, List<List<Token>> args, Token at, int spanStart, int spanStop, Set<String> active, int depth) {
    MacroDefinition d = m.definition();
    List<String> params = d.params();
    int fixed = d.variadic() ? params.size() - 1 : params.size();
    List<Token> out = new ArrayList<>();
    String outermost = at instanceof ExpandedToken e ? e.macro : d.name();
    for (Token b : m.body()) {
      int p = b.getType() == CLexer.Identifier ? params.indexOf(b.getText()) : -1;
      if (p < 0) {
        out.add(new ExpandedToken(b.getType(), b.getText(), at, outermost, spanStart, spanStop));
      } else if (p < fixed) {
        out.addAll(expandedArgument(args.get(p), active, depth));
      } else {
        // The variadic parameter: every remaining argument, commas restored.
        for (int k = fixed; k < args.size(); k++) {
          if (k > fixed) out.add(new ExpandedToken(CLexer.Comma, ",", at, outermost, spanStart, spanStop));
          out.addAll(expandedArgument(args.get(k), active, depth));
        }
      }
    }
    return out;
  }

  private List<Token> expandedArgument(List<Token> arg, Set<String> active, int depth) {
    List<Token> e = expand(arg, active, depth);
    return e == null ? arg : e;
  }
}
