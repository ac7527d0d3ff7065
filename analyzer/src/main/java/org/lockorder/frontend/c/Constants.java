package org.lockorder.frontend.c;

import org.antlr.v4.runtime.tree.ParseTree;
import org.lockorder.frontend.c.antlr.CLexer;
import org.lockorder.frontend.c.antlr.CParser;

/** Integer literals: decimal, hex, octal, binary, with suffixes; optionally negated. */
public final class Constants {
  private Constants() {}

  /** The value of an integer literal expression ('5', '0x1fUL', '-1'), else null. */
  static Long of(ParseTree t) {
    ParseTree s = Exprs.strip(t);
    if (s instanceof CParser.UnaryExpressionContext u
        && u.unaryOperator() != null
        && u.unaryOperator().getStart().getType() == CLexer.Minus) {
      Long v = of(u.castExpression());
      return v == null ? null : -v;
    }
    if (s instanceof CParser.PrimaryExpressionContext p && p.Constant() != null) {
      return parse(p.Constant().getText());
    }
    return null;
  }

  /** The value of an integer literal token, or null. */
  public static Long parse(String literal) {
    String s = literal.replace("'", "");
    int end = s.length();
    while (end > 0 && "uUlL".indexOf(s.charAt(end - 1)) >= 0) end--;
    s = s.substring(0, end);
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) return Long.parseUnsignedLong(s.substring(2), 16);
      if (s.startsWith("0b") || s.startsWith("0B")) return Long.parseUnsignedLong(s.substring(2), 2);
      if (s.length() > 1 && s.startsWith("0")) return Long.parseUnsignedLong(s.substring(1), 8);
      return Long.parseUnsignedLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
