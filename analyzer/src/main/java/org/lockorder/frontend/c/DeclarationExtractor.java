package org.lockorder.frontend.c;

import java.util.List;
import java.util.regex.Pattern;
import org.lockorder.frontend.c.antlr.CParser;
import org.lockorder.ir.CType;
import org.lockorder.ir.GlobalVar;
import org.lockorder.ir.LockAnnotation;
import org.lockorder.ir.Prototype;

/**
 * File-scope declarations without a body: typedefs, prototypes, global variables (also those
 * defined by 'static DEFINE_MUTEX(x);') and the function tables in their initializers.
 */
final class DeclarationExtractor {
  private static final Pattern DEFINING_MACRO = Pattern.compile("(DEFINE|DECLARE)_[A-Z0-9_]*");
  /** Per-CPU variables: (type, name, ...) arguments ({@link #perCpuGlobal}). */
  private static final Pattern PER_CPU_MACRO = Pattern.compile("(DEFINE|DECLARE)_PER_CPU(_[A-Z_]+)?");

  private final SourceMap source;
  private final TypeNames types;
  private final UnitParts parts;
  private final InitializerExtractor initializers;

  DeclarationExtractor(SourceMap source, TypeNames types, UnitParts parts) {
    this.source = source;
    this.types = types;
    this.parts = parts;
    this.initializers = new InitializerExtractor(source, parts.fieldInits);
  }

  /**
   * Names anonymous structs after their typedef, or after the file-scope variable they type (6.1
   * jfs's {@code static struct { ... spinlock_t LazyLock; ... } TxAnchor;}: its lock is
   * {@code TxAnchor.LazyLock}, as lockdep names it); must run before StructExtractor.scan.
   */
  void nameAnonymousStructs(CParser.ExternalItemContext item) {
    CParser.DeclarationContext d = item.declaration();
    if (d == null || d.declarationSpecifiers() == null || d.initDeclaratorList() == null) return;
    String name = Declarators.name(d.initDeclaratorList().initDeclarator(0).declarator());
    for (CParser.TypeSpecifierContext t : d.declarationSpecifiers().typeSpecifier()) {
      if (t.structOrUnionSpecifier() != null && t.structOrUnionSpecifier().Identifier() == null) {
        types.nameAnonymous(t.structOrUnionSpecifier(), name);
      }
    }
  }

  void extract(CParser.ExternalItemContext item, List<LockAnnotation> annotations) {
    if (item.declaration() != null && item.declaration().declarationSpecifiers() != null) {
      declaration(item.declaration(), annotations);
    } else if (item.unknownTypeDeclaration() != null) {
      CParser.UnknownTypeDeclarationContext u = item.unknownTypeDeclaration();
      String base = u.Identifier().getText();
      boolean isStatic = TypeNames.isStatic(u.storageClassSpecifier());
      Declarators.Info first = Declarators.of(u.simpleDeclarator());
      if (u.storageClassSpecifier().stream().anyMatch(s -> s.Typedef() != null)) {
        parts.typedefs.putIfAbsent(first.name(), first.type(base));
        return;
      }
      variable(first, base, isStatic, u.initTail(), annotations);
      for (CParser.InitDeclaratorContext d : u.initDeclarator()) {
        variable(Declarators.of(d.declarator()), base, isStatic, d.initTail(), annotations);
      }
    } else if (item.macroDeclaration() != null) {
      macroGlobal(item.macroDeclaration());
    }
  }

  private void declaration(CParser.DeclarationContext d, List<LockAnnotation> annotations) {
    CParser.DeclarationSpecifiersContext specs = d.declarationSpecifiers();
    if (d.initDeclaratorList() == null) return;
    String base = types.base(specs);
    boolean isStatic = TypeNames.isStatic(specs);
    for (CParser.InitDeclaratorContext id : d.initDeclaratorList().initDeclarator()) {
      Declarators.Info info = Declarators.of(id.declarator());
      if (TypeNames.isTypedef(specs)) {
        CType t = info.function() ? new CType(Declarators.FNPTR, 0, false) : info.type(base);
        parts.typedefs.putIfAbsent(info.name(), t);
      } else {
        variable(info, base, isStatic, id.initTail(), annotations);
      }
    }
  }

  private void variable(
      Declarators.Info info, String base, boolean isStatic, CParser.InitTailContext init,
      List<LockAnnotation> annotations) {
    if (info.name().isEmpty()) return;
    if (info.function()) {
      parts.prototypes.add(new Prototype(info.name(), source.loc(info.nameToken()),
          info.returnType(base), types.params(info.params()), annotations));
      return;
    }
    CType type = info.type(base);
    parts.globals.add(new GlobalVar(info.name(), type, isStatic, null, source.loc(info.nameToken())));
    if (init != null) initializers.extract(info.name(), type, init.initializer());
  }

  /** 'static DEFINE_MUTEX(foo);' defines the global 'foo'. */
  private void macroGlobal(CParser.MacroDeclarationContext m) {
    String macro = m.Identifier().getText();
    if (!DEFINING_MACRO.matcher(macro).matches()) return;
    List<CParser.ArgumentContext> args = m.argumentList().argument();
    if (PER_CPU_MACRO.matcher(macro).matches()) {
      perCpuGlobal(m, args);
      return;
    }
    if (args.isEmpty() || args.get(0).assignmentExpression() == null) return;
    if (args.get(0).getStart() != m.argumentList().getStart()) return; // FOO(, x)
    String name = Exprs.identifier(args.get(0).assignmentExpression());
    if (name == null) return;
    parts.globals.add(new GlobalVar(name, new CType(macro, 0, false),
        TypeNames.isStatic(m.storageClassSpecifier()), macro, source.loc(args.get(0).getStart())));
  }

  /**
   * 'static DEFINE_PER_CPU(struct lru_rotate, lru_rotate) = {...};' defines the per-CPU global
   * 'lru_rotate' of type 'struct lru_rotate' (the DECLARE_ and _ALIGNED forms too), so that a
   * lock in it ({@code local_lock(&lru_rotate.lock)}) is named from that struct.
   */
  private void perCpuGlobal(CParser.MacroDeclarationContext m, List<CParser.ArgumentContext> args) {
    if (args.size() < 2 || args.get(1).assignmentExpression() == null) return;
    String name = Exprs.identifier(args.get(1).assignmentExpression());
    CParser.ArgumentContext typeArg = args.get(0);
    CType type = null;
    if (typeArg.typeName() != null) {
      type = types.typeName(typeArg.typeName());
    } else if (typeArg.assignmentExpression() != null && Exprs.identifier(typeArg.assignmentExpression()) != null) {
      type = new CType(Exprs.identifier(typeArg.assignmentExpression()), 0, false); // a typedef name: local_lock_t
    }
    if (name == null || type == null) return;
    parts.globals.add(new GlobalVar(name, type, TypeNames.isStatic(m.storageClassSpecifier()), m.Identifier().getText(),
        source.loc(args.get(1).getStart())));
  }
}
