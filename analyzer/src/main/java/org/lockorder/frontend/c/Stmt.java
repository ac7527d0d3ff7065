package org.lockorder.frontend.c;

import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.lockorder.frontend.c.antlr.CParser;

/** The statement tree the CfgBuilder lowers: the parse tree with 'else' attached to its 'if'. */
sealed interface Stmt {
  record Block(List<Stmt> items) implements Stmt {}

  /** An expression statement, or a declaration whose initializers are evaluated. */
  record Eval(ParserRuleContext tree) implements Stmt {}

  record If(CParser.ExpressionContext cond, Stmt then, Stmt otherwise) implements Stmt {
    If withElse(Stmt e) {
      return new If(cond, then, e);
    }
  }

  record While(CParser.ExpressionContext cond, Stmt body) implements Stmt {}

  record DoWhile(Stmt body, CParser.ExpressionContext cond) implements Stmt {}

  /**
   * 'do body while_each_thread(g, t);': a loop closed by a macro whose replacement is the loop's
   * 'while (...)' (6.1's {@code while_each_thread}, {@code while_for_each_ftrace_op}). The body runs
   * once or more; the macro is a named call that assigns the plain names given to it, like a loop
   * head's ({@link Iterator}).
   */
  record DoUntilMacro(Stmt body, Token macro, CParser.ArgumentListContext args) implements Stmt {}

  /** {@code header} is the parsed 'init;' part, for comparing two loops' headers. */
  record For(
      CParser.ForInitContext header, Stmt init, CParser.ExpressionContext cond, CParser.ExpressionContext step, Stmt body)
      implements Stmt {}

  /** 'list_for_each_entry(pos, head, member) body': the body runs zero or more times. */
  record Iterator(Token macro, CParser.ArgumentListContext args, Stmt body) implements Stmt {}

  record Switch(CParser.ExpressionContext cond, Stmt body) implements Stmt {}

  record CaseLabel(boolean isDefault) implements Stmt {}

  record Label(String name) implements Stmt {}

  /** name is null for a computed goto. */
  record Goto(String name) implements Stmt {}

  record Break() implements Stmt {}

  record Continue() implements Stmt {}

  record Return(CParser.ExpressionContext value) implements Stmt {}

  record Empty() implements Stmt {}
}
