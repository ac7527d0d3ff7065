package org.lockorder.report.html;

import java.util.Locale;

/** Escaping and number formatting for the HTML page and its SVG. */
final class Html {
  private Html() {}

  /** Text or attribute content with {@code & < > " '} escaped. */
  static String esc(String s) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A coordinate with one decimal, the same on every machine. */
  static String num(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }
}
