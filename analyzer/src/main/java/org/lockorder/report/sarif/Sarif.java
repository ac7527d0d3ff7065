package org.lockorder.report.sarif;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small SARIF helpers: message objects and the escaping of text inside messages. */
final class Sarif {
  static final String VERSION = "2.1.0";
  static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  private Sarif() {}

  /** {@code {"text": s}}, the message form every consumer reads. */
  static ObjectNode text(String s) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.put("text", s);
    return m;
  }

  /**
   * Plain text made safe for a message that also has embedded links: SARIF reads {@code [x](n)}
   * as a link, so literal brackets and backslashes are escaped with a backslash.
   */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '[' || c == ']' || c == '\\') sb.append('\\');
      sb.append(c);
    }
    return sb.toString();
  }

  /** An embedded link to the related location {@code id}. */
  static String link(String text, int id) {
    return "[" + escape(text) + "](" + id + ")";
  }
}
