package org.lockorder.report.premerge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lockorder.report.Rule;
import org.lockorder.source.Diagnostic;
import org.lockorder.source.SourceText;

/**
 * Finds {@code lockorder-ignore} comments in a C file. The frontend drops comments, so this reads
 * the text itself: a small lexer that knows comments, string and character literals. A comment
 * whose first word is {@code lockorder-ignore} must name known rules and give a reason after a
 * colon; otherwise it is an error diagnostic at the keyword and suppresses nothing.
 */
public final class SuppressionScanner {
  public static final String KEYWORD = "lockorder-ignore";
  private static final Pattern FORM = Pattern.compile("(LO\\d+(?:\\s*,\\s*LO\\d+)*)\\s*(:?)\\s*(.*)", Pattern.DOTALL);
  private static final String EXAMPLE = "/* lockorder-ignore LO001: why this order cannot deadlock */";

  /** The markers in one file, and errors for malformed ones. */
  public record Result(List<SuppressionMarker> markers, List<Diagnostic> diagnostics) {}

  private SuppressionScanner() {}

  public static Result scan(SourceText source) {
    String s = source.text();
    if (!s.contains(KEYWORD)) return new Result(List.of(), List.of());
    List<Integer> lineStarts = new ArrayList<>(List.of(0));
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') lineStarts.add(i + 1);
    boolean[] code = new boolean[lineStarts.size() + 2];
    List<int[]> comments = new ArrayList<>();
    int i = 0;
    int line = 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : '\0';
      if (c == '/' && (next == '/' || next == '*')) {
        int end = next == '/' ? lineEnd(s, i) : blockEnd(s, i + 2);
        comments.add(new int[] {i, end});
        for (int j = i; j < end; j++) if (s.charAt(j) == '\n') line++;
        i = end;
        continue;
      }
      if (c == '\n') {
        line++;
      } else if (!Character.isWhitespace(c)) {
        code[line] = true;
      }
      if (c == '"' || c == '\'') {
        int end = literalEnd(s, i, c);
        for (int j = i + 1; j < end; j++) if (s.charAt(j) == '\n') line++;
        i = end;
        continue;
      }
      i++;
    }
    List<SuppressionMarker> markers = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    for (int[] cm : comments) {
      String body = s.substring(cm[0] + 2, s.charAt(cm[0] + 1) == '*' && cm[1] - 2 >= cm[0] + 2 && s.startsWith("*/", cm[1] - 2) ? cm[1] - 2 : cm[1]);
      String stripped = body.stripLeading();
      while (stripped.startsWith("*")) stripped = stripped.substring(1).stripLeading();
      if (!stripped.startsWith(KEYWORD)) continue;
      int at = cm[0] + 2 + body.indexOf(KEYWORD);
      int startLine = lineOf(lineStarts, cm[0]);
      int endLine = lineOf(lineStarts, Math.max(cm[0], cm[1] - 1));
      int column = at - lineStarts.get(lineOf(lineStarts, at) - 1) + 1;
      int kwLine = lineOf(lineStarts, at);
      String rest = stripped.substring(KEYWORD.length()).replaceAll("\\s*\\n\\s*\\*?\\s*", " ").strip();
      Matcher m = FORM.matcher(rest);
      if (!m.matches()) {
        diags.add(Diagnostic.error(source.path(), kwLine, column, KEYWORD + " needs a rule id and a reason, e.g. " + EXAMPLE));
        continue;
      }
      List<String> rules = List.of(m.group(1).split("\\s*,\\s*"));
      String unknown = rules.stream().filter(r -> Rule.byId(r) == null).findFirst().orElse(null);
      if (unknown != null) {
        diags.add(Diagnostic.error(source.path(), kwLine, column, KEYWORD + " names unknown rule " + unknown + " (rules: " + String.join(", ", Rule.all().stream().map(Rule::id).toList()) + ")"));
        continue;
      }
      String reason = m.group(3).strip();
      if (m.group(2).isEmpty() || reason.isEmpty()) {
        diags.add(Diagnostic.error(source.path(), kwLine, column, KEYWORD + " " + String.join(",", rules) + " has no reason; write one after a colon, e.g. " + EXAMPLE));
        continue;
      }
      boolean shared = code[startLine] || code[endLine];
      int applies = code[startLine] ? startLine : shared ? endLine : endLine + 1;
      markers.add(new SuppressionMarker(source.path(), kwLine, column, applies, rules, reason));
    }
    return new Result(markers, diags);
  }

  private static int lineEnd(String s, int from) {
    int nl = s.indexOf('\n', from);
    return nl < 0 ? s.length() : nl;
  }

  private static int blockEnd(String s, int from) {
    int end = s.indexOf("*/", from);
    return end < 0 ? s.length() : end + 2;
  }

  private static int literalEnd(String s, int from, char quote) {
    int j = from + 1;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == quote || c == '\n') return j + 1;
      j++;
    }
    return s.length();
  }

  private static int lineOf(List<Integer> starts, int offset) {
    int lo = 0;
    int hi = starts.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts.get(mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
