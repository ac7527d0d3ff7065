package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.junit.jupiter.api.Test;
import org.lockorder.frontend.c.antlr.CParser;

/**
 * The parser's contexts answer the typed child accessors exactly as ANTLR's own definition says
 * (the n-th child of a class, the n-th token of a type, among the children in order), on every
 * context of every item in the example corpus.
 */
class CParserContextTest {

  @Test
  void typedAccessorsFindWhatAScanOfTheChildrenFinds() throws IOException {
    int contexts = 0;
    for (Path file : GrammarDiagnosticsTest.corpus()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (ParsedItem item : new FileParser(Set.of(), null).parse(text).items()) {
        if (item.tree() != null) contexts += check(item.tree());
      }
    }
    assertTrue(contexts > 100_000, "the corpus gives many contexts to check: " + contexts);
  }

  private static int check(ParserRuleContext ctx) {
    assertInstanceOf(CParserContext.class, ctx);
    int checked = 1;
    List<ParseTree> children = ctx.children == null ? List.of() : ctx.children;
    for (Class<? extends ParseTree> type : List.of(
        CParser.ExpressionContext.class, CParser.DeclaratorContext.class, CParser.StatementContext.class,
        CParser.AssignmentExpressionContext.class, TerminalNode.class)) {
      List<ParseTree> ofType = new ArrayList<>();
      for (ParseTree c : children) if (type.isInstance(c)) ofType.add(c);
      for (int i = -1; i <= ofType.size(); i++) {
        ParseTree expected = i >= 0 && i < ofType.size() ? ofType.get(i) : null;
        assertEquals(expected, ctx.getChild(type, i), type.getSimpleName() + " #" + i);
      }
    }
    for (int tokenType : new int[] {CParser.Identifier, CParser.Comma, CParser.LeftParen}) {
      List<TerminalNode> ofType = new ArrayList<>();
      for (ParseTree c : children) if (c instanceof TerminalNode t && t.getSymbol().getType() == tokenType) ofType.add(t);
      for (int i = 0; i <= ofType.size(); i++) {
        assertEquals(i < ofType.size() ? ofType.get(i) : null, ctx.getToken(tokenType, i));
      }
    }
    assertNull(ctx.getToken(CParser.Identifier, children.size()));
    for (ParseTree c : children) if (c instanceof ParserRuleContext r) checked += check(r);
    return checked;
  }
}
