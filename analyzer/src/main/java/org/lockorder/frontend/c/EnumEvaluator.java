package org.lockorder.frontend.c;

import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.lockorder.frontend.c.antlr.CLexer;
import org.lockorder.frontend.c.antlr.CParser;

/** Computes enum values: literals, earlier constants, arithmetic, shifts, bit operations. */
final class EnumEvaluator {
  private EnumEvaluator() {}

  /** Adds the enumerators of one enum definition to {@code constants} in order. */
  static void collect(CParser.EnumSpecifierContext e, Map<String, Long> constants) {
    Long next = 0L;
    for (CParser.EnumeratorContext en : e.enumerator()) {
      Long value = en.constantExpression() == null ? next : eval(en.constantExpression(), constants);
      if (value != null) constants.put(en.Identifier().getText(), value);
      next = value == null ? null : value + 1;
    }
  }

  /** The value of a constant expression, or null when it cannot be computed. */
  static Long eval(ParseTree t, Map<String, Long> constants) {
    t = Exprs.unwrap(t);
    if (t instanceof CParser.PrimaryExpressionContext p) {
      if (p.Constant() != null) return Constants.parse(p.Constant().getText());
      if (p.CharacterConstant() != null) return charValue(p.CharacterConstant().getText());
      if (Exprs.primaryName(p) != null) return constants.get(Exprs.primaryName(p).getText());
      if (Exprs.parenthesized(p) != null) return eval(Exprs.parenthesized(p), constants);
      return null;
    }
    if (t instanceof CParser.CastExpressionContext c && c.castExpression() != null) {
      return eval(c.castExpression(), constants);
    }
    if (t instanceof CParser.UnaryExpressionContext u && u.unaryOperator() != null) {
      Long v = eval(u.castExpression(), constants);
      if (v == null) return null;
      return switch (u.unaryOperator().getStart().getType()) {
        case CLexer.Minus -> -v;
        case CLexer.Plus -> v;
        case CLexer.Tilde -> ~v;
        case CLexer.Not -> v == 0 ? 1L : 0L;
        default -> null;
      };
    }
    if (t instanceof CParser.ConditionalExpressionContext c && c.Question() != null) {
      Long cond = eval(c.logicalOrExpression(), constants);
      if (cond == null || c.expression() == null) return null;
      return cond != 0 ? eval(c.expression(), constants) : eval(c.conditionalExpression(), constants);
    }
    if (t instanceof ParserRuleContext c && c.getChildCount() >= 3 && c.getChildCount() % 2 == 1) {
      Long acc = eval(c.getChild(0), constants);
      for (int i = 1; acc != null && i < c.getChildCount(); i += 2) {
        if (!(c.getChild(i) instanceof TerminalNode op)) return null;
        Long rhs = eval(c.getChild(i + 1), constants);
        if (rhs == null) return null;
        acc = apply(op.getSymbol().getType(), acc, rhs);
      }
      return acc;
    }
    return null;
  }

  private static Long apply(int op, long a, long b) {
    return switch (op) {
      case CLexer.Plus -> a + b;
      case CLexer.Minus -> a - b;
      case CLexer.Star -> a * b;
      case CLexer.Div -> b == 0 ? null : a / b;
      case CLexer.Mod -> b == 0 ? null : a % b;
      case CLexer.LeftShift -> a << b;
      case CLexer.RightShift -> a >> b;
      case CLexer.Or -> a | b;
      case CLexer.And -> a & b;
      case CLexer.Caret -> a ^ b;
      case CLexer.OrOr -> (a != 0 || b != 0) ? 1L : 0L;
      case CLexer.AndAnd -> (a != 0 && b != 0) ? 1L : 0L;
      case CLexer.Equal -> a == b ? 1L : 0L;
      case CLexer.NotEqual -> a != b ? 1L : 0L;
      case CLexer.Less -> a < b ? 1L : 0L;
      case CLexer.Greater -> a > b ? 1L : 0L;
      case CLexer.LessEqual -> a <= b ? 1L : 0L;
      case CLexer.GreaterEqual -> a >= b ? 1L : 0L;
      default -> null;
    };
  }

  private static Long charValue(String literal) {
    String body = literal.substring(literal.indexOf('\'') + 1, literal.length() - 1);
    if (body.length() == 1) return (long) body.charAt(0);
    if (body.equals("\\n")) return 10L;
    if (body.equals("\\0")) return 0L;
    if (body.equals("\\t")) return 9L;
    return null;
  }
}
