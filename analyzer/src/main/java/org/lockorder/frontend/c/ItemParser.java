package org.lockorder.frontend.c;

import java.util.List;
import java.util.function.Consumer;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.lockorder.frontend.c.antlr.CParser;

/**
 * Parses one top-level item: SLL first (fast, and conflict-free on normal code by design), then
 * full LL only for an item that failed under SLL. A test can replace the strategy to watch for
 * ambiguities.
 */
final class ItemParser {
  /** The result: a tree, or the token where parsing failed. */
  record Outcome(CParser.TranslationItemContext tree, Token offending, String problem) {
    Outcome(CParser.TranslationItemContext tree, Token offending) {
      this(tree, offending, null);
    }

    boolean ok() {
      return tree != null;
    }
  }

  private final Consumer<CParser> diagnosticMode;

  /** @param diagnosticMode null for production; else configures one LL pass (tests) */
  ItemParser(Consumer<CParser> diagnosticMode) {
    this.diagnosticMode = diagnosticMode;
  }

  /** Never throws: a crash inside the parser (deep nesting) fails this item only. */
  Outcome parse(List<Token> tokens) {
    try {
      return parseOrThrow(tokens);
    } catch (StackOverflowError e) {
      return new Outcome(null, tokens.isEmpty() ? null : tokens.get(0), "nesting too deep");
    } catch (RuntimeException e) {
      return new Outcome(null, tokens.isEmpty() ? null : tokens.get(0), "internal parser error: " + e);
    }
  }

  private Outcome parseOrThrow(List<Token> tokens) {
    if (diagnosticMode != null) {
      CParser p = parser(tokens);
      diagnosticMode.accept(p);
      CParser.TranslationItemContext tree = p.translationItem();
      return p.getNumberOfSyntaxErrors() == 0 ? new Outcome(tree, null) : new Outcome(null, tokens.get(0));
    }
    try {
      return new Outcome(bailing(tokens, PredictionMode.SLL).translationItem(), null);
    } catch (ParseCancellationException sllFailed) {
      try {
        return new Outcome(bailing(tokens, PredictionMode.LL).translationItem(), null);
      } catch (ParseCancellationException e) {
        return new Outcome(null, offending(e, tokens));
      }
    }
  }

  /** Parses a stand-alone expression (an annotation argument); null when it does not parse. */
  static CParser.AssignmentExpressionContext expression(List<Token> tokens) {
    try {
      return bailing(tokens, PredictionMode.SLL).standaloneExpression().assignmentExpression();
    } catch (ParseCancellationException | StackOverflowError e) {
      return null;
    }
  }

  private static CParser bailing(List<Token> tokens, PredictionMode mode) {
    CParser p = parser(tokens);
    p.removeErrorListeners();
    p.setErrorHandler(new BailErrorStrategy());
    p.getInterpreter().setPredictionMode(mode);
    return p;
  }

  private static CParser parser(List<Token> tokens) {
    ListTokenSource source = new ListTokenSource(withEof(tokens));
    CParser p = new CParser(new CommonTokenStream(source));
    Prediction cache = PREDICTION.get();
    p.setInterpreter(new ParserATNSimulator(p, CParser._ATN, cache.decisions, cache.contexts));
    p.setBuildParseTree(true);
    return p;
  }

  /**
   * ANTLR's prediction cache (one DFA per decision, and the prediction contexts), one per parser
   * thread instead of the generated parser's one shared by all: threads that add states to a
   * shared DFA synchronize on it and write to the same memory, which made two parser threads
   * slower on Linux 6.1 than one. A cache only speeds up prediction; the trees are the same.
   */
  private static final class Prediction {
    final DFA[] decisions = new DFA[CParser._ATN.getNumberOfDecisions()];
    final PredictionContextCache contexts = new PredictionContextCache();

    Prediction() {
      for (int i = 0; i < decisions.length; i++) decisions[i] = new DFA(CParser._ATN.getDecisionState(i), i);
    }
  }

  private static final ThreadLocal<Prediction> PREDICTION = ThreadLocal.withInitial(Prediction::new);

  private static List<Token> withEof(List<Token> tokens) {
    Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    CommonToken eof = new CommonToken(Token.EOF, "<EOF>");
    if (last != null) {
      eof.setLine(last.getLine());
      eof.setCharPositionInLine(last.getCharPositionInLine() + last.getText().length());
      eof.setStartIndex(last.getStopIndex() + 1);
      eof.setStopIndex(last.getStopIndex());
    }
    return java.util.stream.Stream.concat(tokens.stream(), java.util.stream.Stream.of(eof)).toList();
  }

  private static Token offending(ParseCancellationException e, List<Token> tokens) {
    if (e.getCause() instanceof RecognitionException re && re.getOffendingToken() != null) {
      return re.getOffendingToken();
    }
    return tokens.isEmpty() ? null : tokens.get(0);
  }

  static boolean isFailure(ParserRuleContext ctx) {
    return ctx == null || ctx.exception != null;
  }
}
