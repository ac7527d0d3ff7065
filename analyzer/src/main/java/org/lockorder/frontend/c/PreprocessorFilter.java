package org.lockorder.frontend.c;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.lockorder.frontend.c.antlr.CLexer;

/**
 * Interprets Directive tokens without expanding anything. Policy (docs/c-dialect.md): of each
 * conditional, the first branch that is not literally {@code #if 0}/{@code #elif 0} is taken and
 * every later branch is skipped; all other directives are dropped.
 */
final class PreprocessorFilter {
  private PreprocessorFilter() {}

  /** One open conditional. */
  private static final class Frame {
    final boolean parentActive;
    boolean taken;
    boolean active;

    Frame(boolean parentActive) {
      this.parentActive = parentActive;
    }
  }

  static List<Token> filter(List<? extends Token> tokens) {
    List<Token> out = new ArrayList<>(tokens.size());
    Deque<Frame> stack = new ArrayDeque<>();
    for (Token t : tokens) {
      boolean active = stack.isEmpty() || stack.peek().active;
      if (t.getType() != CLexer.Directive) {
        if (active) out.add(t);
        continue;
      }
      String keyword = keyword(t.getText());
      String rest = rest(t.getText(), keyword);
      switch (keyword) {
        case "if", "ifdef", "ifndef" -> {
          Frame f = new Frame(active);
          if (!active) {
            f.taken = true;
          } else if (keyword.equals("if") && isZero(rest)) {
            f.active = false;
          } else {
            f.active = true;
            f.taken = true;
          }
          stack.push(f);
        }
        case "elif", "elifdef", "elifndef" -> {
          if (stack.isEmpty()) break;
          Frame f = stack.peek();
          if (!f.parentActive || f.taken || (keyword.equals("elif") && isZero(rest))) {
            f.active = false;
          } else {
            f.active = true;
            f.taken = true;
          }
        }
        case "else" -> {
          if (stack.isEmpty()) break;
          Frame f = stack.peek();
          f.active = f.parentActive && !f.taken;
          f.taken = true;
        }
        case "endif" -> {
          if (!stack.isEmpty()) stack.pop();
        }
        default -> {
          // #include, #define, #undef, #pragma, #error, #warning, #line: nothing to keep.
        }
      }
    }
    return out;
  }

  private static String keyword(String directive) {
    int i = 1;
    while (i < directive.length() && Character.isWhitespace(directive.charAt(i))) i++;
    int start = i;
    while (i < directive.length() && Character.isLetter(directive.charAt(i))) i++;
    return directive.substring(start, i);
  }

  private static String rest(String directive, String keyword) {
    int at = directive.indexOf(keyword, 1);
    return at < 0 ? "" : directive.substring(at + keyword.length());
  }

  /** True for a condition that is literally 0, like '0', '(0)' or '0 /* disabled * /'. */
  static boolean isZero(String condition) {
    String c =
        condition
            .replaceAll("(?s)/\\*.*?\\*/", " ")
            .replaceAll("//.*", " ")
            .replace("\\\n", " ")
            .replaceAll("[\\s()]", "");
    return c.equals("0");
  }
}
