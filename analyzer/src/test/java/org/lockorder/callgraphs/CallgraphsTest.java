package org.lockorder.callgraphs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;
import org.lockorder.report.Finding;
import org.lockorder.report.Report;
import org.lockorder.report.Step;
import org.lockorder.report.ThreadTrace;
import org.lockorder.source.Diagnostic;

/**
 * The executable specification: every example under callgraphs/ is analyzed on its own and its
 * findings must match its inline expectations exactly. An unexpected finding fails; so does an
 * expected one that is missing, a parse error, and a known gap that starts passing.
 */
class CallgraphsTest {
  static final Path ROOT = Path.of("callgraphs");

  @TestFactory
  Stream<DynamicTest> callgraphs() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(ROOT)) {
      files = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
    }
    assertTrue(files.size() >= 20, "callgraphs/ should hold the scenario corpus, found " + files.size());
    Tally tally = new Tally();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files) tests.add(DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> check(f, tally)));
    tests.add(
        DynamicTest.dynamicTest(
            "corpus tally",
            () -> {
              System.out.printf(
                  "callgraphs: %d files, %d expected findings matched, %d known gaps, %d known false positives%n",
                  tally.files, tally.matched, tally.gaps, tally.fps);
              assertTrue(tally.files == files.size(), "every file was checked");
            }));
    return tests.stream();
  }

  private static final class Tally {
    int files;
    int matched;
    int gaps;
    int fps;
  }

  private static void check(Path file, Tally tally) throws Exception {
    ExpectationParser.Parsed parsed = ExpectationParser.parse(Files.readString(file, StandardCharsets.UTF_8));
    List<String> problems = new ArrayList<>(parsed.errors());
    if (parsed.expectations().isEmpty() && !parsed.expectsNone()) {
      problems.add("the file has no expectation; write /* expect-none */ if it expects no finding");
    }
    if (!parsed.expectations().isEmpty() && parsed.expectsNone()) {
      problems.add("the file says expect-none but also has expectations");
    }
    Report report = new Pipeline(PipelineOptions.defaults().withPerFile(true)).run(List.of(file.toString()));
    for (Diagnostic d : report.diagnostics()) problems.add("diagnostic: " + d);
    Set<Finding> matched = new HashSet<>();
    for (Expectation e : parsed.expectations()) {
      Finding hit = null;
      for (Finding f : report.findings()) if (!matched.contains(f) && matches(e, f)) hit = f;
      switch (e.kind()) {
        case EXPECT, FP -> {
          if (hit == null) problems.add("missing: " + e);
          else matched.add(hit);
          if (hit != null) checkVerdict(e, hit, problems);
          if (e.kind() == Expectation.Kind.FP) tally.fps++;
          else if (hit != null) tally.matched++;
        }
        case GAP -> {
          tally.gaps++;
          if (hit != null) {
            matched.add(hit);
            problems.add("known gap now found; turn it into an 'expect': " + e);
          }
        }
      }
    }
    for (Finding f : report.findings()) {
      if (!matched.contains(f)) problems.add("unexpected: " + describe(f));
    }
    tally.files++;
    if (!problems.isEmpty()) fail(file + ":\n  " + String.join("\n  ", problems));
  }

  /**
   * The simulator's verdict must be the one written; a not-reproduced gated finding must name its
   * gate lock in the reason.
   */
  private static void checkVerdict(Expectation e, Finding f, List<String> problems) {
    if (!e.verdict().equals(f.verdict())) {
      problems.add("verdict of " + e + ": got " + f.verdict() + " (" + f.simulation().reason() + ")");
      return;
    }
    for (String gate : f.gatedBy()) {
      if (f.verdict().equals("not-reproduced") && !f.simulation().reason().contains(gate)) {
        problems.add("verdict of " + e + " does not name the gate lock " + gate + ": " + f.simulation().reason());
      }
    }
    if (f.verdict().equals("confirmed") && f.simulation().schedule().isEmpty()) {
      problems.add("confirmed without a schedule: " + e);
    }
  }

  static boolean matches(Expectation e, Finding f) {
    if (!e.rule().equals(f.rule())) return false;
    if (e.gated() != !f.gatedBy().isEmpty()) return false;
    if (!e.canonical().equals(f.classes())) return false;
    return lines(f).contains(e.line());
  }

  /** Every line a finding's witness passes through, in the finding's file. */
  static Set<Integer> lines(Finding f) {
    Set<Integer> lines = new HashSet<>();
    lines.add(f.line());
    for (ThreadTrace t : f.threads()) for (Step s : t.steps()) if (s.file() != null && s.file().equals(f.file())) lines.add(s.line());
    return lines;
  }

  private static String describe(Finding f) {
    return f.rule() + (f.gatedBy().isEmpty() ? "" : " gated") + ": " + String.join(" -> ", f.classes())
        + " at line " + f.line() + " (witness lines " + new java.util.TreeSet<>(lines(f)) + ")";
  }
}
