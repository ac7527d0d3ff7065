package org.lockorder.frontend.c;

import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Where the tokens of a few types lie in the list an item was parsed from, so that a walk looking
 * for constructs that always contain one of them can skip the subtrees that contain none: found
 * by the subtree's first and last token index, without visiting it. Function bodies are mostly
 * expressions, each a chain of some fifteen contexts, and a walk that visits them all costs as
 * much as building them.
 *
 * <p>A walk may skip a subtree only when every node it acts on holds one of the types within its
 * own tokens; the node's ancestors then hold it too, and are never skipped.
 */
final class TokenPresence {
  /**
   * The stream indices of the tokens of the chosen types, ascending; null when the tokens'
   * indices are not their positions in the list, and nothing is skipped.
   */
  private final int[] positions;

  private TokenPresence(int[] positions) {
    this.positions = positions;
  }

  /** @param tokens the tokens an item's tree was parsed from */
  static TokenPresence of(List<Token> tokens, int... types) {
    int[] found = new int[8];
    int n = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.getTokenIndex() != i) return new TokenPresence(null);
      int type = t.getType();
      for (int wanted : types) {
        if (type != wanted) continue;
        if (n == found.length) found = Arrays.copyOf(found, 2 * n);
        found[n++] = i;
        break;
      }
    }
    return new TokenPresence(Arrays.copyOf(found, n));
  }

  /** Whether the token indices are the tokens' positions, so that {@link #mayHold} can say no. */
  boolean indexed() {
    return positions != null;
  }

  /** False only when no token of the chosen types lies within {@code t}. */
  boolean mayHold(ParseTree t) {
    if (positions == null || !(t instanceof ParserRuleContext r) || r.getStart() == null || r.getStop() == null) {
      return true;
    }
    int from = r.getStart().getTokenIndex();
    int at = Arrays.binarySearch(positions, from);
    if (at >= 0) return true;
    at = -at - 1;
    return at < positions.length && positions[at] <= r.getStop().getTokenIndex();
  }
}
