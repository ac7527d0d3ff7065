package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.lockorder.frontend.c.antlr.CLexer;

/**
 * Two counted loops over the same range in one block: 'for (i = 0; i < nr; i++) lock_buffer(arr[i]);'
 * then, later, 'for (i = 0; i < nr; i++) submit_bh(..., arr[i]);' (fs/buffer.c's
 * block_read_full_folio). When nothing between the first loop's start and the second's writes a
 * variable of their header, the second loop's first test has the first loop's outcome: it runs at
 * least once exactly when the first did. Without that, the path "first loop ran, second did not"
 * keeps every lock the first loop took, and every lock the caller takes next is ordered after it.
 *
 * Only simple headers qualify: 'V = e' or 'T V = e' and a condition made of names, constants and
 * operators, with no call, member, array or pointer access (a callee could change those; a local
 * whose address is taken in between disqualifies the pair too). A global named in the header
 * could still be changed by a callee in between; kernel loop bounds are locals.
 */
final class CountedLoops {
  private CountedLoops() {}

  /** Most tokens between two loops: that code is lowered twice. */
  private static final int MAX_TOKENS_BETWEEN = 400;

  /**
   * The index of the loop in {@code items} that pairs with the counted loop at {@code k}: the
   * next one with the same header, when neither the first loop nor the code up to it may change
   * the header's variables; -1 when there is none.
   */
  static int partner(List<Stmt> items, int k) {
    if (!(items.get(k) instanceof Stmt.For f)) return -1;
    Set<String> names = headerNames(f);
    if (names == null) return -1;
    String v = loopVariable(f);
    if (mayChange(f.body(), names, v) || (f.step() != null && mayChange(new Stmt.Eval(f.step()), names, v))) return -1;
    String header = headerText(f);
    int tokens = 0;
    for (int j = k + 1; j < items.size(); j++) {
      Stmt item = items.get(j);
      if (item instanceof Stmt.For g && g.header() != null && header.equals(headerText(g))) return j;
      List<Token> t = new ArrayList<>();
      if (!collect(item, t) || changes(t, names, v)) return -1;
      tokens += t.size();
      if (tokens > MAX_TOKENS_BETWEEN) return -1;
    }
    return -1;
  }

  /** The names a header reads (the loop variable included), or null when it does not qualify. */
  private static Set<String> headerNames(Stmt.For f) {
    if (f.header() == null || f.cond() == null) return null;
    List<Token> init = terminals(f.header());
    List<Token> cond = terminals(f.cond());
    int assigns = 0;
    for (Token t : init) if (t.getType() == CLexer.Assign) assigns++;
    if (assigns != 1 || !simple(init) || !simple(cond)) return null;
    Set<String> names = new HashSet<>();
    for (Token t : init) if (t.getType() == CLexer.Identifier) names.add(t.getText());
    for (Token t : cond) if (t.getType() == CLexer.Identifier) names.add(t.getText());
    return names;
  }

  /** A loop's init and condition, token by token: two loops with the same text have the same header. */
  private static String headerText(Stmt.For f) {
    return text(terminals(f.header())) + "; " + text(terminals(f.cond()));
  }

  /**
   * Whether {@code s} may change one of {@code names} (other than the loop variable, which the
   * second loop's init sets again): an assignment, '++'/'--', or its address taken. Labels and
   * case labels count as a change too: a jump into the code between the loops bypasses the first.
   */
  private static boolean mayChange(Stmt s, Set<String> names, String loopVariable) {
    List<Token> tokens = new ArrayList<>();
    return !collect(s, tokens) || changes(tokens, names, loopVariable);
  }

  private static boolean changes(List<Token> tokens, Set<String> names, String loopVariable) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.getType() != CLexer.Identifier || !names.contains(t.getText()) || t.getText().equals(loopVariable)) continue;
      int before = i > 0 ? tokens.get(i - 1).getType() : -1;
      int after = i + 1 < tokens.size() ? tokens.get(i + 1).getType() : -1;
      if (before == CLexer.PlusPlus || before == CLexer.MinusMinus || before == CLexer.And) return true;
      if (after == CLexer.PlusPlus || after == CLexer.MinusMinus || isAssignment(after)) return true;
      // A whole argument: a macro ('do_div(n, base)', 'get_user(n, p)') may assign it.
      if ((before == CLexer.LeftParen || before == CLexer.Comma) && (after == CLexer.RightParen || after == CLexer.Comma)) {
        return true;
      }
    }
    return false;
  }

  /** The variable the init assigns: the name just before its '='. */
  private static String loopVariable(Stmt.For f) {
    List<Token> init = terminals(f.header());
    for (int i = 1; i < init.size(); i++) {
      if (init.get(i).getType() == CLexer.Assign) return init.get(i - 1).getText();
    }
    return null;
  }

  private static boolean simple(List<Token> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      switch (tokens.get(i).getType()) {
        case CLexer.Identifier -> {
          if (i + 1 < tokens.size() && tokens.get(i + 1).getType() == CLexer.LeftParen) return false;
        }
        case CLexer.Constant, CLexer.Assign, CLexer.Semi, CLexer.LeftParen, CLexer.RightParen, CLexer.Less,
            CLexer.LessEqual, CLexer.Greater, CLexer.GreaterEqual, CLexer.NotEqual, CLexer.Equal, CLexer.Plus,
            CLexer.Minus, CLexer.AndAnd, CLexer.Int, CLexer.Unsigned, CLexer.Long, CLexer.Short, CLexer.Char,
            CLexer.Signed, CLexer.TypedefName -> {}
        default -> {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isAssignment(int type) {
    return switch (type) {
      case CLexer.Assign, CLexer.StarAssign, CLexer.DivAssign, CLexer.ModAssign, CLexer.PlusAssign,
          CLexer.MinusAssign, CLexer.LeftShiftAssign, CLexer.RightShiftAssign, CLexer.AndAssign,
          CLexer.XorAssign, CLexer.OrAssign -> true;
      default -> false;
    };
  }

  /** The tokens of a statement tree; false when it holds a label, which disqualifies it. */
  private static boolean collect(Stmt s, List<Token> out) {
    if (s instanceof Stmt.Block b) {
      for (Stmt item : b.items()) if (!collect(item, out)) return false;
      return true;
    }
    if (s instanceof Stmt.Label || s instanceof Stmt.CaseLabel) return false;
    if (s instanceof Stmt.Eval e) out.addAll(terminals(e.tree()));
    if (s instanceof Stmt.If i) {
      out.addAll(terminals(i.cond()));
      return collect(i.then(), out) && (i.otherwise() == null || collect(i.otherwise(), out));
    }
    if (s instanceof Stmt.While w) {
      out.addAll(terminals(w.cond()));
      return collect(w.body(), out);
    }
    if (s instanceof Stmt.DoWhile d) {
      out.addAll(terminals(d.cond()));
      return collect(d.body(), out);
    }
    if (s instanceof Stmt.For f) {
      out.addAll(terminals(f.header()));
      out.addAll(terminals(f.cond()));
      out.addAll(terminals(f.step()));
      return collect(f.body(), out);
    }
    if (s instanceof Stmt.Iterator it) {
      out.addAll(terminals(it.args()));
      return collect(it.body(), out);
    }
    if (s instanceof Stmt.DoUntilMacro d) {
      out.addAll(terminals(d.args()));
      return collect(d.body(), out);
    }
    if (s instanceof Stmt.Switch sw) {
      out.addAll(terminals(sw.cond()));
      return collect(sw.body(), out);
    }
    if (s instanceof Stmt.Return r) out.addAll(terminals(r.value()));
    return true;
  }

  private static List<Token> terminals(ParserRuleContext tree) {
    List<Token> out = new ArrayList<>();
    if (tree != null) addTerminals(tree, out);
    return out;
  }

  private static void addTerminals(ParseTree t, List<Token> out) {
    if (t instanceof TerminalNode n) {
      out.add(n.getSymbol());
      return;
    }
    for (int i = 0; i < t.getChildCount(); i++) addTerminals(t.getChild(i), out);
  }

  private static String text(List<Token> tokens) {
    StringBuilder b = new StringBuilder();
    for (Token t : tokens) b.append(t.getText()).append(' ');
    return b.toString();
  }
}
