package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.lockorder.frontend.c.antlr.CLexer;
import org.lockorder.frontend.c.antlr.CParser;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Location;
import org.lockorder.ir.Node;

/**
 * Lowers expressions into call nodes in evaluation order (arguments before the call, left to
 * right, statement expressions inlined) and conditions into branches, with short-circuit
 * structure and CallResultTest when a branch tests a call's result.
 */
final class ExpressionFlow {
  /** Builtins whose operands are never evaluated (like those of sizeof). */
  private static final Set<String> UNEVALUATED_OPERANDS =
      Set.of("__builtin_constant_p", "__builtin_object_size", "__builtin_dynamic_object_size");

  /** Single-argument wrappers a condition can hide in: 'if (unlikely(!mutex_trylock(&l)))'. */
  static final Set<String> CONDITION_WRAPPERS =
      Set.of("likely", "unlikely", "__builtin_expect", "WARN_ON", "WARN_ON_ONCE", "WARN",
          "WARN_ONCE", "WARN_ON_SMP", "unlikely_notrace", "likely_notrace");

  private final CfgBuilder statements;
  private final CfgGraph graph;
  private final SourceMap source;
  private final AccessPaths paths;
  private final Set<String> functionPointers;
  private final BodyVariables variables;
  private final Map<ParserRuleContext, Integer> callNodes = new IdentityHashMap<>();
  /**
   * By variable: the call whose result it was last assigned, as a test of that variable: {@code
   * trueWhenNonzero} false when it holds the negated result ({@code ret = !folio_trylock(folio)}).
   */
  private final Map<String, Node.CallResultTest> lastCallResult = new HashMap<>();
  /** The call nodes a branch has tested the result of so far, in source order. */
  private final java.util.Set<Integer> branchTested = new java.util.HashSet<>();

  /** @param functionPointers the body's locals and parameters: calls through them are indirect */
  ExpressionFlow(CfgBuilder statements, SourceMap source, Set<String> functionPointers, BodyVariables variables) {
    this.statements = statements;
    this.variables = variables;
    this.graph = statements.graph;
    this.source = source;
    this.paths = new AccessPaths(source);
    this.functionPointers = functionPointers;
  }

  /** Lowers the calls in t starting at 'cur'; returns the last node. */
  int expr(ParseTree t, int cur) {
    if (t instanceof TerminalNode) return cur;
    if (t instanceof CParser.PostfixExpressionContext p) {
      return postfix(p, p.primaryExpression(), null, p.postfixSuffix(), cur);
    }
    if (t instanceof CParser.IdentifierStatementContext s) {
      cur = postfix(s, null, s.Identifier().getSymbol(), s.postfixSuffix(), cur);
      if (s.assignmentExpression() != null) {
        cur = expr(s.assignmentExpression(), cur);
        if (s.postfixSuffix().isEmpty()) {
          track(s.Identifier().getText(), s.assignmentExpression());
          cur = assigned(s.Identifier().getSymbol(), s.assignmentExpression(), cur);
        }
      }
      return cur;
    }
    if ((t instanceof CParser.LogicalAndExpressionContext
            || t instanceof CParser.LogicalOrExpressionContext)
        && ((ParserRuleContext) t).getChildCount() > 1) {
      return shortCircuit((ParserRuleContext) t, cur);
    }
    if (t instanceof CParser.ConditionalExpressionContext c && c.Question() != null
        && (containsCall(c.expression()) || containsCall(c.conditionalExpression()))) {
      int whenTrue = graph.join();
      int whenFalse = graph.join();
      int after = graph.join();
      cond(c.logicalOrExpression(), cur, whenTrue, whenFalse);
      graph.edge(c.expression() == null ? whenTrue : expr(c.expression(), whenTrue), after);
      graph.edge(expr(c.conditionalExpression(), whenFalse), after);
      return after;
    }
    if (t instanceof CParser.UnaryExpressionContext u && (u.Sizeof() != null || u.Alignof() != null)) {
      return cur; // not evaluated
    }
    if (t instanceof CParser.UnaryExpressionContext u && (u.PlusPlus() != null || u.MinusMinus() != null)) {
      // '++pte': a step of the variable, as 'pte++' (postfix)
      cur = expr(u.unaryExpression(), cur);
      Token start = u.unaryExpression().getStart();
      Token stepped = Exprs.identifier(u.unaryExpression()) != null && start.getType() == CLexer.Identifier ? start : null;
      return assigned(stepped, null, cur);
    }
    if (t instanceof CParser.TypeNameContext || t instanceof CParser.DeclarationSpecifiersContext
        || t instanceof CParser.DeclaratorContext || t instanceof CParser.TypeofSpecifierContext) {
      return cur;
    }
    if (t instanceof CParser.PrimaryExpressionContext p) {
      if (p.compoundStatement() != null) {
        return statements.stmt(StatementTreeBuilder.block(p.compoundStatement()), cur);
      }
      if (p.BuiltinOffsetof() != null || p.BuiltinTypesCompatible() != null || p.Generic() != null) {
        return cur;
      }
    }
    if (t instanceof CParser.ArgumentContext a && StatementTreeBuilder.isCode(a)) {
      // Code passed to a macro ('DLM_ASSERT(c, dump(r););', 'D1(if (x) f(y))'): the macro
      // decides whether it runs (on failure, in debug builds), so it runs zero times or once.
      int run = graph.join();
      int after = graph.join();
      graph.branch(cur, run, after, null);
      graph.edge(statements.stmt(StatementTreeBuilder.code(a), run), after);
      return after;
    }
    if (t instanceof CParser.AssignmentExpressionContext a && a.assignmentOperator() != null) {
      cur = expr(a.conditionalExpression(), cur);
      cur = expr(a.assignmentExpression(), cur);
      String target = Exprs.identifier(a.conditionalExpression());
      Token targetToken = target == null ? null : a.conditionalExpression().getStart();
      if (target == null) {
        // '*(&ptl) = __ptl' (an expanded macro storing through its argument): an assignment of ptl.
        targetToken = storedThroughOwnAddress(a.conditionalExpression());
        target = targetToken == null ? null : targetToken.getText();
      }
      if (target != null) {
        boolean plain = a.assignmentOperator().Assign() != null;
        if (plain) track(target, a.assignmentExpression());
        else lastCallResult.remove(target);
        cur = assigned(targetToken, plain ? a.assignmentExpression() : null, cur);
      } else if (!lastCallResult.isEmpty() || Exprs.call(a.assignmentExpression()) != null) {
        // A member path is a key only to follow a call's result (most member stores are not).
        String member = memberPath(a.conditionalExpression());
        if (member != null) {
          if (a.assignmentOperator().Assign() != null) track(member, a.assignmentExpression());
          else lastCallResult.remove(member);
        }
      }
      return cur;
    }
    if (t instanceof CParser.InitDeclaratorContext d) {
      cur = expr(d.initTail(), cur);
      ParseTree value = d.initTail().initializer() == null ? null : d.initTail().initializer().assignmentExpression();
      if (value != null) track(Declarators.name(d.declarator()), value);
      return d.initTail().initializer() == null ? cur : assigned(nameToken(d.declarator()), value, cur);
    }
    if (t instanceof CParser.UnknownTypeBlockDeclarationContext u) {
      // 'T name = value, other = value;' with T a name the parser does not know as a type
      for (int i = 0; i < u.getChildCount(); i++) {
        cur = expr(u.getChild(i), cur);
        if (u.getChild(i) == u.initTail() && u.initTail().initializer() != null) {
          cur = assigned(u.Identifier(1).getSymbol(), u.initTail().initializer().assignmentExpression(), cur);
        }
      }
      return cur;
    }
    ParserRuleContext c = (ParserRuleContext) t;
    for (int i = 0; i < c.getChildCount(); i++) cur = expr(c.getChild(i), cur);
    return cur;
  }

  /** The name token of {@code v} in an assignment target written {@code *(&v)} or {@code *&v}; null otherwise. */
  private static Token storedThroughOwnAddress(ParseTree target) {
    ParseTree pointer = Exprs.unaryOperand(target, CLexer.Star);
    ParseTree name = pointer == null ? null : Exprs.unaryOperand(pointer, CLexer.And);
    if (name == null || Exprs.identifier(name) == null) return null;
    List<Token> tokens = new ArrayList<>();
    Exprs.terminals(name, tokens);
    return tokens.size() == 1 ? tokens.get(0) : null;
  }

  /** By variable: where the calls are whose result it is assigned ({@link org.lockorder.ir.Function#resultCalls}). */
  private final Map<String, List<Location>> resultCalls = new java.util.TreeMap<>();

  /** See {@link #resultCalls}. */
  Map<String, List<Location>> resultCalls() {
    return resultCalls;
  }

  /** By variable whose assignments are followed ({@link BodyVariables#flowTracked}): the Assign nodes made. */
  private final Map<String, Integer> assignNodes = new HashMap<>();

  /**
   * After an assignment to the variable named at {@code name} (null: none) of {@code value} (null
   * when not a plain {@code =}, or for a call given the variable's address): an Assign node when
   * its assignments are followed, after the value's calls, which may still pass its old value on.
   */
  private int assigned(Token name, ParseTree value, int cur) {
    if (name == null || !variables.flowTracked().containsKey(name.getText())) return cur;
    assignNodes.merge(name.getText(), 1, Integer::sum);
    boolean relock = variables.relockAssignments().contains(name);
    CParser.PostfixExpressionContext call = value == null ? null : Exprs.call(value);
    Integer callNode = call == null ? null : callNodes.get(call);
    Location valueCall = callNode == null || graph.event(callNode) == null ? null : graph.event(callNode).location();
    List<Location> locking = valueCall == null && value != null ? valueThatLocks(value) : List.of();
    // The value's last call stands for it, as 'v = f(...)' stands for f: a lock taken there (the
    // spin_lock ending pte_offset_map_lock's statement expression) is what the new value holds.
    if (!locking.isEmpty()) valueCall = locking.get(locking.size() - 1);
    String constant = value == null ? null : constantText(value);
    int node = graph.add(new Event.Assign(name.getText(), source.loc(name), relock, valueCall, constant));
    graph.edge(cur, node);
    return node;
  }

  /**
   * {@code value} as condition text when it is a constant expression: integer literals, names
   * written like macro constants, and pure operators ({@code -EIOCBQUEUED}, {@code TTU_RMAP_LOCKED
   * | TTU_SYNC}); {@code NULL} and {@code false} as {@code 0}, {@code true} as {@code 1}. Else null.
   */
  private static String constantText(ParseTree value) {
    List<Token> tokens = new ArrayList<>();
    Exprs.terminals(value, tokens);
    return constantText(tokens);
  }

  /** {@link #constantText(ParseTree)} of an expression's tokens. */
  static String constantText(List<Token> tokens) {
    if (tokens.isEmpty()) return null;
    StringBuilder text = new StringBuilder();
    for (Token tok : tokens) {
      String t = tok.getText();
      int type = tok.getType();
      if (type == CLexer.Identifier) {
        if (t.equals("NULL") || t.equals("false")) t = "0";
        else if (t.equals("true")) t = "1";
        else if (!MACRO_CONSTANT.matcher(t).matches()) return null;
      } else if (type != CLexer.Constant && !PURE_OPERATORS.contains(type)) {
        return null;
      }
      if (text.length() > 0) text.append(' ');
      text.append(t);
    }
    return text.toString();
  }

  /**
   * After a call node: an Assign node for each followed flag the call is given the address of
   * ({@code &locked}, {@link BodyVariables#addressArguments}), a relock, since the callee may
   * change the flag and the lock together; and for each followed plain name given to a macro
   * that may assign it ({@code swap(a, b)}, {@link BodyVariables#macroArguments}).
   */
  private int addressesPassed(CParser.ArgumentListContext args, int cur) {
    if (variables.addressArguments().isEmpty() && variables.macroArguments().isEmpty()) return cur;
    for (CParser.ArgumentContext a : args.argument()) {
      List<Token> tokens = new ArrayList<>();
      Exprs.terminals(a, tokens);
      if (tokens.size() == 2 && tokens.get(0).getType() == CLexer.And
          && variables.addressArguments().contains(tokens.get(1))) {
        cur = assigned(tokens.get(1), null, cur);
      } else if (tokens.size() == 1 && variables.macroArguments().contains(tokens.get(0))) {
        // A plain name given to a macro that may assign it (BodyVariables#macroArguments).
        cur = assigned(tokens.get(0), null, cur);
      }
    }
    return cur;
  }

  /** The name token of a declarator ({@code *mapping}, {@code buf[4]}), or null. */
  private static Token nameToken(CParser.DeclaratorContext d) {
    String name = Declarators.name(d);
    if (name == null) return null;
    List<Token> tokens = new ArrayList<>();
    Exprs.terminals(d, tokens);
    for (Token t : tokens) if (t.getType() == CLexer.Identifier && t.getText().equals(name)) return t;
    return null;
  }

  /**
   * The followed variables with an assignment the CFG has no Assign node for (one inside
   * something not lowered): the conditions that read them must go, and for a local its Assign
   * nodes say nothing either.
   */
  Set<String> unseenAssignments() {
    Set<String> out = new java.util.TreeSet<>();
    variables.flowTracked().forEach((name, n) -> {
      if (assignNodes.getOrDefault(name, 0) < n) out.add(name);
    });
    return out;
  }

  /**
   * Kernel assertions written as a statement, {@code WARN_ON(cond);} or {@code BUG_ON(cond);}:
   * their condition is a branch, and its non-zero side calls the assertion, which the lock model
   * may say never returns (the linux profile says so of BUG_ON): {@code
   * BUG_ON(helper_trylock(x))} says the caller holds the lock, so the trylock fails; read as a
   * plain call, a helper's exit that took it seemed to keep a second instance.
   */
  static final Set<String> ASSERTIONS =
      Set.of("BUG_ON", "WARN_ON", "WARN_ON_ONCE", "WARN_ON_SMP", "VM_BUG_ON", "VM_WARN_ON", "VM_WARN_ON_ONCE");

  /**
   * Lowers {@code t} as {@link #ASSERTIONS}' statement form when it is one, returning where the
   * path continues (the zero side); -2 when it is not one.
   */
  int assertion(ParseTree t, int cur) {
    CParser.PostfixExpressionContext call = Exprs.call(Exprs.strip(t));
    String callee = call == null ? null : Exprs.directCallee(call);
    if (callee == null || !ASSERTIONS.contains(callee) || call.postfixSuffix().size() != 1) return -2;
    CParser.ArgumentListContext argList = call.postfixSuffix(0).argumentList();
    if (argList == null || argList.argument().size() != 1 || argList.argument(0).assignmentExpression() == null) return -2;
    CParser.ArgumentContext arg = argList.argument(0);
    int fails = graph.join();
    int holds = graph.join();
    cond(arg.assignmentExpression(), cur, fails, holds);
    int node = graph.add(new Event.Call(callee, List.of(paths.arg(arg)), source.loc(call.getStart())));
    graph.edge(fails, node);
    graph.edge(node, holds);
    return holds;
  }

  /** A macro call used as a loop head ('list_for_each_entry(...)'): a named call. */
  int call(Token macro, CParser.ArgumentListContext args, int cur) {
    List<Arg> list = new ArrayList<>();
    for (CParser.ArgumentContext a : args.argument()) {
      cur = expr(a, cur);
      list.add(paths.arg(a));
    }
    int node = graph.add(new Event.Call(macro.getText(), list, source.loc(macro)));
    graph.edge(cur, node);
    return node;
  }

  /**
   * After {@code cur}: an Assign node for each followed plain name given to the loop-head macro
   * (BodyVariables#macroArguments), the iterator it assigns at each pass and at the test that
   * ends the loop.
   */
  int iteratorAssigned(CParser.ArgumentListContext args, int cur) {
    return addressesPassed(args, cur);
  }

  private int postfix(
      ParserRuleContext whole, CParser.PrimaryExpressionContext primary, Token nameToken,
      List<CParser.PostfixSuffixContext> suffixes, int cur) {
    Token name = nameToken;
    if (Exprs.primaryName(primary) != null) name = Exprs.primaryName(primary);
    if (name == null) cur = expr(primary, cur);
    Token first = primary != null ? primary.getStart() : nameToken;
    for (int i = 0; i < suffixes.size(); i++) {
      CParser.PostfixSuffixContext s = suffixes.get(i);
      if (s.LeftBracket() != null) {
        cur = expr(s.expression(), cur);
      } else if (s.LeftParen() != null) {
        // The compiler only looks at these operands: a trylock in '__builtin_constant_p(...)'
        // (the branch-profiling 'unlikely' repeats its condition there) is never called.
        if (i == 0 && name != null && UNEVALUATED_OPERANDS.contains(name.getText())) continue;
        List<Arg> args = new ArrayList<>();
        for (CParser.ArgumentContext a : s.argumentList().argument()) {
          cur = expr(a, cur);
          args.add(paths.arg(a));
        }
        Event e;
        if (i == 0 && name != null && !functionPointers.contains(name.getText())) {
          e = new Event.Call(name.getText(), args, source.loc(first), ExpandedToken.macro(name));
        } else {
          AccessPath target =
              primary != null ? paths.ofChain(whole, primary, suffixes.subList(0, i))
                  : paths.ofNameChain(nameToken, suffixes.subList(0, i));
          // '(fn)(x)' and '(*fn)(x)' through a name that is no local: a direct call
          if (i == 0 && target.root() instanceof AccessPath.Var v && target.fields().isEmpty()
              && !target.indexed() && !functionPointers.contains(v.name())) {
            e = new Event.Call(v.name(), args, source.loc(first), ExpandedToken.macro(first));
          } else {
            e = new Event.IndirectCall(target, args, source.loc(first));
          }
        }
        int node = graph.add(e);
        graph.edge(cur, node);
        cur = addressesPassed(s.argumentList(), node);
        if (i == suffixes.size() - 1) callNodes.put(whole, node);
      } else if (i == 0 && name != null && (s.PlusPlus() != null || s.MinusMinus() != null)) {
        cur = assigned(name, null, cur); // 'pte++': a step, a relock (StableVariables)
      }
    }
    return cur;
  }

  /** '&&' / '||' as a value: later operands run only when the earlier ones allow it. */
  private int shortCircuit(ParserRuleContext c, int cur) {
    List<ParseTree> operands = operands(c);
    boolean laterCalls = false;
    for (int i = 1; i < operands.size(); i++) laterCalls |= containsCall(operands.get(i));
    if (!laterCalls) {
      for (ParseTree o : operands) cur = expr(o, cur);
      return cur;
    }
    boolean and = c instanceof CParser.LogicalAndExpressionContext;
    int after = graph.join();
    for (int i = 0; i < operands.size() - 1; i++) {
      int next = graph.join();
      if (and) cond(operands.get(i), cur, next, after);
      else cond(operands.get(i), cur, after, next);
      cur = next;
    }
    graph.edge(expr(operands.get(operands.size() - 1), cur), after);
    return after;
  }

  /** Lowers a condition: control goes to whenTrue or whenFalse. */
  void cond(ParseTree e, int from, int whenTrue, int whenFalse) {
    ParseTree s = Exprs.unwrap(e);
    Boolean constant = literalTruth(s);
    if (constant != null) {
      // 'while (1)', 'while (true)', 'do { } while (1)', 'if (0)': only one side is ever taken.
      // With both, a 'while (1)' loop that unlocks before its only 'break' could leave at its
      // head with the lock its body re-took (fs/fs_pin.c pin_kill).
      graph.edge(from, constant ? whenTrue : whenFalse);
    } else if (Exprs.parenthesized(s) != null) {
      cond(Exprs.parenthesized(s), from, whenTrue, whenFalse);
    } else if (s instanceof CParser.ExpressionContext x && x.assignmentExpression().size() > 1) {
      List<CParser.AssignmentExpressionContext> parts = x.assignmentExpression();
      for (int i = 0; i < parts.size() - 1; i++) from = expr(parts.get(i), from);
      cond(parts.get(parts.size() - 1), from, whenTrue, whenFalse);
    } else if ((s instanceof CParser.LogicalOrExpressionContext
            || s instanceof CParser.LogicalAndExpressionContext)
        && ((ParserRuleContext) s).getChildCount() > 1) {
      boolean and = s instanceof CParser.LogicalAndExpressionContext;
      List<ParseTree> operands = operands((ParserRuleContext) s);
      for (int i = 0; i < operands.size() - 1; i++) {
        int next = graph.join();
        if (and) cond(operands.get(i), from, next, whenFalse);
        else cond(operands.get(i), from, whenTrue, next);
        from = next;
      }
      cond(operands.get(operands.size() - 1), from, whenTrue, whenFalse);
    } else if (Exprs.unaryOperand(s, CLexer.Not) != null
        && isCompound(Exprs.unaryOperand(s, CLexer.Not))) {
      cond(Exprs.unaryOperand(s, CLexer.Not), from, whenFalse, whenTrue);
    } else if (s instanceof CParser.ConditionalExpressionContext c && c.Question() != null) {
      int second = graph.join();
      if (c.expression() == null) {
        cond(c.logicalOrExpression(), from, whenTrue, second);
      } else {
        int first = graph.join();
        cond(c.logicalOrExpression(), from, first, second);
        cond(c.expression(), first, whenTrue, whenFalse);
      }
      cond(c.conditionalExpression(), second, whenTrue, whenFalse);
    } else {
      int cur = expr(e, from);
      Node.CallResultTest t = test(e, true);
      if (t != null) branchTested.add(t.callNode());
      graph.branch(cur, whenTrue, whenFalse, t, condition(e, true), pointerTest(e, true));
    }
  }

  /**
   * Whether a condition is an integer literal, {@code true} or {@code false} (in parentheses or
   * casts, negated with {@code !}), nonzero or not; null for anything else. Macro constants are
   * left to the analysis (a condition over them is a {@code Condition}): their values come from
   * headers, and a configuration may change them.
   */
  private static Boolean literalTruth(ParseTree t) {
    ParseTree s = Exprs.strip(t);
    ParseTree negated = Exprs.unaryOperand(s, CLexer.Not);
    if (negated != null) {
      Boolean inner = literalTruth(negated);
      return inner == null ? null : !inner;
    }
    Long value = Constants.of(s);
    if (value != null) return value != 0;
    String name = Exprs.identifier(s);
    if ("true".equals(name)) return true;
    if ("false".equals(name)) return false;
    return null;
  }

  /**
   * Which local variable or parameter a condition compares with NULL ({@code mapping}, {@code
   * !lruvec}, {@code p == NULL}), with its last assignment; null for anything else, and for a
   * variable whose assignments the body's tokens do not show.
   */
  private Node.PointerTest pointerTest(ParseTree t, boolean nonzero) {
    Peeled p = peel(t, nonzero);
    String name = Exprs.identifier(p.core());
    if (name == null) return memberTest(p);
    if (!functionPointers.contains(name) || variables.untracked().contains(name)) return null;
    Token since = variables.lockedSince(name);
    List<Node.Copy> copies = new ArrayList<>();
    Map<String, Token> copied = variables.copies().get(name);
    if (copied != null) {
      for (Map.Entry<String, Token> c : new java.util.TreeMap<>(copied).entrySet()) {
        if (!functionPointers.contains(c.getKey()) || variables.untracked().contains(c.getKey())) continue;
        Token from = variables.lockedSince(c.getKey());
        copies.add(new Node.Copy(c.getKey(), source.loc(c.getValue()), from == null ? null : source.loc(from)));
      }
    }
    return new Node.PointerTest(name, p.nonzero(), since == null ? null : source.loc(since), copies);
  }

  /**
   * A test of a member path against NULL ({@code if (vma->anon_vma)}), when the path starts at a
   * stable variable and the body never changes the path itself: its variable is the path as
   * {@code vma->anon_vma}, with no last assignment. Callees could still change the member; kernel
   * code does not clear a pointer that a caller locked through (ADR-006).
   */
  private Node.PointerTest memberTest(Peeled p) {
    if (!(p.core() instanceof ParserRuleContext core) || Exprs.call(core) != null) return null;
    AccessPath path = paths.of(core);
    if (path == null || path.fields().isEmpty() || path.indexed() || !(path.root() instanceof AccessPath.Var v)
        || !variables.stable().contains(v.name())) {
      return null;
    }
    String key = v.name() + "->" + String.join("->", path.fields());
    for (String assigned : variables.assignedMembers()) {
      // The path, or a prefix of it, changed: 'vma->anon_vma = NULL', 'vma = ...' (not stable).
      if (key.equals(assigned) || key.startsWith(assigned + "->")) return null;
    }
    return new Node.PointerTest(key, p.nonzero(), null);
  }

  /** Operators a condition over stable variables may use: no calls, members, dereferences or side effects. */
  private static final Set<Integer> PURE_OPERATORS = Set.of(
      CLexer.And, CLexer.Or, CLexer.Caret, CLexer.Not, CLexer.Tilde, CLexer.Equal, CLexer.NotEqual,
      CLexer.Less, CLexer.Greater, CLexer.LessEqual, CLexer.GreaterEqual, CLexer.LeftShift,
      CLexer.RightShift, CLexer.Plus, CLexer.Minus, CLexer.LeftParen, CLexer.RightParen);

  /**
   * The condition a branch tests, when it reads only {@link StableVariables}, members of them the
   * body never changes, and constants ({@code !nolock}, {@code lock_flags & XFS_ILOCK_EXCL},
   * {@code p == NULL}, {@code sizeof(i_blocks) > sizeof(long)}, {@code prz->flags &
   * PRZ_FLAG_NO_LOCK}): its text without the negations and comparisons with zero,
   * which go into the sense. Else null.
   */
  private Node.Condition condition(ParseTree t, boolean nonzero) {
    Peeled p = peel(t, nonzero);
    ParseTree s = p.core();
    boolean sense = p.nonzero();
    // 'a != b' is the negation of 'a == b': one text, so the two tests correlate
    // ('(mm == &init_mm) ? ... : pte_offset_map_lock(..)' then 'if (mm != &init_mm) unlock').
    Token notEqual = s instanceof CParser.EqualityExpressionContext eq && eq.getChildCount() == 3 && eq.NotEqual().size() == 1
        ? eq.NotEqual(0).getSymbol() : null;
    if (notEqual != null) sense = !sense;
    List<Token> tokens = new ArrayList<>();
    Exprs.terminals(s, tokens);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      Token tok = tokens.get(i);
      int type = tok.getType();
      if (tok == notEqual) {
        text.append(" ==");
        continue;
      }
      if (type == CLexer.Identifier && addressOfGlobal(tokens, i)) {
        // The address of a global object never changes: '&init_mm'.
        text.append(' ').append(tok.getText());
        continue;
      }
      if (type == CLexer.Sizeof) {
        // A size is a constant whatever it names: 'sizeof(i_blocks) > sizeof(long)'.
        int end = sizeofEnd(tokens, i);
        if (end < 0) return null;
        if (text.length() > 0) text.append(' ');
        text.append("sizeof");
        if (end == i + 1) text.append(' '); // 'sizeof x'
        for (int k = i + 1; k <= end; k++) text.append(tokens.get(k).getText());
        i = end;
        continue;
      }
      if (type == CLexer.Identifier) {
        boolean called = i + 1 < tokens.size() && tokens.get(i + 1).getType() == CLexer.LeftParen;
        if (called) {
          // A page or folio flag test of a stable variable: 'PageKsm(page)', 'folio_test_anon(folio)'.
          int end = flagTestEnd(tokens, i);
          if (end < 0) return null;
          if (text.length() > 0) text.append(' ');
          for (int k = i; k <= end; k++) text.append(k == i ? "" : " ").append(tokens.get(k).getText());
          i = end;
          continue;
        }
        String name = tok.getText();
        // The whole condition a member path: a test of the member's value, which stores beneath
        // it ('&vma->anon_vma->root->rwsem' given to up_write) do not change.
        int member = memberEnd(tokens, i);
        if (member > i) {
          // A member of a stable variable that the body never changes: 'prz->flags & PRZ_FLAG_NO_LOCK'.
          if (text.length() > 0) text.append(' ');
          for (int k = i; k <= member; k++) text.append(k == i ? "" : " ").append(tokens.get(k).getText());
          i = member;
          continue;
        }
        if (!variables.stable().contains(name) && !variables.flowTracked().containsKey(name)
            && !MACRO_CONSTANT.matcher(name).matches()) {
          return null;
        }
      } else if (type != CLexer.Constant && !PURE_OPERATORS.contains(type)) {
        return null;
      }
      if (text.length() > 0) text.append(' ');
      text.append(tok.getText());
    }
    return text.length() == 0 ? null : new Node.Condition(text.toString(), sense);
  }

  /**
   * Whether {@code tokens[at]} is a name that is neither a local nor a parameter, right after a
   * unary {@code &} (one that starts the condition or follows '(', '==' or '!='): the address of
   * a global, a constant.
   */
  private boolean addressOfGlobal(List<Token> tokens, int at) {
    if (at == 0 || tokens.get(at - 1).getType() != CLexer.And || functionPointers.contains(tokens.get(at).getText())) return false;
    if (at + 1 < tokens.size() && tokens.get(at + 1).getType() == CLexer.LeftParen) return false;
    if (at == 1) return true;
    int before = tokens.get(at - 2).getType();
    return before == CLexer.LeftParen || before == CLexer.Equal || before == CLexer.NotEqual;
  }

  /**
   * Page and folio flag tests ({@code PageKsm}, {@code PageAnon}, {@code folio_test_anon}, ...):
   * the kernel tests one twice around a lock it takes and drops under it, and the flag does not
   * change in between for a page the caller holds (ADR-004).
   */
  private static final java.util.regex.Pattern FLAG_TEST =
      java.util.regex.Pattern.compile("Page[A-Z][A-Za-z]*|folio_test_[a-z_]+");

  /**
   * When {@code tokens[at]} starts a flag test of one stable variable ({@code PageKsm ( page )}),
   * the index of its closing parenthesis; else -1.
   */
  private int flagTestEnd(List<Token> tokens, int at) {
    if (at + 3 >= tokens.size() || tokens.get(at).getType() != CLexer.Identifier
        || !FLAG_TEST.matcher(tokens.get(at).getText()).matches()
        || tokens.get(at + 1).getType() != CLexer.LeftParen
        || tokens.get(at + 2).getType() != CLexer.Identifier
        || tokens.get(at + 3).getType() != CLexer.RightParen) {
      return -1;
    }
    String arg = tokens.get(at + 2).getText();
    return variables.stable().contains(arg) ? at + 3 : -1;
  }

  /**
   * The last token of a member path {@code v->f->g} (or {@code v.f}) at {@code tokens[at]}, when
   * {@code v} is stable, or flow-tracked (its assignments are nodes the analysis forgets the
   * condition at: 6.1's {@code do_brk_flags} tests {@code vma->anon_vma} around the anon_vma lock
   * and assigns {@code vma} further down), and the body changes neither the path, nor a prefix of it, nor (unless
   * the path is the whole condition) a member beneath it; else -1. A callee could still change
   * the member, as with the NULL tests of {@link #memberTest}: kernel code tests a flag of an
   * object twice around a lock it takes and drops under that flag (6.1's {@code buffer_size_add},
   * {@code PRZ_FLAG_NO_LOCK}), and does not flip it in between.
   */
  private int memberEnd(List<Token> tokens, int at) {
    String root = tokens.get(at).getText();
    if (!variables.stable().contains(root) && !variables.flowTracked().containsKey(root)) return -1;
    StringBuilder key = new StringBuilder(tokens.get(at).getText());
    int end = at;
    while (end + 2 < tokens.size()
        && (tokens.get(end + 1).getType() == CLexer.Arrow || tokens.get(end + 1).getType() == CLexer.Dot)
        && tokens.get(end + 2).getType() == CLexer.Identifier) {
      key.append("->").append(tokens.get(end + 2).getText());
      end += 2;
    }
    if (end == at) return -1;
    // A call through the member ('p->ops->fn(...)') or an element of it ('p->a[i]') is no value of it.
    if (end + 1 < tokens.size() && (tokens.get(end + 1).getType() == CLexer.LeftParen
        || tokens.get(end + 1).getType() == CLexer.LeftBracket)) {
      return -1;
    }
    String path = key.toString();
    boolean whole = at == 0 && end == tokens.size() - 1;
    for (String assigned : variables.assignedMembers()) {
      if (path.equals(assigned) || path.startsWith(assigned + "->") || !whole && assigned.startsWith(path + "->")) return -1;
    }
    return end;
  }

  /** The last token of the sizeof operand that starts at {@code tokens[at]}, or -1. */
  private static int sizeofEnd(List<Token> tokens, int at) {
    if (at + 1 >= tokens.size()) return -1;
    if (tokens.get(at + 1).getType() != CLexer.LeftParen) return tokens.get(at + 1).getType() == CLexer.Identifier ? at + 1 : -1;
    int depth = 0;
    for (int k = at + 1; k < tokens.size(); k++) {
      int type = tokens.get(k).getType();
      if (type == CLexer.LeftParen) depth++;
      else if (type == CLexer.RightParen && --depth == 0) return k;
    }
    return -1;
  }

  /** A condition's inner expression, and whether the condition holds when that is non-zero. */
  private record Peeled(ParseTree core, boolean nonzero) {}

  /**
   * Takes off what does not change which value is tested, only the sense: '!', '== 0' and
   * '!= NULL' on either side, and single-value wrappers ('unlikely(x)', 'WARN_ON(x)').
   */
  private static Peeled peel(ParseTree t, boolean nonzero) {
    while (true) {
      ParseTree s = Exprs.strip(t);
      ParseTree negated = Exprs.unaryOperand(s, CLexer.Not);
      if (negated != null) {
        t = negated;
        nonzero = !nonzero;
        continue;
      }
      if (s instanceof CParser.EqualityExpressionContext eq && eq.getChildCount() == 3) {
        boolean equal = eq.Equal().size() == 1;
        ParseTree other = isZeroOrNull(eq.getChild(2)) ? eq.getChild(0) : isZeroOrNull(eq.getChild(0)) ? eq.getChild(2) : null;
        if (other != null) {
          t = other;
          nonzero = equal ? !nonzero : nonzero;
          continue;
        }
      }
      CParser.PostfixExpressionContext call = Exprs.call(s);
      String callee = call == null ? null : Exprs.directCallee(call);
      if (callee != null && CONDITION_WRAPPERS.contains(callee)) {
        List<CParser.ArgumentContext> args = call.postfixSuffix(0).argumentList().argument();
        if (!args.isEmpty() && args.get(0).assignmentExpression() != null) {
          t = args.get(0).assignmentExpression();
          continue;
        }
      }
      return new Peeled(s, nonzero);
    }
  }

  /** A name written like a macro constant (XFS_ILOCK_EXCL, NULL), not like a variable. */
  private static final java.util.regex.Pattern MACRO_CONSTANT = java.util.regex.Pattern.compile("[A-Z_][A-Z0-9_]*[A-Z][A-Z0-9_]*");

  private static boolean isZeroOrNull(ParseTree t) {
    return Exprs.isZero(t) || Exprs.strip(t).getText().equals("NULL");
  }

  /** A non-zero integer literal, or a negated error code ({@code -EALREADY}). */
  private static boolean isNonzeroConstant(ParseTree t) {
    Long v = Constants.of(t);
    if (v != null) return v != 0;
    return NEGATED_ERRNO.matcher(Exprs.strip(t).getText()).matches();
  }

  private static final java.util.regex.Pattern NEGATED_ERRNO = java.util.regex.Pattern.compile("-E[A-Z0-9_]+");

  private static boolean isCompound(ParseTree t) {
    ParseTree s = Exprs.strip(t);
    return ((s instanceof CParser.LogicalOrExpressionContext
                || s instanceof CParser.LogicalAndExpressionContext)
            && ((ParserRuleContext) s).getChildCount() > 1)
        || (s instanceof CParser.ConditionalExpressionContext c && c.Question() != null);
  }

  /** Which call's result a condition tests, seen through '!', '== 0', wrappers, variables. */
  private Node.CallResultTest test(ParseTree t, boolean nonzero) {
    Peeled p = peel(t, nonzero);
    ParseTree s = p.core();
    nonzero = p.nonzero();
    if (s instanceof CParser.EqualityExpressionContext eq && eq.getChildCount() == 3) {
      if (!isNonzeroConstant(eq.getChild(2))) return null;
      // 'ret == -EALREADY' holds for a non-zero result only; like 'ret < 0', it does not tell the
      // other non-zero results from zero. 'ret != -EALREADY' is the same test the other way round.
      Node.CallResultTest compared = negativeTest(eq.getChild(0), eq.Equal().size() == 1 ? nonzero : !nonzero);
      String constant = Exprs.strip(eq.getChild(2)).getText();
      return compared == null ? null
          : new Node.CallResultTest(compared.callNode(), compared.trueWhenNonzero(), false, true, compared.alsoFrom(), constant);
    }
    if (s instanceof CParser.RelationalExpressionContext r && r.getChildCount() == 3
        && r.Less().size() == 1 && Exprs.isZero(r.getChild(2))) {
      // 'ret < 0': tells a zero result from a negative one, not a positive one from either.
      return negativeTest(r.getChild(0), nonzero);
    }
    if (s instanceof CParser.AssignmentExpressionContext a && a.assignmentOperator() != null
        && a.assignmentOperator().Assign() != null) {
      return test(a.assignmentExpression(), nonzero);
    }
    CParser.PostfixExpressionContext call = Exprs.call(s);
    if (call != null) {
      Node.CallResultTest error = errorTest(call, nonzero);
      if (error != null) return error;
      Integer node = callNodes.get(call);
      return node == null ? null : new Node.CallResultTest(node, nonzero);
    }
    String name = Exprs.identifier(s);
    if (name == null) name = memberPath(s);
    Node.CallResultTest assigned = name == null ? null : lastCallResult.get(name);
    return assigned == null || assigned.error() ? null
        : new Node.CallResultTest(assigned.callNode(), nonzero == assigned.trueWhenNonzero(), false, false, assigned.alsoFrom());
  }

  /** A copy of what {@link #lastCallResult} holds now: an if statement's ends, for {@link #mergeCallResults}. */
  Map<String, Node.CallResultTest> callResults() {
    return new HashMap<>(lastCallResult);
  }

  /**
   * After an if statement, whose branches were read one after the other: a variable that holds a
   * call's result at the end of both paths holds one of the two calls' ({@code rc = a(); if (rc ==
   * -ENOENT) rc = b();}: b, or a where the branch was not taken). The map keeps the later one in
   * source order, as before, with the other among its {@link Node.CallResultTest#alsoFrom}.
   *
   * @param before the map at the branch
   * @param thenEnd the map at the end of the then branch; the map now is at the end of the else
   *     branch, or {@code thenEnd} when there is none
   */
  void mergeCallResults(Map<String, Node.CallResultTest> before, Map<String, Node.CallResultTest> thenEnd, boolean hasElse) {
    for (Map.Entry<String, Node.CallResultTest> e : lastCallResult.entrySet()) {
      Node.CallResultTest now = e.getValue();
      Node.CallResultTest inThen = thenEnd.get(e.getKey());
      Node.CallResultTest atBranch = before.get(e.getKey());
      // The value on the path that did not make 'now' its last assignment.
      Node.CallResultTest other;
      if (hasElse && !now.equals(inThen)) other = inThen; // the else branch assigned it
      else other = now.equals(atBranch) ? null : atBranch; // the then branch assigned it, or neither
      if (other == null || other.error() || now.error() || other.negative() || now.negative()
          || other.trueWhenNonzero() != now.trueWhenNonzero()) {
        continue;
      }
      java.util.TreeSet<Integer> also = new java.util.TreeSet<>(now.alsoFrom());
      also.add(other.callNode());
      also.addAll(other.alsoFrom());
      also.remove(now.callNode());
      e.setValue(new Node.CallResultTest(now.callNode(), now.trueWhenNonzero(), false, false, List.copyOf(also)));
    }
  }

  /**
   * A {@link Node.CallResultTest#negative} test of the call result {@code operand} stands for,
   * whose side {@code nonzero} says which edge needs a non-zero result; null when {@code operand}
   * is no such result as it was returned.
   */
  private Node.CallResultTest negativeTest(ParseTree operand, boolean nonzero) {
    Node.CallResultTest inner = test(operand, nonzero);
    return inner == null || inner.error() || inner.trueWhenNonzero() != nonzero ? null
        : new Node.CallResultTest(inner.callNode(), nonzero, false, true);
  }

  /**
   * {@code IS_ERR(v)} where {@code v} holds a call's result as it was returned (or the call
   * itself): a test of whether that call returned an error pointer. Null for anything else.
   */
  private Node.CallResultTest errorTest(CParser.PostfixExpressionContext call, boolean nonzero) {
    if (!"IS_ERR".equals(Exprs.directCallee(call)) || call.postfixSuffix().isEmpty()
        || call.postfixSuffix(0).argumentList() == null) {
      return null;
    }
    List<CParser.ArgumentContext> args = call.postfixSuffix(0).argumentList().argument();
    if (args.size() != 1 || args.get(0).assignmentExpression() == null) return null;
    Node.CallResultTest inner = test(args.get(0).assignmentExpression(), true);
    return inner == null || inner.error() || !inner.trueWhenNonzero() ? null : new Node.CallResultTest(inner.callNode(), nonzero, true);
  }

  private static final java.util.regex.Pattern MEMBER_PATH = java.util.regex.Pattern.compile("[A-Za-z_]\\w*(?:(?:\\.|->)[A-Za-z_]\\w*)+");

  /**
   * A member of a variable written as a path ({@code ctxt.handle}, {@code wc->handle}), as a key
   * for {@link #lastCallResult} like a variable's name: {@code ctxt.handle = ocfs2_start_trans(...);
   * if (IS_ERR(ctxt.handle))}. Null for anything else.
   */
  private static String memberPath(ParseTree t) {
    String text = Exprs.strip(t).getText();
    return MEMBER_PATH.matcher(text).matches() ? text : null;
  }

  /**
   * At labels and loop heads control arrives from several places, so what a variable was last
   * assigned from in source order says nothing any more.
   */
  void forgetCallResults() {
    lastCallResult.clear();
  }

  /**
   * Remembers 'v = call(...)' (or 'v = !call(...)', 6.1's {@code __folio_lock_async}: {@code ret
   * = !folio_trylock(folio)}) so that a later 'if (v)' or 'return v' tests that call.
   */
  private void track(String variable, ParseTree value) {
    CParser.PostfixExpressionContext direct = Exprs.call(value);
    Integer result = direct == null ? null : callNodes.get(direct);
    if (result != null && graph.event(result) != null) {
      resultCalls.computeIfAbsent(variable, k -> new ArrayList<>()).add(graph.event(result).location());
    }
    List<Location> locking = valueThatLocks(value);
    if (!locking.isEmpty()) resultCalls.computeIfAbsent(variable, k -> new ArrayList<>()).addAll(locking);
    Peeled p = peel(value, true);
    CParser.PostfixExpressionContext call = Exprs.call(p.core());
    Integer node = call == null ? null : callNodes.get(call);
    if (node != null) lastCallResult.put(variable, new Node.CallResultTest(node, p.nonzero()));
    else lastCallResult.remove(variable);
  }

  /**
   * The part of an assigned value whose calls stand for the value, as a call does for its result:
   * a statement expression ({@code pte = ({ ...; spin_lock(__ptl); __pte; })}, the expansion of
   * pte_offset_map_lock), or the arm of a conditional whose other arm is NULL ({@code pte =
   * pte_alloc(mm, pmd) ? NULL : ({ ... })}, pte_alloc_map_lock). Like a function that returns a
   * locked object, such a value is NULL only where it locked nothing (ADR-006), so a later {@code
   * if (!pte)} sees those locks not held. Returns where those calls are; none for any other value
   * (a plain call is {@link #track}'s own case).
   */
  private List<Location> valueThatLocks(ParseTree value) {
    if (Exprs.call(Exprs.strip(value)) != null) return List.of();
    List<Location> out = new ArrayList<>();
    valuesThatLock(value, out);
    return out;
  }

  /**
   * {@link #valueThatLocks}, through nested conditionals: {@code pte = (mm == &init_mm) ?
   * pte_alloc_kernel_track(..) : pte_alloc_map_lock(..)}, whose second arm is itself {@code
   * pte_alloc(..) ? NULL : ({ ... })}. An arm that is a call stands for its result, as a call
   * assigned alone does; a statement expression by every call in it; a NULL arm by none.
   */
  private void valuesThatLock(ParseTree value, List<Location> out) {
    ParseTree s = Exprs.strip(value);
    if (s instanceof CParser.PrimaryExpressionContext p && p.compoundStatement() != null) {
      callsIn(p, out);
    } else if (s instanceof CParser.ConditionalExpressionContext c && c.Question() != null && c.expression() != null) {
      if (!isZeroOrNull(c.expression())) valuesThatLock(c.expression(), out);
      if (!isZeroOrNull(c.conditionalExpression())) valuesThatLock(c.conditionalExpression(), out);
    } else if (Exprs.call(s) != null) {
      Integer node = callNodes.get(Exprs.call(s));
      if (node != null && graph.event(node) != null) out.add(graph.event(node).location());
    }
  }

  /** Adds the location of every call lowered inside {@code t} to {@code out}. */
  private void callsIn(ParseTree t, List<Location> out) {
    Integer node = callNodes.get(t);
    if (node != null && graph.event(node) != null) out.add(graph.event(node).location());
    for (int i = 0; i < t.getChildCount(); i++) callsIn(t.getChild(i), out);
  }

  private static List<ParseTree> operands(ParserRuleContext c) {
    List<ParseTree> out = new ArrayList<>();
    for (int i = 0; i < c.getChildCount(); i += 2) out.add(c.getChild(i));
    return out;
  }

  static boolean containsCall(ParseTree t) {
    if (t == null || t instanceof TerminalNode) return false;
    if (t instanceof CParser.PostfixSuffixContext s && s.LeftParen() != null) return true;
    if (t instanceof CParser.CompoundStatementContext) return true;
    if (t instanceof CParser.UnaryExpressionContext u && (u.Sizeof() != null || u.Alignof() != null)) {
      return false;
    }
    for (int i = 0; i < t.getChildCount(); i++) if (containsCall(t.getChild(i))) return true;
    return false;
  }

  /**
   * A Return event for {@code return value;} after the value's calls; -1 stays unreachable. When
   * the value is a call's result ({@code return f(x);}, or {@code ptep = f(x); return ptep;}), the
   * node's test names that call, so that the caller's {@code if (!pte)} can tell this function's
   * exits apart by the callee's (a lock returned locked-or-NULL through a wrapper).
   */
  int returnValue(CParser.ExpressionContext value, int cur) {
    if (cur < 0) return cur;
    int node = graph.add(new Event.Return(paths.arg(value), source.loc(value)));
    Node.CallResultTest t = test(value, true);
    // 'ret = mutex_lock_interruptible(&m); if (ret) return ret;': the branch already told the
    // outcomes apart (and took the lock on its side); the return only passes the value on.
    if (t != null && !branchTested.contains(t.callNode())) graph.setTest(node, t);
    graph.edge(cur, node);
    return node;
  }
}
