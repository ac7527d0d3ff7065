package org.lockorder.frontend.c;

import java.util.ArrayList;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The superclass of every context the generated C parser builds (the grammar's {@code
 * contextSuperClass}). Same behaviour as ANTLR's, cheaper in the two ways a kernel tree needs: an
 * expression is a chain of some fifteen contexts with one child each, for which ANTLR made a
 * children list of ten slots apiece (on Linux 6.1 fs/+mm/ about 2 GB of arrays); and the typed
 * child accessors ({@code ctx.declarator()}) walked the children with an iterator object per call.
 */
public class CParserContext extends ParserRuleContext {
  public CParserContext() {}

  public CParserContext(ParserRuleContext parent, int invokingStateNumber) {
    super(parent, invokingStateNumber);
  }

  @Override
  public <T extends ParseTree> T addAnyChild(T t) {
    if (children == null) children = new ArrayList<>(2);
    children.add(t);
    return t;
  }

  @Override
  public <T extends ParseTree> T getChild(Class<? extends T> type, int i) {
    if (children == null || i < 0 || i >= children.size()) return null;
    int seen = -1;
    for (int k = 0, n = children.size(); k < n; k++) {
      ParseTree child = children.get(k);
      if (type.isInstance(child) && ++seen == i) return type.cast(child);
    }
    return null;
  }

  @Override
  public TerminalNode getToken(int tokenType, int i) {
    if (children == null || i < 0 || i >= children.size()) return null;
    int seen = -1;
    for (int k = 0, n = children.size(); k < n; k++) {
      if (children.get(k) instanceof TerminalNode t && t.getSymbol().getType() == tokenType && ++seen == i) return t;
    }
    return null;
  }
}
