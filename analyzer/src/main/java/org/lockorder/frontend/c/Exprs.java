package org.lockorder.frontend.c;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.lockorder.frontend.c.antlr.CParser;

/** Navigation in the layered expression trees: skipping single-child levels, parens, casts. */
final class Exprs {
  private Exprs() {}

  /** Descends through rule nodes that have a single rule child (the precedence ladder). */
  static ParseTree unwrap(ParseTree t) {
    while (t instanceof ParserRuleContext c
        && c.getChildCount() == 1
        && c.getChild(0) instanceof ParserRuleContext) {
      t = c.getChild(0);
    }
    return t;
  }

  /** Unwraps, then strips parentheses and casts. */
  static ParseTree strip(ParseTree t) {
    while (true) {
      t = unwrap(t);
      if (t instanceof CParser.CastExpressionContext c && c.castExpression() != null) {
        t = c.castExpression();
      } else if (parenthesized(t) != null) {
        t = parenthesized(t);
      } else {
        return t;
      }
    }
  }

  /** The inner expression of '( e )' when e has no comma, else null. */
  static ParseTree parenthesized(ParseTree t) {
    if (t instanceof CParser.PrimaryExpressionContext p
        && p.expression() != null
        && p.LeftParen() != null
        && p.expression().assignmentExpression().size() == 1) {
      return p.expression().assignmentExpression(0);
    }
    return null;
  }

  /** The identifier token when the primary expression is just a name, else null. */
  static org.antlr.v4.runtime.Token primaryName(CParser.PrimaryExpressionContext p) {
    if (p != null && p.getChildCount() == 1 && p.getChild(0) instanceof TerminalNode n
        && n.getSymbol().getType() == org.lockorder.frontend.c.antlr.CLexer.Identifier) {
      return n.getSymbol();
    }
    return null;
  }

  /** The name when t is a bare identifier (after stripping), else null. */
  static String identifier(ParseTree t) {
    ParseTree s = strip(t);
    if (s instanceof CParser.PrimaryExpressionContext p && primaryName(p) != null) {
      return primaryName(p).getText();
    }
    return null;
  }

  /** The operand of a unary '&' (or '*' when star is true), else null. */
  static ParseTree unaryOperand(ParseTree t, int operatorType) {
    ParseTree s = strip(t);
    if (s instanceof CParser.UnaryExpressionContext u
        && u.unaryOperator() != null
        && u.unaryOperator().getStart().getType() == operatorType) {
      return u.castExpression();
    }
    return null;
  }

  /** The postfix chain whose last suffix is a call, else null. */
  static CParser.PostfixExpressionContext call(ParseTree t) {
    ParseTree s = strip(t);
    if (s instanceof CParser.PostfixExpressionContext p
        && !p.postfixSuffix().isEmpty()
        && p.postfixSuffix(p.postfixSuffix().size() - 1).LeftParen() != null) {
      return p;
    }
    return null;
  }

  /** The callee name of a direct call 'name(...)', else null. */
  static String directCallee(CParser.PostfixExpressionContext call) {
    if (call.postfixSuffix().size() != 1) return null;
    CParser.PrimaryExpressionContext p = call.primaryExpression();
    return primaryName(p) != null ? primaryName(p).getText() : null;
  }

  /** True when t is an integer literal zero. */
  static boolean isZero(ParseTree t) {
    Long v = Constants.of(t);
    return v != null && v == 0L;
  }

  static boolean isTerminal(ParseTree t, int type) {
    return t instanceof TerminalNode n && n.getSymbol().getType() == type;
  }

  /** The tokens of {@code t}, in source order. */
  static void terminals(ParseTree t, java.util.List<org.antlr.v4.runtime.Token> out) {
    if (t instanceof TerminalNode n) {
      out.add(n.getSymbol());
      return;
    }
    for (int i = 0; i < t.getChildCount(); i++) terminals(t.getChild(i), out);
  }
}
