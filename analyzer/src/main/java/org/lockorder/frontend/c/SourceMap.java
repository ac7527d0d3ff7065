package org.lockorder.frontend.c;

import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.lockorder.ir.Location;

/** Maps tokens and parse trees back to the file: locations and whitespace-normalized text. */
record SourceMap(String path, String text) {

  Location loc(Token t) {
    if (t == null) return new Location(path, 1, 1);
    return new Location(path, t.getLine(), t.getCharPositionInLine() + 1);
  }

  Location loc(ParserRuleContext ctx) {
    return loc(ctx.getStart());
  }

  String text(ParserRuleContext ctx) {
    return text(ctx.getStart(), ctx.getStop());
  }

  String text(List<Token> tokens) {
    if (tokens.isEmpty()) return "";
    return text(tokens.get(0), tokens.get(tokens.size() - 1));
  }

  /** The source between two tokens with runs of whitespace collapsed to one space. */
  String text(Token first, Token last) {
    if (first == null || last == null) return "";
    int from = first.getStartIndex();
    int to = last.getStopIndex() + 1;
    if (first instanceof ExpandedToken || last instanceof ExpandedToken) {
      // Part of a macro expansion: the text is the invocation the user wrote.
      from = Math.min(ExpandedToken.spanStart(first), ExpandedToken.spanStart(last));
      to = Math.max(ExpandedToken.spanStop(first), ExpandedToken.spanStop(last)) + 1;
    }
    if (from < 0 || to > text.length() || from >= to) return first.getText();
    return normalize(text.substring(from, to));
  }

  static String normalize(String s) {
    return s.replaceAll("/\\*.*?\\*/", " ").replaceAll("\\s+", " ").trim();
  }
}
