package org.lockorder.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.lockorder.analysis.AnalysisResult;
import org.lockorder.analysis.LockClass;
import org.lockorder.analysis.LockOrderEdge;
import org.lockorder.graph.LockOrderGraph;
import org.lockorder.graph.OrderPath;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.Version;
import org.lockorder.report.Explanation;
import org.lockorder.report.FindingAssembler;
import org.lockorder.report.JsonOutput;
import org.lockorder.report.TextWriter;
import org.lockorder.report.ThreadTrace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lockorder explain}: why does the lock-order graph take one class before another? The
 * witness of the edge, or of each edge of the shortest chain between them: the question a kernel
 * developer asks of a documented lock order the analysis sees inverted.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Say why the analysis orders lock class FROM before lock class TO: the call chain of each thread that acquires TO "
          + "while holding FROM, or, when no thread does so directly, of each edge on the shortest chain of locks from "
          + "FROM to TO.",
      "Example: explain --from address_space.i_mmap_rwsem --to mm_struct.mmap_lock fs/ mm/ -I include",
    },
    footer = {
      "",
      "Exit codes: 0 every order is explained, 1 the analysis never orders some FROM before its TO, 2 usage error "
          + "(an unknown class is one; the message lists classes whose names contain it).",
    })
final class ExplainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "CLASS", description = "The lock class held, as reports name it (inode.i_rwsem, dentry.d_lock/1). Repeatable: the n-th --from goes with the n-th --to, and all pairs are explained from one analysis.")
  List<String> from = new java.util.ArrayList<>();

  @Option(names = "--to", required = true, paramLabel = "CLASS", description = "The lock class acquired while FROM is held.")
  List<String> to = new java.util.ArrayList<>();

  @Option(names = "--cache-dir", paramLabel = "DIR", description = "Keep parsed files in DIR between runs, as for analyze.")
  Path cacheDir;

  enum Format { text, json }

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json (docs/json-output.md: the same chains and witnesses, for tools).")
  Format format = Format.text;

  @CommandLine.Mixin ProgramInput input = new ProgramInput();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (from.size() != to.size()) return usage(err, "give as many --to as --from (" + from.size() + " against " + to.size() + ")");
    Pipeline.Program program = input.load(err, cacheDir);
    if (program == null) return ExitCodes.USAGE_ERROR;
    AnalysisResult result = program.result();
    List<LockOrderEdge> edges = result.edges().stream().filter(e -> e.from().resolved() && e.to().resolved()).toList();
    TreeMap<String, LockClass> classes = new TreeMap<>();
    for (LockOrderEdge e : edges) {
      classes.put(e.from().toString(), e.from());
      classes.put(e.to().toString(), e.to());
    }
    for (String name : concat(from, to)) {
      if (classes.containsKey(name)) continue;
      List<String> near = classes.keySet().stream().filter(c -> c.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))).limit(12).toList();
      return usage(err, "no lock class '" + name + "' in the lock-order graph"
          + (near.isEmpty() ? "" : "; classes whose names contain it: " + String.join(", ", near)));
    }
    LockOrderGraph graph = new LockOrderGraph(edges);
    FindingAssembler traces = new FindingAssembler(result.entryReasons());
    int exit = ExitCodes.OK;
    List<Explanation> explained = new java.util.ArrayList<>();
    for (int i = 0; i < from.size(); i++) {
      Explanation e = explanation(classes.get(from.get(i)), classes.get(to.get(i)), graph, traces);
      if (!e.ordered()) exit = ExitCodes.FINDINGS;
      explained.add(e);
    }
    if (format == Format.json) {
      try {
        JsonOutput.write(new Explanation.Output("lockorder", Version.get(), explained), out);
      } catch (java.io.IOException e) {
        err.println("lockorder: error: cannot write the output: " + e.getMessage());
        return ExitCodes.USAGE_ERROR;
      }
    } else {
      for (int i = 0; i < explained.size(); i++) {
        if (i > 0) out.println();
        write(explained.get(i), out);
      }
    }
    out.flush();
    return exit;
  }

  /** Why {@code held} is ordered before {@code taken}: the edge, or the shortest chain of edges; none when it is not. */
  private static Explanation explanation(LockClass held, LockClass taken, LockOrderGraph graph, FindingAssembler traces) {
    List<Explanation.Edge> chain = new java.util.ArrayList<>();
    for (LockOrderEdge e : OrderPath.between(graph, held, taken)) {
      chain.add(new Explanation.Edge(e.from().toString(), e.to().toString(),
          e.gates().stream().map(LockClass::toString).toList(), traces.witnesses(e)));
    }
    return new Explanation(held.toString(), taken.toString(), !chain.isEmpty(), chain);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Writes an explanation as text. */
  private static void write(Explanation x, PrintWriter out) {
    List<Explanation.Edge> chain = x.chain();
    if (chain.isEmpty()) {
      out.printf("%s is never acquired while %s is held, directly or through other locks%n", x.to(), x.from());
      return;
    }
    if (chain.size() == 1) {
      out.printf("%s -> %s: acquired while held, by %s%n", x.from(), x.to(), threads(chain.get(0)));
    } else {
      StringBuilder path = new StringBuilder(x.from());
      for (Explanation.Edge e : chain) path.append(" -> ").append(e.to());
      out.printf("%s: no thread acquires %s while holding %s, but this chain of %d edges orders them%n", path, x.to(), x.from(), chain.size());
    }
    for (Explanation.Edge e : chain) {
      if (chain.size() > 1) out.printf("%nedge %s -> %s, by %s%n", e.from(), e.to(), threads(e));
      int n = 1;
      for (ThreadTrace t : e.witnesses()) TextWriter.writeThread("witness " + n++ + " (" + t.dependency() + ")", t, out);
      if (!e.gates().isEmpty()) out.printf("  every occurrence also holds %s%n", String.join(", ", e.gates()));
    }
  }

  /** "1 witness" or "2 witnesses (EN, SN)": one per lockdep dependency type observed. */
  private static String threads(Explanation.Edge e) {
    int n = e.witnesses().size();
    return n + (n == 1 ? " witness" : " witnesses") + " ("
        + String.join(", ", e.witnesses().stream().map(ThreadTrace::dependency).toList()) + ")";
  }

  private static int usage(PrintWriter err, String message) {
    err.println("lockorder: error: " + message);
    return ExitCodes.USAGE_ERROR;
  }
}
