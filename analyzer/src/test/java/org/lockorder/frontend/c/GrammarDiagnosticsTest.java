package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Parses the example corpus and our own test corpus with exact ambiguity detection: any
 * ambiguity, full-context retry or context sensitivity means the grammar is not SLL-clean on
 * normal code, and fails the test with file:line and the rule.
 */
class GrammarDiagnosticsTest {

  static List<Path> corpus() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("callgraphs"), Path.of("analyzer/src/test/resources/frontend/c"))) {
      if (!Files.isDirectory(root)) continue;
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".h"))
            .filter(p -> !p.getFileName().toString().startsWith("broken_"))
            .sorted()
            .forEach(files::add);
      }
    }
    return files;
  }

  @TestFactory
  Stream<DynamicTest> grammarIsSllCleanOnTheCorpus() throws IOException {
    return corpus().stream()
        .map(file -> DynamicTest.dynamicTest(file.toString(), () -> check(file)));
  }

  private static void check(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();
    FileParser parser =
        new FileParser(
            Set.of(),
            p -> {
              p.removeErrorListeners();
              p.getInterpreter().setPredictionMode(PredictionMode.LL_EXACT_AMBIG_DETECTION);
              p.addErrorListener(new Watcher(file, problems));
            });
    parser.parse(text);
    if (!problems.isEmpty()) fail(String.join("\n", problems));
  }

  /** Collects every prediction problem with its position and rule. */
  private static final class Watcher extends BaseErrorListener {
    private final Path file;
    private final List<String> problems;

    Watcher(Path file, List<String> problems) {
      this.file = file;
      this.problems = problems;
    }

    private void add(Parser p, String what, int startIndex) {
      var token = p.getTokenStream().get(startIndex);
      String rule = p.getRuleNames()[p.getContext().getRuleIndex()];
      problems.add(
          file + ":" + token.getLine() + ":" + (token.getCharPositionInLine() + 1) + ": " + what
              + " in rule " + rule + " at '" + token.getText() + "'");
    }

    @Override
    public void reportAmbiguity(
        Parser p, DFA dfa, int start, int stop, boolean exact, BitSet alts, ATNConfigSet c) {
      add(p, "ambiguity " + alts, start);
    }

    @Override
    public void reportAttemptingFullContext(
        Parser p, DFA dfa, int start, int stop, BitSet alts, ATNConfigSet c) {
      add(p, "full-context attempt " + alts, start);
    }

    @Override
    public void reportContextSensitivity(
        Parser p, DFA dfa, int start, int stop, int prediction, ATNConfigSet c) {
      add(p, "context sensitivity", start);
    }
  }
}
