package org.lockorder.frontend.c;

import java.util.List;
import org.antlr.v4.runtime.Token;
import org.lockorder.frontend.c.antlr.CLexer;

/** Names an item from its tokens alone, for messages about items that did not parse. */
final class ItemNames {
  private ItemNames() {}

  /** The identifier before the first '(' at depth 0, which names a function or a macro. */
  static String guess(List<Token> tokens) {
    for (int i = 1; i < tokens.size(); i++) {
      if (tokens.get(i).getType() == CLexer.LeftParen) {
        Token before = tokens.get(i - 1);
        if (before.getType() == CLexer.Identifier) return before.getText();
        if (before.getType() == CLexer.RightParen) continue;
      }
    }
    return tokens.isEmpty() ? "?" : tokens.get(0).getText();
  }
}
