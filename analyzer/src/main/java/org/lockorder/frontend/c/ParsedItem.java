package org.lockorder.frontend.c;

import java.util.List;
import org.antlr.v4.runtime.Token;
import org.lockorder.frontend.c.antlr.CParser;

/**
 * One top-level item after parsing.
 *
 * @param tree the parse tree, or null when the item did not parse
 * @param offending where parsing failed, when it did
 * @param problem why, when it was not a syntax error (e.g. nesting too deep), else null
 * @param annotations sparse annotations that stood inside this item
 */
record ParsedItem(
    TopLevelSplitter.Item item,
    List<Token> tokens,
    CParser.TranslationItemContext tree,
    Token offending,
    String problem,
    List<TokenCleaner.RawAnnotation> annotations) {}
