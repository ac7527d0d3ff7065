package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.lockorder.frontend.c.antlr.CLexer;
import org.lockorder.frontend.c.antlr.CParser;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Assignment;
import org.lockorder.ir.CType;
import org.lockorder.ir.Function;
import org.lockorder.ir.LockAnnotation;
import org.lockorder.ir.Location;
import org.lockorder.ir.Param;

/**
 * Builds a Function from a definition: signature, locals, assignments worth keeping, the CFG.
 * Also records FieldInits of block-scope static initializers.
 */
final class FunctionExtractor {
  private final SourceMap source;
  private final TypeNames types;
  private final AccessPaths paths;
  private final InitializerExtractor initializers;
  /** The tokens the item was parsed from. */
  private final List<Token> tokens;
  /**
   * Where they hold {@code ;} and {@code =}: every declaration ends with a {@code ;} and every
   * assignment {@link #scan} keeps has its {@code =}, so a subtree without either is not walked.
   */
  private final TokenPresence marks;
  /** Macros whose use in a body declares their first argument ({@code XA_STATE(xas, ...);}). */
  private final DeclaringMacros declaring;

  /** @param tokens the tokens the item's tree was parsed from */
  FunctionExtractor(SourceMap source, TypeNames types, UnitParts parts, List<Token> tokens) {
    this(source, types, parts, tokens, DeclaringMacros.NONE);
  }

  FunctionExtractor(SourceMap source, TypeNames types, UnitParts parts, List<Token> tokens, DeclaringMacros declaring) {
    this.source = source;
    this.types = types;
    this.declaring = declaring;
    this.paths = new AccessPaths(source);
    this.initializers = new InitializerExtractor(source, parts.fieldInits);
    this.tokens = tokens;
    this.marks = TokenPresence.of(tokens, CLexer.Semi, CLexer.Assign);
  }

  /** The function an item defines, or null when the item is no function definition. */
  Function extract(CParser.ExternalItemContext item, List<LockAnnotation> annotations) {
    if (item.functionDefinition() != null) {
      CParser.FunctionDefinitionContext f = item.functionDefinition();
      Declarators.Info info = Declarators.of(f.declarator());
      String base = types.base(f.declarationSpecifiers());
      return build(info.name(), info.nameToken(), TypeNames.isStatic(f.declarationSpecifiers()),
          info.returnType(base), types.params(info.params()), f.compoundStatement(), annotations);
    }
    if (item.unknownTypeFunctionDefinition() != null) {
      CParser.UnknownTypeFunctionDefinitionContext f = item.unknownTypeFunctionDefinition();
      Declarators.Info info = Declarators.of(f.simpleDeclarator());
      return build(info.name(), info.nameToken(), TypeNames.isStatic(f.storageClassSpecifier()),
          info.returnType(f.Identifier().getText()), types.params(info.params()),
          f.compoundStatement(), annotations);
    }
    if (item.macroFunctionDefinition() != null) return macroFunction(item.macroFunctionDefinition(), annotations);
    return null;
  }

  /** 'SYSCALL_DEFINE3(write, unsigned int, fd, ...) { }' is 'sys_write(unsigned int fd, ...)'. */
  private Function macroFunction(CParser.MacroFunctionDefinitionContext m, List<LockAnnotation> annotations) {
    String macro = m.Identifier().getText();
    List<CParser.ArgumentContext> args = m.argumentList().argument();
    boolean syscall = macro.matches("(COMPAT_)?SYSCALL_DEFINE\\d*") && !args.isEmpty();
    String name = syscall ? "sys_" + args.get(0).getText() : macro;
    Token nameToken = syscall ? args.get(0).getStart() : m.Identifier().getSymbol();
    List<Param> params = new ArrayList<>();
    for (int i = syscall ? 1 : args.size(); i + 1 < args.size(); i += 2) {
      CParser.ArgumentContext type = args.get(i);
      CType t = type.typeName() != null ? types.typeName(type.typeName())
          : new CType(source.text(type), 0, false);
      params.add(new Param(args.get(i + 1).getText(), t));
    }
    return build(name, nameToken, TypeNames.isStatic(m.storageClassSpecifier()),
        new CType(syscall ? "long" : "int", 0, false), params, m.compoundStatement(), annotations);
  }

  private Function build(
      String name, Token nameToken, boolean isStatic, CType returnType, List<Param> params,
      CParser.CompoundStatementContext body, List<LockAnnotation> annotations) {
    Map<String, CType> locals = new LinkedHashMap<>();
    List<Assignment> assignments = new ArrayList<>();
    bodyLocals = locals;
    scan(body, locals, assignments);
    bodyLocals = Map.of();
    Set<String> pointers = new HashSet<>(locals.keySet());
    params.forEach(p -> pointers.add(p.name()));
    Set<String> flags = new HashSet<>();
    locals.forEach((v, type) -> {
      if (type.isBool()) flags.add(v);
    });
    BodyVariables variables =
        StableVariables.of(params.stream().map(Param::name).toList(), body, tokens, marks, flags);
    CfgBuilder builder = new CfgBuilder(source, pointers, variables);
    org.lockorder.ir.Cfg cfg = builder.build(body);
    Location at = source.loc(nameToken);
    Map<String, Location> pointerSince = new java.util.TreeMap<>();
    Set<String> followed = builder.followed();
    for (String v : pointers) {
      if (v.isEmpty() || variables.untracked().contains(v)) continue;
      // A variable whose every assignment is a CFG node: a path says since when (ADR-006).
      Token since = followed.contains(v) ? null : variables.lockedSince(v);
      pointerSince.put(v, since == null ? at : source.loc(since));
    }
    Map<String, java.util.List<Location>> resultCalls = new java.util.TreeMap<>(builder.resultCalls());
    resultCalls.keySet().removeIf(v -> !locals.containsKey(v) || variables.untracked().contains(v));
    Map<String, java.util.List<String>> bitFlags = new java.util.TreeMap<>(variables.bitFlags());
    bitFlags.keySet().removeIf(v -> !locals.containsKey(v) || locals.get(v).pointers() > 0 || locals.get(v).array());

    Map<String, String> constantLocals = new java.util.TreeMap<>(variables.constantLocals());
    constantLocals.keySet().retainAll(bitFlags.keySet());
    return new Function(name, at, isStatic, returnType, params, locals, annotations, assignments, cfg, pointerSince,
        resultCalls, bitFlags, constantLocals, new java.util.TreeSet<>(variables.stable()),
        new java.util.TreeSet<>(variables.assignedMembers()));
  }

  /** Collects locals and assignments from the whole body, in source order. */
  private void scan(ParseTree t, Map<String, CType> locals, List<Assignment> assignments) {
    if (!marks.mayHold(t)) return;
    if (t instanceof CParser.DeclarationContext d && d.declarationSpecifiers() != null
        && d.initDeclaratorList() != null && !TypeNames.isTypedef(d.declarationSpecifiers())) {
      String base = types.base(d.declarationSpecifiers());
      boolean isStatic = TypeNames.isStatic(d.declarationSpecifiers());
      for (CParser.InitDeclaratorContext id : d.initDeclaratorList().initDeclarator()) {
        local(Declarators.of(id.declarator()), base, id.initTail(), isStatic, locals, assignments);
      }
    } else if (t instanceof CParser.UnknownTypeBlockDeclarationContext u) {
      String base = u.Identifier(0).getText();
      boolean array = u.declaratorSuffix().stream().anyMatch(s -> s.LeftBracket() != null);
      Token nameToken = u.Identifier(1).getSymbol();
      local(new Declarators.Info(nameToken.getText(), nameToken, 0, array, false, null, false, false),
          base, u.initTail(), TypeNames.isStatic(u.storageClassSpecifier()), locals, assignments);
      for (CParser.InitDeclaratorContext id : u.initDeclarator()) {
        local(Declarators.of(id.declarator()), base, id.initTail(), false, locals, assignments);
      }
    } else if (t instanceof CParser.BlockMacroDeclarationContext m
        && !m.argumentList().argument().isEmpty()) {
      String name = Exprs.identifier(m.argumentList().argument(0));
      CType declared = declaring.typeOf(m.Identifier().getText());
      if (name != null) locals.putIfAbsent(name, declared != null ? declared : new CType(m.Identifier().getText(), 0, false));
    } else if (t instanceof CParser.ExpressionStatementContext s && s.expression() != null && !declaring.isEmpty()) {
      macroDeclared(s.expression(), locals);
    } else if (t instanceof CParser.AssignmentExpressionContext a && a.assignmentOperator() != null
        && a.assignmentOperator().Assign() != null) {
      AccessPath target = paths.of(a.conditionalExpression());
      assign(target, a.assignmentExpression(), a.getStart(), assignments);
    } else if (t instanceof CParser.IdentifierStatementContext s && s.assignmentOperator() != null
        && s.assignmentOperator().Assign() != null) {
      AccessPath target = paths.ofNameChain(s.Identifier().getSymbol(), s.postfixSuffix());
      assign(target, s.assignmentExpression(), s.getStart(), assignments);
    }
    for (int i = 0; i < t.getChildCount(); i++) scan(t.getChild(i), locals, assignments);
  }

  /**
   * {@code XA_STATE(xas, &mapping->i_pages, index);}: a statement that calls a macro whose
   * definition declares its first argument declares that local (the call stays in the CFG).
   */
  private void macroDeclared(CParser.ExpressionContext e, Map<String, CType> locals) {
    CParser.PostfixExpressionContext call = Exprs.call(e);
    String macro = call == null ? null : Exprs.directCallee(call);
    CType type = macro == null ? null : declaring.typeOf(macro);
    if (type == null) return;
    CParser.ArgumentListContext args = call.postfixSuffix(0).argumentList();
    if (args == null || !(args.getChild(0) instanceof CParser.ArgumentContext first)) return;
    String name = Exprs.identifier(first);
    if (name != null) locals.putIfAbsent(name, type);
  }

  private void local(
      Declarators.Info info, String base, CParser.InitTailContext init, boolean isStatic,
      Map<String, CType> locals, List<Assignment> assignments) {
    if (info.name().isEmpty()) return;
    CType type = info.function() ? new CType(Declarators.FNPTR, 0, false) : info.type(base);
    locals.putIfAbsent(info.name(), type);
    if (init == null || init.initializer() == null) return;
    if (isStatic) initializers.extract(info.name(), type, init.initializer());
    else if (init.initializer().LeftBrace() != null) literalFields(info, type, init.initializer(), assignments);
    if (init.initializer().assignmentExpression() != null) {
      AccessPath target = new AccessPath(new AccessPath.Var(info.name()), List.of(), false, info.name());
      assign(target, init.initializer().assignmentExpression(), info.nameToken(), assignments);
    }
  }

  /** The locals of the body being scanned (declarations come before their uses). */
  private Map<String, CType> bodyLocals = Map.of();

  /**
   * A store into a local struct (not through a pointer) of a value no rule above keeps ('ops.hole
   * = x ? a : b', 'walk = *other'): kept without a value path, so that what a call passing the
   * struct passes is known not to be only its initializer (ADR-008).
   */
  private void storedUnread(AccessPath target, ParserRuleContext value, Token at, List<Assignment> out, boolean literal) {
    if (!(target.root() instanceof AccessPath.Var v) || target.indexed()) return;
    CType type = bodyLocals.get(v.name());
    if (type == null || type.tag() == null || type.pointers() > 0 || type.array()) return;
    out.add(new Assignment(target, new Arg(source.text(value), null, null), source.loc(at), literal));
  }

  /**
   * A local struct's designated initializer ({@code struct mm_walk walk = { .ops = ops };}): each
   * field given a name or an address is an assignment {@code walk.ops = ops}, so that a call
   * passing {@code &walk} passes the ops table with it (ADR-008).
   */
  private void literalFields(
      Declarators.Info info, CType type, CParser.InitializerContext init, List<Assignment> assignments) {
    if (type.tag() == null || type.pointers() > 0 || type.array() || init.initializerList() == null) return;
    for (CParser.DesignatedInitializerContext di : init.initializerList().designatedInitializer()) {
      CParser.DesignationContext d = di.designation();
      if (d == null || d.Identifier() == null && (d.designator().size() != 1 || d.designator(0).Identifier() == null)) continue;
      if (di.initializer().assignmentExpression() == null) continue;
      String field = d.Identifier() != null ? d.Identifier().getText() : d.designator(0).Identifier().getText();
      AccessPath target = new AccessPath(new AccessPath.Var(info.name()), List.of(field), false, info.name() + "." + field);
      assign(target, di.initializer().assignmentExpression(), info.nameToken(), assignments, true);
    }
  }

  /**
   * Keeps 'lhs = name', 'lhs = &path' (casts and parentheses stripped), a call's result, and a
   * whole variable given a member ('ops = walk->ops', ADR-008).
   */
  private void assign(AccessPath target, ParserRuleContext value, Token at, List<Assignment> out) {
    assign(target, value, at, out, false);
  }

  private void assign(AccessPath target, ParserRuleContext value, Token at, List<Assignment> out, boolean literal) {
    if (target == null) return;
    ParseTree v = Exprs.strip(value);
    ParseTree operand = Exprs.unaryOperand(v, CLexer.And);
    boolean bare = Exprs.identifier(v) != null;
    // 'ptl = huge_pte_lock(h, mm, pte)': a lock pointer a function returns (a call-result path).
    boolean called = !bare && operand == null && Exprs.call(v) != null;
    boolean member = !bare && operand == null && !called && target.fields().isEmpty();
    if (!bare && operand == null && !called && !member) {
      storedUnread(target, value, at, out, literal);
      return;
    }
    AccessPath path = paths.of(value);
    if (path == null || called && (!(path.root() instanceof AccessPath.CallResult) || !path.fields().isEmpty())) return;
    if (member && (!(path.root() instanceof AccessPath.Var) || path.fields().isEmpty() || path.indexed()
        || !path.text().equals(source.text(value)))) {
      storedUnread(target, value, at, out, literal);
      return;
    }
    out.add(new Assignment(target, new Arg(source.text(value), path, null), source.loc(at), literal));
  }
}
