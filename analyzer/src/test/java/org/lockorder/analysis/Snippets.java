package org.lockorder.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lockorder.model.LockModelException;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;
import org.lockorder.report.Finding;
import org.lockorder.report.Report;

/** Runs the whole pipeline on a C snippet and summarizes its findings as "RULE a -> b". */
final class Snippets {
  private Snippets() {}

  static Report analyze(Path dir, String code) throws IOException, LockModelException {
    Path file = dir.resolve("snippet.c");
    Files.writeString(file, code);
    return new Pipeline(PipelineOptions.defaults()).run(List.of(file.toString()));
  }

  static List<String> findings(Path dir, String code) throws IOException, LockModelException {
    Report r = analyze(dir, code);
    if (!r.diagnostics().isEmpty()) throw new AssertionError("diagnostics: " + r.diagnostics());
    return r.findings().stream().map(Snippets::summary).toList();
  }

  /** The lock-order graph's edges as "from -> to", in the graph's order. */
  static List<String> edges(Path dir, String code) throws IOException, LockModelException {
    return analyze(dir, code).graph().programs().stream()
        .flatMap(p -> p.edges().stream())
        .map(e -> e.from() + " -> " + e.to())
        .toList();
  }

  static String summary(Finding f) {
    return f.rule() + (f.gatedBy().isEmpty() ? "" : " gated") + " " + String.join(" -> ", f.classes());
  }
}
