package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function-like {@code #define NAME(params) body} as written in a file, found by a text scan
 * that follows the same conditional policy as the parser (the first branch that is not literally
 * {@code #if 0} is the one that counts; see {@link PreprocessorFilter}).
 *
 * @param params the parameter names; a variadic macro's last parameter is {@code __VA_ARGS__}
 *     (for {@code ...}) or its GNU name (for {@code args...})
 * @param body the replacement text, comments removed and continuation lines joined
 */
public record MacroDefinition(String name, List<String> params, boolean variadic, String body, String file, int line) {

  private static final Pattern DEFINE =
      Pattern.compile("\\s*#\\s*define\\s+([A-Za-z_][A-Za-z0-9_]*)\\(([^)]*)\\)(.*)", Pattern.DOTALL);
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** A string or character literal. */
  private static final Pattern LITERAL = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'");

  /** Every function-like macro the file defines in the branches the parser reads, in order. */
  public static List<MacroDefinition> scan(String file, String text) {
    return scan(file, text, null);
  }

  private static final Pattern OBJECT_LIKE = Pattern.compile("\\s*#\\s*define\\s+([A-Za-z_][A-Za-z0-9_]*)(?:\\s+(.*))?", Pattern.DOTALL);

  /**
   * The same, also giving {@code objectLike} each object-like macro's name and body ({@code
   * #define FGP_LOCK 0x00000002}) in the branches read, in order.
   */
  public static List<MacroDefinition> scan(String file, String text, java.util.function.BiConsumer<String, String> objectLike) {
    List<MacroDefinition> out = new ArrayList<>();
    String[] lines = withoutComments(text).split("\n", -1);
    // One entry per open conditional: whether its current branch is read, and whether one was.
    java.util.ArrayDeque<boolean[]> open = new java.util.ArrayDeque<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int first = 0;
      while (first < line.length() && Character.isWhitespace(line.charAt(first))) first++;
      if (first >= line.length() || line.charAt(first) != '#') continue;
      int start = i;
      StringBuilder directive = new StringBuilder(line);
      while (endsWithBackslash(directive) && i + 1 < lines.length) {
        directive.setLength(directive.length() - 1 - trailingBlanks(directive));
        directive.append(' ').append(lines[++i]);
      }
      String d = directive.toString().trim().substring(1).trim();
      // The leading lower-case letters, without a regular expression: this runs once per directive
      // of every header (a pattern compiled per call was half the header scan on Linux 6.1).
      int k = 0;
      while (k < d.length() && d.charAt(k) >= 'a' && d.charAt(k) <= 'z') k++;
      String keyword = d.substring(0, k);
      String rest = d.substring(keyword.length());
      boolean active = open.isEmpty() || open.peek()[0];
      switch (keyword) {
        case "if", "ifdef", "ifndef" -> {
          boolean read = active && !(keyword.equals("if") && PreprocessorFilter.isZero(rest));
          open.push(new boolean[] {read, !active || read, active});
        }
        case "elif", "elifdef", "elifndef" -> {
          if (open.isEmpty()) break;
          boolean[] f = open.peek();
          f[0] = f[2] && !f[1] && !(keyword.equals("elif") && PreprocessorFilter.isZero(rest));
          f[1] |= f[0];
        }
        case "else" -> {
          if (open.isEmpty()) break;
          boolean[] f = open.peek();
          f[0] = f[2] && !f[1];
          f[1] = true;
        }
        case "endif" -> {
          if (!open.isEmpty()) open.pop();
        }
        case "define" -> {
          if (!active) break;
          MacroDefinition m = parse(directive.toString(), file, start + 1);
          if (m != null) {
            out.add(m);
          } else if (objectLike != null) {
            Matcher o = OBJECT_LIKE.matcher(directive);
            if (o.matches()) objectLike.accept(o.group(1), o.group(2) == null ? "" : o.group(2).trim());
          }
        }
        default -> {}
      }
    }
    return out;
  }

  /** The names the body mentions (string and character literals aside). */
  public List<String> identifiersInBody() {
    List<String> out = new ArrayList<>();
    // Most bodies hold no literal: the pattern is not run on them (every header macro is read).
    String code = body.indexOf('"') < 0 && body.indexOf('\'') < 0 ? body : LITERAL.matcher(body).replaceAll(" ");
    Matcher m = IDENTIFIER.matcher(code);
    while (m.find()) out.add(m.group());
    return out;
  }

  private static MacroDefinition parse(String directive, String file, int line) {
    Matcher m = DEFINE.matcher(directive);
    // Only function-like macros: the '(' must follow the name directly.
    if (!m.matches()) return null;
    List<String> params = new ArrayList<>();
    boolean variadic = false;
    String list = m.group(2).trim();
    if (!list.isEmpty()) {
      for (String p : list.split(",")) {
        String name = p.trim();
        if (name.endsWith("...")) {
          variadic = true;
          name = name.equals("...") ? "__VA_ARGS__" : name.substring(0, name.length() - 3).trim();
        }
        if (!IDENTIFIER.matcher(name).matches()) return null;
        params.add(name);
      }
    }
    return new MacroDefinition(m.group(1), List.copyOf(params), variadic, m.group(3).trim(), file, line);
  }

  private static boolean endsWithBackslash(StringBuilder s) {
    int end = s.length() - trailingBlanks(s);
    return end > 0 && s.charAt(end - 1) == '\\';
  }

  private static int trailingBlanks(StringBuilder s) {
    int n = 0;
    while (n < s.length() && (s.charAt(s.length() - 1 - n) == ' ' || s.charAt(s.length() - 1 - n) == '\t'
        || s.charAt(s.length() - 1 - n) == '\r')) n++;
    return n;
  }

  /** The text with every comment replaced by a space (newlines inside block comments kept). */
  static String withoutComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        out.append(' ');
        for (int k = i; k < end; k++) if (text.charAt(k) == '\n') out.append('\n');
        i = end;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i < n && text.charAt(i) != '\n') i++;
      } else if (c == '"' || c == '\'') {
        int k = i + 1;
        while (k < n && text.charAt(k) != c && text.charAt(k) != '\n') k += text.charAt(k) == '\\' ? 2 : 1;
        k = Math.min(k + 1, n);
        out.append(text, i, k);
        i = k;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
