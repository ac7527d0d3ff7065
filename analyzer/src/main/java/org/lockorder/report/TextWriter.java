package org.lockorder.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.lockorder.analysis.AnalysisBounds;
import org.lockorder.source.Diagnostic;

/**
 * Compiler-style text: one {@code file:line:col: warning: … [LOnnn]} line per finding, followed by
 * the cycle and each thread's call chain, indented by call depth, then the diagnostics and a
 * summary line.
 */
public final class TextWriter {

  public void write(Report report, PrintWriter out) {
    for (Finding f : report.findings()) {
      writeFinding(f, out);
      out.println();
    }
    for (Diagnostic d : report.diagnostics()) out.println(d);
    Report.Stats s = report.stats();
    RunReview review = report.review();
    out.printf(
        "lockorder: %d finding%s (%d failing%s), %d diagnostic%s; %d file%s, %d of %d function bodies parsed, %d lock classes, %d edges%n",
        report.findings().size(), plural(report.findings().size()), report.failing(),
        review.suppressed() > 0 ? ", " + review.suppressed() + " suppressed" : "",
        report.diagnostics().size(), plural(report.diagnostics().size()), s.files(), plural(s.files()),
        s.functionBodiesParsed(), s.functionBodies(), s.lockClasses(), s.lockOrderEdges());
    writeReview(review, out);
    if (s.unresolvedClasses() > 0) {
      out.printf(
          "lockorder: note: %d member-lock class%s with an unknown owning struct (\"?.field\") left out of the graph; analyze the headers that declare them too%n",
          s.unresolvedClasses(), s.unresolvedClasses() == 1 ? "" : "es");
    }
    if (s.boundedFunctions() > 0) writeBounds(s.boundedFunctions(), s.bounds(), out);
    if (s.cycleSearch().truncated()) {
      out.printf("lockorder: note: cycle search stopped at its bound on %s; more cycles may exist%n", s.cycleSearch().reason());
    }
    out.flush();
  }

  /** Which bounds cut the analysis and how often: the user judges from this how much is cut off. */
  private static void writeBounds(int functions, AnalysisBounds b, PrintWriter out) {
    List<String> by = new ArrayList<>();
    if (b.heldStates() > 0) by.add(b.heldStates() + " with too many held-lock states at one point");
    if (b.exitEffects() > 0) by.add(b.exitEffects() + " with too many distinct lock effects at their returns");
    int inRecursions = b.recursions().stream().mapToInt(AnalysisBounds.Recursion::functions).sum();
    if (inRecursions > 0) by.add(inRecursions + " in recursions that did not settle");
    out.printf(
        "lockorder: note: in %d function%s a bound cut the held-lock analysis (%s); some paths there were not followed%n",
        functions, plural(functions), String.join(", ", by));
    for (AnalysisBounds.Recursion r : b.recursions()) {
      out.printf(
          "lockorder: note: the recursion of %d functions around %s stopped at its bound on %s before a fixpoint: findings through it depend on where it stopped%n",
          r.functions(), r.around(), String.join(" and ", r.stoppedBy()));
    }
  }

  private static void writeReview(RunReview review, PrintWriter out) {
    if (review.change() != null) {
      out.printf(
          "lockorder: --new-from-rev %s: only findings with an edge on changed lines are shown; %d other%s left out%n",
          review.change().rev(), review.change().outside(), review.change().outside() == 1 ? "" : "s");
    }
    RunReview.BaselineSummary b = review.baseline();
    if (b == null) return;
    if (b.updated()) {
      out.printf("lockorder: baseline %s updated: %d finding%s accepted%n", b.file(), b.unchanged(), plural(b.unchanged()));
      return;
    }
    out.printf(
        "lockorder: baseline %s: %d new, %d unchanged, %d stale (--fail-on %s)%n", b.file(), b.newFindings(), b.unchanged(),
        b.stale().size(), review.failOn());
    for (BaselineEntry e : b.stale()) out.printf("lockorder: stale baseline entry, no longer found: %s%n", e.describe());
  }

  private static void writeFinding(Finding f, PrintWriter out) {
    out.printf("%s:%d:%d: %s: %s [%s]%n", f.file(), f.line(), f.column(), f.severity(), f.message(), f.rule());
    if (f.rule().equals(Rule.LO001.id())) {
      StringBuilder chain = new StringBuilder("  cycle: ");
      for (int i = 0; i < f.threads().size(); i++) {
        ThreadTrace t = f.threads().get(i);
        chain.append(t.holds()).append(" (").append(t.holdsMode()).append(") -(").append(t.dependency()).append(")-> ");
      }
      chain.append(f.classes().get(0));
      out.println(chain);
    }
    int n = 1;
    for (ThreadTrace t : f.threads()) writeThread("thread " + n++, t, out);
    writeVerdict(f, out);
    if (f.suppressed()) {
      Suppression s = f.review().suppression();
      out.printf("  suppressed at %s:%d:%d: %s%n", s.file(), s.line(), s.column(), s.justification());
    }
    if (f.review().baseline() != null) {
      out.printf("  baseline: %s%s%n", f.review().baseline(), f.failing() ? "" : " (does not fail the run)");
    }
  }

  /**
   * One thread of a finding, or one witness of an edge ({@code lockorder explain}): what it holds
   * and acquires, then each step of its call chain, indented by call depth.
   */
  public static void writeThread(String label, ThreadTrace t, PrintWriter out) {
    if (t.holds().isEmpty()) {
      // An interrupt usage state (LO003): where the class is taken, in which context.
      out.printf("  %s: acquires %s (%s) {%s}%n", label, t.acquires(), t.acquiresMode(), t.dependency());
    } else {
      out.printf("  %s: holds %s (%s), then acquires %s (%s)%n", label, t.holds(), t.holdsMode(), t.acquires(), t.acquiresMode());
    }
    for (Step s : t.steps()) out.println("    " + step(s, t));
  }

  /**
   * The simulator's verdict with its reason and, for a confirmed deadlock, the timeline. The static
   * gate-lock remark only stands in for a reason when nothing was simulated: once the simulator ran,
   * its own reason says the same thing with evidence.
   */
  private static void writeVerdict(Finding f, PrintWriter out) {
    Simulation sim = f.simulation();
    if (sim.verdict() == Verdict.UNCHECKED && !f.gatedBy().isEmpty()) {
      out.printf("  not a deadlock: every thread holds %s, so they cannot interleave%n", String.join(", ", f.gatedBy()));
    }
    out.println("  verdict: " + Words.verdict(sim));
    if (sim.verdict() != Verdict.CONFIRMED || sim.schedule().isEmpty()) return;
    out.printf("  timeline (%d state%s explored):%n", sim.states(), plural(sim.states()));
    for (String line : Timeline.lines(sim)) out.println("    " + line);
    for (String line : Timeline.legend(sim)) out.println("    " + line);
  }

  private static String step(Step s, ThreadTrace t) {
    String where = s.line() > 0 ? s.file() + ":" + s.line() + ":" + s.column() : s.file();
    String indent = "  ".repeat(s.depth());
    String what =
        switch (s.event()) {
          case "entry" -> s.function() + "  [thread entry: " + t.entryReason() + "]";
          case "call" -> s.function() + " calls " + s.detail() + (s.via() == null ? "" : "  [via " + s.via() + "]");
          default -> s.function() + " acquires " + s.lock() + " (" + s.mode() + ")"
              + (s.line() > 0 ? " with " + s.detail() : " [lock model]");
        };
    return where + ": " + indent + what;
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
