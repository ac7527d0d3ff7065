package org.lockorder.frontend.c;

import java.util.Set;

/**
 * The shape of a call-wrapping macro: a replacement text that is one call and nothing else, in
 * parentheses or not ({@code #define ext4_mark_inode_dirty(h, i) __ext4_mark_inode_dirty((h), (i),
 * __func__, __LINE__)}). Read on the text, so that choosing the macros to expand lexes none.
 */
final class CallWrapper {
  private CallWrapper() {}

  /** Names that look like a call and are not one. */
  private static final Set<String> NOT_CALLS = Set.of(
      "if", "while", "for", "switch", "return", "do", "else", "case", "goto", "sizeof", "typeof",
      "__typeof__", "__typeof", "typeof_unqual", "__typeof_unqual__", "_Generic", "_Static_assert",
      "static_assert", "asm", "__asm__", "__asm", "__attribute__", "__attribute", "defined", "alignof",
      "_Alignof", "__alignof__", "offsetof", "__extension__", "volatile", "__volatile__");

  /**
   * The name the macro's replacement calls, when the replacement is that one call; null otherwise,
   * or when the name is one of the macro's parameters, a keyword or a compiler builtin.
   */
  static String callee(MacroDefinition d) {
    String b = d.body();
    int start = 0;
    int end = b.length();
    while (true) {
      while (start < end && Character.isWhitespace(b.charAt(start))) start++;
      while (end > start && Character.isWhitespace(b.charAt(end - 1))) end--;
      if (start < end && b.charAt(start) == '(' && closing(b, start, end) == end - 1) {
        start++;
        end--;
      } else {
        break;
      }
    }
    int name = start;
    if (name >= end || !Character.isJavaIdentifierStart(b.charAt(name)) || b.charAt(name) == '$') return null;
    int k = name + 1;
    while (k < end && (Character.isLetterOrDigit(b.charAt(k)) || b.charAt(k) == '_')) k++;
    String callee = b.substring(name, k);
    while (k < end && Character.isWhitespace(b.charAt(k))) k++;
    if (k >= end || b.charAt(k) != '(' || closing(b, k, end) != end - 1) return null;
    if (NOT_CALLS.contains(callee) || callee.startsWith("__builtin") || d.params().contains(callee)
        || callee.equals(d.name())) return null;
    return callee;
  }

  /** The index of the ')' that closes the '(' at {@code open}, skipping literals; -1 if none before {@code end}. */
  private static int closing(String b, int open, int end) {
    int depth = 0;
    for (int i = open; i < end; i++) {
      char c = b.charAt(i);
      if (c == '"' || c == '\'') {
        i = literalEnd(b, i, end);
        if (i < 0) return -1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int literalEnd(String b, int at, int end) {
    char quote = b.charAt(at);
    for (int i = at + 1; i < end; i++) {
      char c = b.charAt(i);
      if (c == '\\') i++;
      else if (c == quote) return i;
    }
    return -1;
  }
}
