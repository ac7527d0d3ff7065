package org.lockorder.frontend.c;

import java.util.List;
import java.util.regex.Pattern;
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

  /** A comment on one line (a multi-line one is kept, with its whitespace collapsed). */
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /**
   * Comments out, runs of whitespace as one space, trimmed. The patterns are compiled once and
   * skipped when they cannot match: this runs for every call's argument text.
   */
  static String normalize(String s) {
    if (s.indexOf("/*") >= 0) s = COMMENT.matcher(s).replaceAll(" ");
    if (needsCollapse(s)) s = WHITESPACE.matcher(s).replaceAll(" ");
    return s.trim();
  }

  /** Whether {@code s} has whitespace other than single spaces (what {@link #WHITESPACE} would change). */
  private static boolean needsCollapse(String s) {
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean white = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
      if (white && (space || c != ' ')) return true;
      space = white;
    }
    return false;
  }
}
