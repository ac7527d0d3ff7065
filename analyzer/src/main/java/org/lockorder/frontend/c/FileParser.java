package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.lockorder.frontend.c.antlr.CLexer;
import org.lockorder.frontend.c.antlr.CParser;

/**
 * The parsing pipeline of one file: lex, interpret preprocessor lines, drop attribute words,
 * split into top-level items, then re-tag typedef names and parse item by item in file order.
 */
final class FileParser {
  /** Everything parsing produced. */
  record Result(List<ParsedItem> items, List<Token> strayBraces) {}

  private final Set<String> extraTypeNames;
  private final ItemParser itemParser;

  private final MacroExpander expander;

  FileParser(Set<String> extraTypeNames, Consumer<CParser> diagnosticMode) {
    this(extraTypeNames, diagnosticMode, LockMacros.none());
  }

  FileParser(Set<String> extraTypeNames, Consumer<CParser> diagnosticMode, LockMacros macros) {
    this.extraTypeNames = extraTypeNames;
    this.itemParser = new ItemParser(diagnosticMode);
    this.expander = new MacroExpander(macros);
  }

  Result parse(String text) {
    CLexer lexer = lexer(text);
    List<? extends Token> raw = lexer.getAllTokens();
    TokenCleaner.Result cleaned = TokenCleaner.clean(PreprocessorFilter.filter(raw));
    List<Token> tokens = cleaned.tokens();
    TopLevelSplitter.Result split = TopLevelSplitter.split(tokens);
    TypedefTracker typedefs = new TypedefTracker(extraTypeNames);
    List<ParsedItem> items = new ArrayList<>(split.items().size());
    int nextAnnotation = 0;
    List<TokenCleaner.RawAnnotation> annotations = cleaned.annotations();
    for (TopLevelSplitter.Item item : split.items()) {
      List<TokenCleaner.RawAnnotation> mine = new ArrayList<>();
      while (nextAnnotation < annotations.size()
          && annotations.get(nextAnnotation).position() < item.end()) {
        if (annotations.get(nextAnnotation).position() >= item.start()) {
          mine.add(annotations.get(nextAnnotation));
        }
        nextAnnotation++;
      }
      List<Token> itemTokens = typedefs.retag(tokens, item.start(), item.end());
      ItemParser.Outcome outcome;
      if (item.unclosedBrace() != null) {
        outcome = new ItemParser.Outcome(null, item.unclosedBrace());
      } else {
        outcome = null;
        List<Token> expanded = expander.expand(itemTokens);
        if (expanded != itemTokens) {
          // An expansion the grammar cannot read costs the item its lock wrappers, not its body.
          List<Token> retagged = typedefs.retag(expanded, 0, expanded.size());
          ItemParser.Outcome e = itemParser.parse(retagged);
          if (e.ok()) {
            outcome = e;
            itemTokens = retagged;
          }
        }
        if (outcome == null) outcome = itemParser.parse(itemTokens);
      }
      learnNames(outcome.tree(), itemTokens, typedefs);
      items.add(new ParsedItem(
          item, itemTokens, outcome.tree(), outcome.offending(), outcome.problem(), mine));
    }
    return new Result(items, split.strayBraces());
  }

  /**
   * A lexer for {@code text} whose tokens keep their text: the passes after it (cleaning,
   * typedef re-tagging, macro expansion, the extractors) ask most tokens for it several times,
   * and ANTLR's tokens otherwise cut a new string from the input at every call.
   */
  static CLexer lexer(String text) {
    CLexer lexer = new CLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.setTokenFactory(TOKENS_WITH_TEXT);
    return lexer;
  }

  private static final CommonTokenFactory TOKENS_WITH_TEXT = new CommonTokenFactory(true);

  /** Typedef names flow from item to item in file order. */
  private static void learnNames(
      CParser.TranslationItemContext tree, List<Token> tokens, TypedefTracker typedefs) {
    if (tree == null) {
      learnFromTokens(tokens, typedefs);
      return;
    }
    CParser.ExternalItemContext item = tree.externalItem();
    if (item.declaration() != null && item.declaration().declarationSpecifiers() != null) {
      CParser.DeclarationContext d = item.declaration();
      boolean isTypedef =
          d.declarationSpecifiers().storageClassSpecifier().stream()
              .anyMatch(s -> s.Typedef() != null);
      if (d.initDeclaratorList() != null) {
        for (CParser.InitDeclaratorContext id : d.initDeclaratorList().initDeclarator()) {
          String name = Declarators.name(id.declarator());
          if (isTypedef) typedefs.declareTypedef(name);
          else typedefs.declareOrdinary(name);
        }
      }
    } else if (item.unknownTypeDeclaration() != null) {
      CParser.UnknownTypeDeclarationContext u = item.unknownTypeDeclaration();
      boolean isTypedef = u.storageClassSpecifier().stream().anyMatch(s -> s.Typedef() != null);
      String name = Declarators.of(u.simpleDeclarator()).name();
      if (isTypedef) typedefs.declareTypedef(name);
      else typedefs.declareOrdinary(name);
    } else if (item.functionDefinition() != null) {
      typedefs.declareOrdinary(Declarators.name(item.functionDefinition().declarator()));
    }
  }

  /**
   * For a typedef that did not parse: the name inside '(*name)' of a function-pointer typedef,
   * else the identifier just before the final ';'.
   */
  private static void learnFromTokens(List<Token> tokens, TypedefTracker typedefs) {
    if (tokens.size() < 3 || tokens.get(0).getType() != CLexer.Typedef) return;
    for (int i = 1; i + 1 < tokens.size(); i++) {
      if (tokens.get(i - 1).getType() == CLexer.Star
          && isName(tokens.get(i))
          && tokens.get(i + 1).getType() == CLexer.RightParen) {
        typedefs.declareTypedef(tokens.get(i).getText());
        return;
      }
    }
    Token beforeSemi = tokens.get(tokens.size() - 2);
    if (tokens.get(tokens.size() - 1).getType() == CLexer.Semi && isName(beforeSemi)) {
      typedefs.declareTypedef(beforeSemi.getText());
    }
  }

  private static boolean isName(Token t) {
    return t.getType() == CLexer.Identifier || t.getType() == CLexer.TypedefName;
  }
}
