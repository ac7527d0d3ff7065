package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.lockorder.frontend.c.antlr.CLexer;

/**
 * Cuts a cleaned token stream into top-level items before parsing, so one broken function cannot
 * hide the rest of the file: a function definition ends at its closing brace, anything else at
 * the ';' at brace depth 0 (or, for a macro call like 'module_init(x)' without ';', at the end of
 * its line).
 */
final class TopLevelSplitter {
  private TopLevelSplitter() {}

  /**
   * Tokens [start, end) of one item.
   *
   * @param functionBody the item ends with a '{...}' that follows a ')' (a function body)
   * @param unclosedBrace the '{' still open at end of file, else null
   */
  record Item(int start, int end, boolean functionBody, Token unclosedBrace) {}

  /** What the splitter found. strayBraces are '}' with no matching '{'; they are dropped. */
  record Result(List<Item> items, List<Token> strayBraces) {}

  static Result split(List<Token> tokens) {
    List<Item> items = new ArrayList<>();
    List<Token> stray = new ArrayList<>();
    int start = 0;
    int depth = 0;
    int parens = 0;
    boolean function = false;
    boolean sawAssign = false;
    Token openBrace = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      int type = t.getType();
      if (type == CLexer.RightBrace && depth == 0) {
        if (i > start) items.add(new Item(start, i, false, null));
        stray.add(t);
        start = i + 1;
        parens = 0;
        function = false;
        sawAssign = false;
        continue;
      }
      switch (type) {
        case CLexer.LeftParen -> parens++;
        case CLexer.RightParen -> {
          parens = Math.max(0, parens - 1);
          if (depth == 0 && parens == 0 && endsMacroLine(tokens, start, i)) {
            items.add(new Item(start, i + 1, false, null));
            start = i + 1;
            sawAssign = false;
          }
        }
        case CLexer.Assign -> {
          if (depth == 0) sawAssign = true;
        }
        case CLexer.LeftBrace -> {
          if (depth == 0) {
            openBrace = t;
            function = !sawAssign && i > start && tokens.get(i - 1).getType() == CLexer.RightParen;
          }
          depth++;
        }
        case CLexer.RightBrace -> {
          depth--;
          if (depth == 0 && function) {
            items.add(new Item(start, i + 1, true, null));
            start = i + 1;
            parens = 0;
            function = false;
            sawAssign = false;
          }
        }
        case CLexer.Semi -> {
          if (depth == 0 && parens == 0) {
            items.add(new Item(start, i + 1, false, null));
            start = i + 1;
            sawAssign = false;
          }
        }
        default -> {}
      }
    }
    if (start < tokens.size()) {
      items.add(new Item(start, tokens.size(), depth > 0 && function, depth > 0 ? openBrace : null));
    }
    return new Result(items, stray);
  }

  /**
   * True when tokens [start, close] are '[storage] NAME ( ... )' and the next token starts a
   * new line and cannot continue the item: a macro used as a declaration without ';'.
   */
  private static boolean endsMacroLine(List<Token> tokens, int start, int close) {
    if (close + 1 >= tokens.size()) return false;
    Token next = tokens.get(close + 1);
    if (next.getLine() <= tokens.get(close).getLine()) return false;
    int nt = next.getType();
    if (nt == CLexer.LeftBrace || nt == CLexer.Semi || nt == CLexer.Assign
        || nt == CLexer.LeftParen || nt == CLexer.Comma || nt == CLexer.LeftBracket) {
      return false;
    }
    int i = start;
    while (i < close && isStorage(tokens.get(i).getType())) i++;
    if (i + 1 >= close || tokens.get(i).getType() != CLexer.Identifier) return false;
    if (tokens.get(i + 1).getType() != CLexer.LeftParen) return false;
    int depth = 0;
    for (int j = i + 1; j <= close; j++) {
      int type = tokens.get(j).getType();
      if (type == CLexer.LeftParen) depth++;
      else if (type == CLexer.RightParen && --depth == 0) return j == close;
    }
    return false;
  }

  private static boolean isStorage(int type) {
    return type == CLexer.Static || type == CLexer.Extern;
  }
}
