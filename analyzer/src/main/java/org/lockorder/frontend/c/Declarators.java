package org.lockorder.frontend.c;

import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.lockorder.frontend.c.antlr.CParser;
import org.lockorder.ir.CType;

/** Reads C declarators: the declared name, pointer levels, arrays, functions and fn pointers. */
final class Declarators {
  private Declarators() {}

  /** Function-pointer variables and fields get this CType name (docs/c-dialect.md). */
  static final String FNPTR = "fnptr";

  /**
   * What a declarator declares.
   *
   * @param function a function (its parameters in params), not a pointer to one
   * @param fnptr a pointer to a function (or an array of them)
   * @param returnsFnptr a function whose return type is a function pointer
   */
  record Info(
      String name,
      Token nameToken,
      int pointers,
      boolean array,
      boolean function,
      CParser.DeclaratorSuffixContext params,
      boolean fnptr,
      boolean returnsFnptr) {

    /** The declared object's type on top of the base type of the specifiers. */
    CType type(String base) {
      if (fnptr) return new CType(FNPTR, pointers, array);
      return new CType(base, pointers, array);
    }

    /** The return type when this declares a function. */
    CType returnType(String base) {
      if (returnsFnptr) return new CType(FNPTR, 0, false);
      return new CType(base, pointers, false);
    }
  }

  static Info of(CParser.DeclaratorContext d) {
    CParser.DirectDeclaratorContext dd = d.directDeclarator();
    return analyze(stars(d.pointer()), dd.Identifier(), dd.declarator(), dd.declaratorSuffix());
  }

  /** The name {@code d} declares, as {@code of(d).name()} without reading the rest of it. */
  static String name(CParser.DeclaratorContext d) {
    for (CParser.DirectDeclaratorContext dd = d.directDeclarator(); ; dd = dd.declarator().directDeclarator()) {
      if (dd.declarator() == null) return dd.Identifier() == null ? "" : dd.Identifier().getText();
    }
  }

  static Info of(CParser.SimpleDeclaratorContext d) {
    return analyze(stars(d.pointer()), d.Identifier(), null, d.declaratorSuffix());
  }

  private static Info analyze(
      int pointers,
      TerminalNode id,
      CParser.DeclaratorContext inner,
      List<CParser.DeclaratorSuffixContext> suffixes) {
    boolean array = suffixes.stream().anyMatch(s -> s.LeftBracket() != null);
    if (inner == null) {
      boolean function = !suffixes.isEmpty() && suffixes.get(0).LeftParen() != null;
      String name = id == null ? "" : id.getText();
      return new Info(
          name, id == null ? null : id.getSymbol(), pointers, !function && array, function,
          function ? suffixes.get(0) : null, false, false);
    }
    Info in = of(inner);
    boolean outerFunction = suffixes.stream().anyMatch(s -> s.LeftParen() != null);
    if (in.function) {
      return new Info(in.name, in.nameToken, pointers, false, true, in.params, false, outerFunction);
    }
    if (outerFunction) {
      return new Info(
          in.name, in.nameToken, Math.max(0, in.pointers - 1), in.array, false, null, true, false);
    }
    return new Info(
        in.name, in.nameToken, pointers + in.pointers, in.array || array, false, null, in.fnptr,
        false);
  }

  static int stars(CParser.PointerContext p) {
    return p == null ? 0 : p.Star().size();
  }

  /** Pointer levels and array/function shape of an abstract declarator (type names). */
  static CType abstractType(String base, CParser.AbstractDeclaratorContext a) {
    if (a == null) return new CType(base, 0, false);
    int pointers = stars(a.pointer());
    CParser.DirectAbstractDeclaratorContext d = a.directAbstractDeclarator();
    if (d == null) return new CType(base, pointers, false);
    boolean function = d.abstractDeclaratorSuffix().stream().anyMatch(s -> s.LeftParen() != null);
    if (d.abstractDeclarator() != null && function) return new CType(FNPTR, 0, false);
    boolean array = d.abstractDeclaratorSuffix().stream().anyMatch(s -> s.LeftBracket() != null);
    if (d.abstractDeclarator() != null) {
      CType inner = abstractType(base, d.abstractDeclarator());
      return new CType(inner.name(), inner.pointers() + pointers, inner.array() || array);
    }
    return new CType(base, pointers, array);
  }
}
