package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.lockorder.frontend.c.antlr.CParser;
import org.lockorder.ir.CType;
import org.lockorder.ir.Param;

/**
 * Names types: the base of a specifier list ("struct inode", "unsigned long", "spinlock_t") and
 * parameter lists. Anonymous structs get the name {@link #nameAnonymous} gave them (the typedef
 * or file-scope variable that declares them, or their owner and member: DeclarationExtractor,
 * StructExtractor), else a synthetic tag "__anon_LINE_COL". One instance per file.
 */
final class TypeNames {
  private final Map<CParser.StructOrUnionSpecifierContext, String> anonymousTags =
      new IdentityHashMap<>();

  /** Names an anonymous struct; the first name given wins. */
  void nameAnonymous(CParser.StructOrUnionSpecifierContext s, String name) {
    anonymousTags.putIfAbsent(s, name);
  }

  String tag(CParser.StructOrUnionSpecifierContext s) {
    if (s.Identifier() != null) return s.Identifier().getText();
    return anonymousTags.computeIfAbsent(
        s, k -> "__anon_" + k.getStart().getLine() + "_" + (k.getStart().getCharPositionInLine() + 1));
  }

  String base(List<CParser.TypeSpecifierContext> specifiers) {
    List<String> words = new ArrayList<>();
    for (CParser.TypeSpecifierContext t : specifiers) {
      if (t.structOrUnionSpecifier() != null) {
        CParser.StructOrUnionSpecifierContext s = t.structOrUnionSpecifier();
        return (s.structOrUnion().Union() != null ? "union " : "struct ") + tag(s);
      }
      if (t.enumSpecifier() != null) {
        CParser.EnumSpecifierContext e = t.enumSpecifier();
        return e.Identifier() != null ? "enum " + e.Identifier().getText() : "int";
      }
      if (t.typeofSpecifier() != null) return "typeof";
      if (t.TypedefName() != null) return t.TypedefName().getText();
      words.add(t.getText());
    }
    return words.isEmpty() ? "int" : String.join(" ", words);
  }

  String base(CParser.DeclarationSpecifiersContext d) {
    return base(d.typeSpecifier());
  }

  static boolean isStatic(CParser.DeclarationSpecifiersContext d) {
    return d != null && isStatic(d.storageClassSpecifier());
  }

  static boolean isStatic(List<CParser.StorageClassSpecifierContext> s) {
    return s.stream().anyMatch(c -> c.Static() != null);
  }

  static boolean isTypedef(CParser.DeclarationSpecifiersContext d) {
    return d.storageClassSpecifier().stream().anyMatch(c -> c.Typedef() != null);
  }

  CType typeName(CParser.TypeNameContext t) {
    return Declarators.abstractType(base(t.specifierQualifierList().typeSpecifier()), t.abstractDeclarator());
  }

  /** Parameters of a function declarator's '( ... )'; '(void)' is none. */
  List<Param> params(CParser.DeclaratorSuffixContext suffix) {
    List<Param> out = new ArrayList<>();
    if (suffix == null) return out;
    if (suffix.identifierList() != null) {
      suffix.identifierList().Identifier()
          .forEach(id -> out.add(new Param(id.getText(), new CType("int", 0, false))));
      return out;
    }
    if (suffix.parameterTypeList() == null) return out;
    for (CParser.ParameterDeclarationContext p : suffix.parameterTypeList().parameterDeclaration()) {
      if (p.declarationSpecifiers() != null) {
        String base = base(p.declarationSpecifiers());
        if (p.declarator() != null) {
          Declarators.Info info = Declarators.of(p.declarator());
          out.add(new Param(info.name(), info.function() ? new CType(Declarators.FNPTR, 0, false) : info.type(base)));
        } else {
          CType t = Declarators.abstractType(base, p.abstractDeclarator());
          if (t.name().equals("void") && t.pointers() == 0 && suffix.parameterTypeList().parameterDeclaration().size() == 1) {
            continue;
          }
          out.add(new Param("", t));
        }
      } else {
        String base = p.Identifier().getText();
        if (p.declarator() != null) {
          Declarators.Info info = Declarators.of(p.declarator());
          out.add(new Param(info.name(), info.type(base)));
        } else {
          out.add(new Param("", new CType(base, Declarators.stars(p.pointer()), false)));
        }
      }
    }
    return out;
  }
}
