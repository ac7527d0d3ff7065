package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.lockorder.frontend.c.antlr.CLexer;
import org.lockorder.frontend.c.antlr.CParser;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Arg;

/**
 * Reads access paths and call arguments from expressions: {@code &inode->i_mapping->lock} is
 * root inode, fields [i_mapping, lock]; {@code EXT4_I(inode)->i_data_sem} has a call-result
 * root; subscripts set 'indexed'.
 */
final class AccessPaths {
  private final SourceMap source;

  AccessPaths(SourceMap source) {
    this.source = source;
  }

  /** The argument as the IR wants it; type-name arguments get text only. */
  Arg arg(CParser.ArgumentContext a) {
    String text = source.text(a);
    if (a.assignmentExpression() == null) return new Arg(text, null, null);
    return arg(a.assignmentExpression());
  }

  Arg arg(ParserRuleContext expression) {
    return new Arg(argumentText(expression), of(expression), Constants.of(expression));
  }

  /**
   * The argument's source text; but a single token that a macro's replacement wrote ({@code false}
   * in {@code #define gfs2_io_error_bh(sdp, bh) gfs2_io_error_bh_i(..., __LINE__, false)}) is its
   * own text, not the invocation's: what the call passes there is that token, which the constant
   * arguments read (ADR-007), not the macro call the user wrote.
   */
  private String argumentText(ParserRuleContext expression) {
    Token first = expression.getStart();
    if (first == expression.getStop() && first instanceof ExpandedToken) return first.getText();
    return source.text(expression);
  }

  /** The path of an expression after stripping '&', '*', casts and parentheses; else null. */
  AccessPath of(ParserRuleContext expression) {
    Shape s = shape(expression);
    if (s == null) return null;
    return new AccessPath(s.root, s.fields, s.indexed, source.text(expression));
  }

  /** The path of a callee written as a chain: primary plus the suffixes before the call. */
  AccessPath ofChain(
      ParserRuleContext whole, CParser.PrimaryExpressionContext primary,
      List<CParser.PostfixSuffixContext> suffixes) {
    Shape s = chain(primary, suffixes);
    String text = source.text(primary.getStart(),
        suffixes.isEmpty() ? primary.getStop() : suffixes.get(suffixes.size() - 1).getStop());
    if (s == null) return new AccessPath(new AccessPath.Unknown(), List.of(), false, text);
    return new AccessPath(s.root, s.fields, s.indexed, text);
  }

  /** The path of a callee written 'name suffixes...' (an identifier statement). */
  AccessPath ofNameChain(org.antlr.v4.runtime.Token name, List<CParser.PostfixSuffixContext> suffixes) {
    List<String> fields = new ArrayList<>();
    boolean indexed = false;
    for (CParser.PostfixSuffixContext s : suffixes) {
      if (s.Identifier() != null) fields.add(s.Identifier().getText());
      else if (s.LeftBracket() != null) indexed = true;
    }
    String text = source.text(name, suffixes.isEmpty() ? name : suffixes.get(suffixes.size() - 1).getStop());
    return new AccessPath(new AccessPath.Var(name.getText()), fields, indexed, text);
  }

  private record Shape(AccessPath.Root root, List<String> fields, boolean indexed) {}

  /**
   * Per-CPU accessors: the object they are given names the lock's class. lockdep keys a static
   * per-CPU lock by its canonical address, so {@code local_lock_acquire(this_cpu_ptr(&lru_pvecs.lock))}
   * takes {@code lru_pvecs.lock} on every CPU, not a lock named after the accessor.
   */
  static final java.util.Set<String> PER_CPU_ACCESSORS =
      java.util.Set.of("this_cpu_ptr", "raw_cpu_ptr", "per_cpu_ptr", "get_cpu_ptr", "per_cpu");

  private Shape shape(ParseTree t) {
    ParseTree s = Exprs.strip(t);
    ParseTree operand = Exprs.unaryOperand(s, CLexer.And);
    if (operand == null) operand = Exprs.unaryOperand(s, CLexer.Star);
    if (operand != null) return shape(operand);
    if (s instanceof CParser.PrimaryExpressionContext p) return chain(p, List.of());
    if (s instanceof CParser.PostfixExpressionContext p) {
      return chain(p.primaryExpression(), p.postfixSuffix());
    }
    return null;
  }

  private Shape chain(CParser.PrimaryExpressionContext primary, List<CParser.PostfixSuffixContext> suffixes) {
    AccessPath.Root root;
    List<String> fields = new ArrayList<>();
    boolean indexed = false;
    int start = 0;
    if (Exprs.primaryName(primary) != null) {
      String name = Exprs.primaryName(primary).getText();
      Shape through = PER_CPU_ACCESSORS.contains(name) && !suffixes.isEmpty() ? firstArgument(suffixes.get(0)) : null;
      if (through != null) {
        root = through.root;
        fields.addAll(through.fields);
        indexed = through.indexed;
        start = 1;
      } else if (!suffixes.isEmpty() && suffixes.get(0).LeftParen() != null) {
        root = new AccessPath.CallResult(name);
        start = 1;
      } else {
        root = new AccessPath.Var(name);
      }
    } else if (Exprs.parenthesized(primary) != null) {
      Shape inner = shape(Exprs.parenthesized(primary));
      if (inner == null) return null;
      root = inner.root;
      fields.addAll(inner.fields);
      indexed = inner.indexed;
    } else {
      return null;
    }
    for (int i = start; i < suffixes.size(); i++) {
      CParser.PostfixSuffixContext s = suffixes.get(i);
      if (s.Identifier() != null) fields.add(s.Identifier().getText());
      else if (s.LeftBracket() != null) indexed = true;
      else if (s.LeftParen() != null) return null;
    }
    return new Shape(root, fields, indexed);
  }

  /** The shape of a call suffix's first argument, or null when it has none or it has no shape. */
  private Shape firstArgument(CParser.PostfixSuffixContext call) {
    if (call.LeftParen() == null || call.argumentList() == null || call.argumentList().argument().isEmpty()) return null;
    CParser.ArgumentContext first = call.argumentList().argument(0);
    return first.assignmentExpression() == null ? null : shape(first.assignmentExpression());
  }
}
