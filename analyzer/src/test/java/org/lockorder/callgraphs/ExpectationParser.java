package org.lockorder.callgraphs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the expectations written in a callgraphs/ file's comments (syntax in docs/callgraphs.md).
 */
final class ExpectationParser {
  private static final Pattern EXPECT =
      Pattern.compile("\\bexpect(-gap|-fp)?\\s+(LO\\d{3})(\\s+gated)?\\s*:\\s*(.*?)\\s*(?:\\*/|$)");
  private static final Pattern VERDICT = Pattern.compile("\\[(confirmed|not-reproduced|inconclusive)\\]\\s*$");
  private static final Pattern NONE = Pattern.compile("\\bexpect-none\\b");

  /** The expectations of a file, and whether it declared that it expects none. */
  record Parsed(List<Expectation> expectations, boolean expectsNone, List<String> errors) {}

  static Parsed parse(String text) {
    List<Expectation> out = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    boolean none = false;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (NONE.matcher(line).find()) none = true;
      Matcher m = EXPECT.matcher(line);
      boolean found = false;
      // Every expectation on the line counts: one comment each, as docs/callgraphs.md writes them.
      while (m.find()) {
        found = true;
        Expectation e = expectation(m, i + 1, errors);
        if (e != null) out.add(e);
      }
      if (!found && line.matches(".*\\bexpect(-gap|-fp)?\\b.*LO\\d.*")) {
        errors.add("line " + (i + 1) + ": malformed expectation: " + line.trim());
      }
    }
    return new Parsed(out, none, errors);
  }

  private static Expectation expectation(Matcher m, int lineNo, List<String> errors) {
    Expectation.Kind kind =
        m.group(1) == null ? Expectation.Kind.EXPECT : m.group(1).equals("-gap") ? Expectation.Kind.GAP : Expectation.Kind.FP;
    String body = m.group(4);
    String reason = "";
    int dash = body.indexOf('—');
    if (dash >= 0) {
      reason = body.substring(dash + 1).trim();
      body = body.substring(0, dash);
    }
    String verdict = m.group(3) != null ? "not-reproduced" : "confirmed";
    Matcher v = VERDICT.matcher(body);
    if (v.find()) {
      verdict = v.group(1);
      body = body.substring(0, v.start());
    } else if (body.contains("[")) {
      errors.add("line " + lineNo + ": unknown verdict in " + body.trim() + "; write [confirmed], [not-reproduced] or [inconclusive]");
    }
    List<String> classes = new ArrayList<>();
    for (String c : body.split("->")) if (!c.isBlank()) classes.add(c.trim());
    if (classes.isEmpty()) {
      errors.add("line " + lineNo + ": expectation names no lock class");
      return null;
    }
    if (kind != Expectation.Kind.EXPECT && reason.isEmpty()) {
      errors.add("line " + lineNo + ": expect-gap and expect-fp need a reason after '—'");
    }
    return new Expectation(kind, m.group(2), m.group(3) != null, classes, lineNo, reason, verdict);
  }

  private ExpectationParser() {}
}
