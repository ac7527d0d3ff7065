package org.lockorder.frontend.c;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.lockorder.frontend.c.antlr.CLexer;
import org.lockorder.frontend.c.antlr.CParser;
import org.lockorder.ir.CType;
import org.lockorder.ir.StructDef;

/**
 * Finds every struct/union definition and enum in an item, nested ones included; anonymous
 * members without a declarator are flattened into their parent's fields.
 */
final class StructExtractor {
  private final SourceMap source;
  private final TypeNames types;
  private final UnitParts parts;

  /** The item's {@code struct}, {@code union} and {@code enum} keywords. */
  private final TokenPresence keywords;

  /** @param tokens the tokens the item's tree was parsed from */
  StructExtractor(SourceMap source, TypeNames types, UnitParts parts, List<Token> tokens) {
    this.source = source;
    this.types = types;
    this.parts = parts;
    this.keywords = TokenPresence.of(tokens, CLexer.Struct, CLexer.Union, CLexer.Enum);
  }

  /**
   * Every definition lies inside a subtree that contains its keyword, so a subtree without one
   * is not walked (walking every expression chain was a tenth of the extraction's time on Linux
   * 6.1).
   */
  void scan(ParseTree t) {
    if (!keywords.mayHold(t)) return;
    if (t instanceof CParser.StructOrUnionSpecifierContext s && s.LeftBrace() != null) {
      nameAnonymousMembers(s);
      if (!isFlattened(s)) {
        parts.structs.add(new StructDef(types.tag(s), s.structOrUnion().Union() != null,
            fields(s), source.loc(s.Identifier() != null ? s.Identifier().getSymbol() : s.getStart())));
      }
    }
    if (t instanceof CParser.EnumSpecifierContext e && e.LeftBrace() != null) {
      EnumEvaluator.collect(e, parts.enumConstants);
    }
    for (int i = 0; i < t.getChildCount(); i++) scan(t.getChild(i));
  }

  /**
   * Anonymous structs that type members of {@code s} are named after the member: in 6.1's
   * {@code struct drm_i915_gem_object { ... struct { spinlock_t lock; ... } vma; }} the inner
   * struct is {@code drm_i915_gem_object.vma}, so {@code &obj->vma.lock} is the class
   * {@code drm_i915_gem_object.vma.lock}, the way a kernel developer reads it. A synthetic tag
   * by line and column told nothing, and two files' structs at the same place shared it.
   * Runs before the struct's own fields are read (they name the inner struct's tag).
   */
  private void nameAnonymousMembers(CParser.StructOrUnionSpecifierContext s) {
    if (!isFlattened(s)) nameAnonymousMembers(s, null);
  }

  /** @param owner what {@code s}'s members are known by; null until needed ({@code s}'s tag) */
  private String nameAnonymousMembers(CParser.StructOrUnionSpecifierContext s, String owner) {
    for (CParser.StructDeclarationContext d : s.structDeclaration()) {
      if (d.specifierQualifierList() == null) continue;
      String member = null;
      if (d.structDeclaratorList() != null) {
        for (CParser.StructDeclaratorContext sd : d.structDeclaratorList().structDeclarator()) {
          String name = sd.declarator() == null ? "" : Declarators.of(sd.declarator()).name();
          if (!name.isEmpty()) {
            member = name;
            break;
          }
        }
        if (member == null) continue;
      }
      for (CParser.TypeSpecifierContext ts : d.specifierQualifierList().typeSpecifier()) {
        CParser.StructOrUnionSpecifierContext inner = ts.structOrUnionSpecifier();
        if (inner == null || inner.LeftBrace() == null || inner.Identifier() != null) continue;
        if (owner == null) owner = types.tag(s);
        // A flattened member ('union { ... };') is part of s: its members are s's.
        if (member == null) owner = nameAnonymousMembers(inner, owner);
        else types.nameAnonymous(inner, owner + "." + member);
      }
    }
    return owner;
  }

  /** An anonymous member without declarator ('union { ... };' inside a struct). */
  private static boolean isFlattened(CParser.StructOrUnionSpecifierContext s) {
    if (s.Identifier() != null) return false;
    ParseTree p = s.getParent();
    while (p != null && !(p instanceof CParser.StructDeclarationContext)) {
      if (p instanceof CParser.DeclarationContext) return false;
      p = p.getParent();
    }
    return p instanceof CParser.StructDeclarationContext d && d.structDeclaratorList() == null
        && d.specifierQualifierList() != null;
  }

  private Map<String, CType> fields(CParser.StructOrUnionSpecifierContext s) {
    Map<String, CType> fields = new LinkedHashMap<>();
    for (CParser.StructDeclarationContext d : s.structDeclaration()) {
      if (d.specifierQualifierList() != null) {
        String base = types.base(d.specifierQualifierList().typeSpecifier());
        if (d.structDeclaratorList() == null) {
          for (CParser.TypeSpecifierContext ts : d.specifierQualifierList().typeSpecifier()) {
            if (ts.structOrUnionSpecifier() != null && ts.structOrUnionSpecifier().LeftBrace() != null
                && ts.structOrUnionSpecifier().Identifier() == null) {
              fields(ts.structOrUnionSpecifier()).forEach(fields::putIfAbsent);
            }
          }
          continue;
        }
        for (CParser.StructDeclaratorContext sd : d.structDeclaratorList().structDeclarator()) {
          if (sd.declarator() != null) put(fields, Declarators.of(sd.declarator()), base);
        }
      } else if (d.simpleDeclarator() != null) {
        String base = d.Identifier().getText();
        put(fields, Declarators.of(d.simpleDeclarator()), base);
        for (CParser.StructDeclaratorContext sd : d.structDeclarator()) {
          if (sd.declarator() != null) put(fields, Declarators.of(sd.declarator()), base);
        }
      }
    }
    return fields;
  }

  private static void put(Map<String, CType> fields, Declarators.Info info, String base) {
    if (info.name().isEmpty()) return;
    CType type = info.function() ? new CType(Declarators.FNPTR, 0, false) : info.type(base);
    fields.putIfAbsent(info.name(), type);
  }
}
