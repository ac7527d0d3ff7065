package org.lockorder.frontend.c;

import java.util.List;
import org.antlr.v4.runtime.tree.ParseTree;
import org.lockorder.frontend.c.antlr.CLexer;
import org.lockorder.frontend.c.antlr.CParser;
import org.lockorder.ir.CType;
import org.lockorder.ir.FieldInit;

/**
 * Finds functions stored in struct fields by static initializers ('.write_iter = fn'); nested
 * designators join with '.', arrays of structs use the element's struct type.
 */
final class InitializerExtractor {
  private final SourceMap source;
  private final List<FieldInit> sink;

  InitializerExtractor(SourceMap source, List<FieldInit> sink) {
    this.source = source;
    this.sink = sink;
  }

  /** An initialized variable of type 'type'; only struct types (or arrays of them) count. */
  void extract(String variable, CType type, CParser.InitializerContext init) {
    String tag = type.tag();
    if (tag == null || type.pointers() > 0 || init == null || init.LeftBrace() == null) return;
    if (init.initializerList() == null) return;
    if (type.array()) {
      for (CParser.DesignatedInitializerContext di : init.initializerList().designatedInitializer()) {
        String path = designatorPath("", di.designation());
        CParser.InitializerContext element = di.initializer();
        if (element.LeftBrace() != null && path.isEmpty()) {
          struct(tag, variable, "", element);
        } else if (!path.isEmpty()) {
          value(tag, variable, path, element);
        }
      }
    } else {
      struct(tag, variable, "", init);
    }
  }

  private void struct(String tag, String variable, String prefix, CParser.InitializerContext init) {
    if (init.initializerList() == null) return;
    for (CParser.DesignatedInitializerContext di : init.initializerList().designatedInitializer()) {
      if (di.designation() == null) continue; // positional: the field is not named
      String path = designatorPath(prefix, di.designation());
      if (!path.equals(prefix)) value(tag, variable, path, di.initializer());
    }
  }

  private void value(String tag, String variable, String path, CParser.InitializerContext init) {
    if (init.LeftBrace() != null) {
      struct(tag, variable, path, init);
      return;
    }
    ParseTree e = init.assignmentExpression();
    ParseTree operand = Exprs.unaryOperand(e, CLexer.And);
    String name = Exprs.identifier(operand != null ? operand : e);
    if (name == null || name.equals("NULL")) return;
    CParser.PrimaryExpressionContext p =
        (CParser.PrimaryExpressionContext) Exprs.strip(operand != null ? operand : e);
    sink.add(new FieldInit(tag, variable, path, name, source.loc(p.getStart())));
  }

  /** Field designators joined with '.', index designators skipped. */
  private static String designatorPath(String prefix, CParser.DesignationContext d) {
    if (d == null) return prefix;
    StringBuilder path = new StringBuilder(prefix);
    if (d.Identifier() != null) {
      append(path, d.Identifier().getText());
      return path.toString();
    }
    for (CParser.DesignatorContext x : d.designator()) {
      if (x.Identifier() != null) append(path, x.Identifier().getText());
    }
    return path.toString();
  }

  private static void append(StringBuilder path, String field) {
    if (path.length() > 0) path.append('.');
    path.append(field);
  }
}
