package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.List;
import org.lockorder.frontend.c.antlr.CParser;

/**
 * Builds the Stmt tree from the parse tree. The grammar parses 'else' as a block item of its own;
 * here it is attached to the innermost 'if' without else at the end of the previous statement,
 * which is exactly C's dangling-else rule.
 */
final class StatementTreeBuilder {
  private StatementTreeBuilder() {}

  static Stmt.Block block(CParser.CompoundStatementContext c) {
    return block(new ArrayList<>(), c.blockItem());
  }

  /** True when a macro argument is code ('DLM_ASSERT(c, dump(r););', 'D1(if (x) f(y))'). */
  static boolean isCode(CParser.ArgumentContext a) {
    return a.codeArgument() != null || a.Semi() != null;
  }

  /** The statements of a code argument (see isCode). */
  static Stmt.Block code(CParser.ArgumentContext a) {
    List<Stmt> first = new ArrayList<>();
    CParser.CodeArgumentContext c = a.codeArgument();
    if (c == null) {
      first.add(new Stmt.Eval(a.assignmentExpression()));
      return block(first, a.blockItem());
    }
    if (c.statementHead() != null) {
      first.add(head(c.statementHead()));
    } else if (c.If() != null) {
      first.add(new Stmt.If(c.expression(), new Stmt.Eval(c.assignmentExpression()), null));
    } else {
      first.add(c.Continue() != null ? new Stmt.Continue() : new Stmt.Break());
    }
    return block(first, c.blockItem());
  }

  private static Stmt.Block block(List<Stmt> items, List<CParser.BlockItemContext> blockItems) {
    for (CParser.BlockItemContext b : blockItems) {
      if (b.elseClause() != null) {
        Stmt e = labeled(b.elseClause().labelMarker(), b.elseClause().statement());
        Stmt attached = items.isEmpty() ? null : attachElse(items.get(items.size() - 1), e);
        if (attached != null) items.set(items.size() - 1, attached);
        else items.add(e); // a stray else: keep its code reachable rather than lose it
      } else {
        items.add(item(b));
      }
    }
    return new Stmt.Block(items);
  }

  private static Stmt item(CParser.BlockItemContext b) {
    if (b.labelMarker() != null) return new Stmt.Label(b.labelMarker().Identifier().getText());
    if (b.caseLabel() != null) return new Stmt.CaseLabel(b.caseLabel().Default() != null);
    if (b.declaration() != null) return new Stmt.Eval(b.declaration());
    if (b.unknownTypeBlockDeclaration() != null) return new Stmt.Eval(b.unknownTypeBlockDeclaration());
    if (b.statement() != null) return statement(b.statement());
    return new Stmt.Empty();
  }

  /** Returns s with e attached to its innermost open 'if', or null when there is none. */
  private static Stmt attachElse(Stmt s, Stmt e) {
    if (s instanceof Stmt.If i) {
      if (i.otherwise() == null) {
        Stmt inner = attachElse(i.then(), e);
        return inner != null ? new Stmt.If(i.cond(), inner, null) : i.withElse(e);
      }
      Stmt inner = attachElse(i.otherwise(), e);
      return inner == null ? null : i.withElse(inner);
    }
    if (s instanceof Stmt.While w) {
      Stmt inner = attachElse(w.body(), e);
      return inner == null ? null : new Stmt.While(w.cond(), inner);
    }
    if (s instanceof Stmt.For f) {
      Stmt inner = attachElse(f.body(), e);
      return inner == null ? null : new Stmt.For(f.header(), f.init(), f.cond(), f.step(), inner);
    }
    if (s instanceof Stmt.Iterator it) {
      Stmt inner = attachElse(it.body(), e);
      return inner == null ? null : new Stmt.Iterator(it.macro(), it.args(), inner);
    }
    if (s instanceof Stmt.Switch sw) {
      Stmt inner = attachElse(sw.body(), e);
      return inner == null ? null : new Stmt.Switch(sw.cond(), inner);
    }
    return null;
  }

  static Stmt statement(CParser.StatementContext s) {
    if (s.compoundStatement() != null) return block(s.compoundStatement());
    if (s.expressionStatement() != null) {
      CParser.ExpressionContext e = s.expressionStatement().expression();
      return e == null ? new Stmt.Empty() : new Stmt.Eval(e);
    }
    if (s.ifStatement() != null) return ifStatement(s.ifStatement());
    if (s.switchStatement() != null) {
      return new Stmt.Switch(s.switchStatement().expression(), statement(s.switchStatement().statement()));
    }
    if (s.whileStatement() != null) {
      return whileStatement(s.whileStatement());
    }
    if (s.doStatement() != null) return doStatement(s.doStatement());
    if (s.forStatement() != null) return forStatement(s.forStatement());
    if (s.iteratorStatement() != null) return iterator(s.iteratorStatement());
    return jump(s.gotoStatement(), s.continueStatement(), s.breakStatement(), s.returnStatement());
  }

  private static Stmt doStatement(CParser.DoStatementContext d) {
    Stmt body = statement(d.statement());
    if (d.While() != null) return new Stmt.DoWhile(body, d.expression());
    return new Stmt.DoUntilMacro(body, d.Identifier().getSymbol(), d.argumentList());
  }

  private static Stmt ifStatement(CParser.IfStatementContext i) {
    return new Stmt.If(i.expression(), labeled(i.labelMarker(), i.statement()), null);
  }

  private static Stmt whileStatement(CParser.WhileStatementContext w) {
    return new Stmt.While(w.expression(), labeled(w.labelMarker(), w.statement()));
  }

  /** An unbraced body with labels before it: the labels, then the statement, as a block would hold them. */
  private static Stmt labeled(List<CParser.LabelMarkerContext> labels, CParser.StatementContext s) {
    if (labels.isEmpty()) return statement(s);
    List<Stmt> items = new ArrayList<>();
    for (CParser.LabelMarkerContext l : labels) items.add(new Stmt.Label(l.Identifier().getText()));
    items.add(statement(s));
    return new Stmt.Block(items);
  }

  private static Stmt forStatement(CParser.ForStatementContext f) {
    CParser.ForInitContext init = f.forInit();
    Stmt initStmt =
        init.declaration() != null ? new Stmt.Eval(init.declaration())
            : init.expression() != null ? new Stmt.Eval(init.expression()) : new Stmt.Empty();
    List<CParser.ExpressionContext> exprs = f.expression();
    CParser.ExpressionContext cond = null;
    CParser.ExpressionContext step = null;
    // 'for (init; cond; step)': the two optional expressions are told apart by the ';'.
    int semi = f.Semi().getSymbol().getTokenIndex();
    for (CParser.ExpressionContext e : exprs) {
      if (e.getStart().getTokenIndex() < semi) cond = e;
      else step = e;
    }
    return new Stmt.For(init, initStmt, cond, step, statement(f.statement()));
  }

  private static Stmt iterator(CParser.IteratorStatementContext it) {
    CParser.IteratorBodyContext b = it.iteratorBody();
    Stmt body = b.statementHead() != null ? head(b.statementHead()) : new Stmt.Eval(b.identifierStatement());
    return new Stmt.Iterator(it.Identifier().getSymbol(), it.argumentList(), body);
  }

  private static Stmt head(CParser.StatementHeadContext b) {
    if (b.compoundStatement() != null) return block(b.compoundStatement());
    if (b.ifStatement() != null) return ifStatement(b.ifStatement());
    if (b.switchStatement() != null) {
      return new Stmt.Switch(b.switchStatement().expression(), statement(b.switchStatement().statement()));
    }
    if (b.whileStatement() != null) {
      return whileStatement(b.whileStatement());
    }
    if (b.doStatement() != null) return doStatement(b.doStatement());
    if (b.forStatement() != null) return forStatement(b.forStatement());
    if (b.iteratorStatement() != null) return iterator(b.iteratorStatement());
    return jump(b.gotoStatement(), b.continueStatement(), b.breakStatement(), b.returnStatement());
  }

  private static Stmt jump(
      CParser.GotoStatementContext g, CParser.ContinueStatementContext c,
      CParser.BreakStatementContext b, CParser.ReturnStatementContext r) {
    if (g != null) return new Stmt.Goto(g.Identifier() != null ? g.Identifier().getText() : null);
    if (c != null) return new Stmt.Continue();
    if (b != null) return new Stmt.Break();
    if (r != null) return new Stmt.Return(r.expression());
    return new Stmt.Empty(); // asm statements: no calls the analysis could see
  }
}
