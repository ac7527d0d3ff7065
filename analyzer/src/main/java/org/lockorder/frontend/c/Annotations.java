package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.List;
import org.lockorder.frontend.c.antlr.CParser;
import org.lockorder.ir.Arg;
import org.lockorder.ir.LockAnnotation;

/** Turns captured sparse annotations into LockAnnotations with a parsed argument. */
final class Annotations {
  private Annotations() {}

  static List<LockAnnotation> of(List<TokenCleaner.RawAnnotation> raw, SourceMap source) {
    AccessPaths paths = new AccessPaths(source);
    List<LockAnnotation> out = new ArrayList<>();
    for (TokenCleaner.RawAnnotation a : raw) {
      CParser.AssignmentExpressionContext e = a.argument().isEmpty() ? null : ItemParser.expression(a.argument());
      Arg arg = e != null ? paths.arg(e) : new Arg(source.text(a.argument()), null, null);
      out.add(new LockAnnotation(a.kind(), arg, source.loc(a.word())));
    }
    return out;
  }
}
