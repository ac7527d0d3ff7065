package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.lockorder.frontend.c.antlr.CLexer;

/**
 * Drops attribute-like words (SkipWords) and their argument lists so the grammar never sees
 * them, and captures sparse annotations with the position they had in the cleaned stream.
 */
final class TokenCleaner {
  private TokenCleaner() {}

  /**
   * A sparse annotation found in the token stream.
   *
   * @param position index in the cleaned token list of the token that followed it
   */
  record RawAnnotation(String kind, Token word, List<Token> argument, int position) {}

  record Result(List<Token> tokens, List<RawAnnotation> annotations) {}

  static Result clean(List<Token> in) {
    List<Token> out = new ArrayList<>(in.size());
    List<RawAnnotation> annotations = new ArrayList<>();
    int i = 0;
    while (i < in.size()) {
      Token t = in.get(i);
      if (t.getType() != CLexer.Identifier) {
        out.add(t);
        i++;
        continue;
      }
      String w = t.getText();
      if (SkipWords.BARE.contains(w)) {
        i++;
      } else if (SkipWords.WITH_ARGUMENTS.contains(w)) {
        i = skipGroup(in, i + 1);
      } else if (SkipWords.ANNOTATIONS.contains(w)) {
        int end = skipGroup(in, i + 1);
        List<Token> arg = end - 1 > i + 2 ? in.subList(i + 2, end - 1) : List.of();
        annotations.add(
            new RawAnnotation(SkipWords.annotationKind(w), t, List.copyOf(arg), out.size()));
        i = end;
      } else {
        out.add(t);
        i++;
      }
    }
    return new Result(out, annotations);
  }

  /** Index after the balanced parenthesized group starting at {@code at}, if there is one. */
  private static int skipGroup(List<Token> in, int at) {
    if (at >= in.size() || in.get(at).getType() != CLexer.LeftParen) return at;
    int depth = 0;
    for (int i = at; i < in.size(); i++) {
      int type = in.get(i).getType();
      if (type == CLexer.LeftParen) depth++;
      else if (type == CLexer.RightParen && --depth == 0) return i + 1;
    }
    return in.size();
  }
}
