package org.lockorder.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lockorder.analysis.Analyzer;
import org.lockorder.analysis.LockApiLowering;
import org.lockorder.analysis.ProgramView;
import org.lockorder.frontend.c.CFrontend;
import org.lockorder.model.LockModel;
import org.lockorder.model.LockModelException;
import org.lockorder.report.Step;
import org.lockorder.report.ThreadTrace;
import org.lockorder.source.InputFile;
import org.lockorder.source.SourceReader;

/** Analyzes a C snippet down to the program view the simulator reads, and writes witnesses by hand. */
final class SimFixture {
  private SimFixture() {}

  /** Locks a, b, c and d, for fixtures with two cycles: t1 and t3 take them in order, ... */
  static final String FOUR_MUTEXES =
      """
      static DEFINE_MUTEX(a);
      static DEFINE_MUTEX(b);
      static DEFINE_MUTEX(c);
      static DEFINE_MUTEX(d);
      """;

  /** ... and these take them the other way. */
  static final String REVERSE_ORDERS =
      """
      void t2(void)
      {
      	mutex_lock(&b);
      	mutex_lock(&a);
      	mutex_unlock(&a);
      	mutex_unlock(&b);
      }
      void t4(void)
      {
      	mutex_lock(&d);
      	mutex_lock(&c);
      	mutex_unlock(&c);
      	mutex_unlock(&d);
      }
      """;

  static ProgramView program(Path dir, String code) throws IOException, LockModelException {
    Path file = dir.resolve("snippet.c");
    Files.writeString(file, code);
    LockModel model = LockModel.load(List.of("linux", "pthread"), List.of());
    SourceReader.Result read = new SourceReader().read(new InputFile(file, file.toString(), List.of()));
    var unit = new LockApiLowering(model).lower(new CFrontend(java.util.Set.of()).parse(read.text()));
    return new Analyzer(64).analyze(List.of(unit), model).program();
  }

  /** The findings of {@code file} on the given classes, analyzed without simulation, in report order. */
  static List<org.lockorder.report.Finding> findings(Path file, List<List<String>> classes) throws Exception {
    List<org.lockorder.report.Finding> out = new java.util.ArrayList<>();
    for (org.lockorder.report.Finding f : new org.lockorder.pipeline.Pipeline(UNSIMULATED).run(List.of(file.toString())).findings()) {
      if (classes.contains(f.classes())) out.add(f);
    }
    return out;
  }

  /** The program view of {@code file} as the pipeline builds it. */
  static ProgramView pipelineProgram(Path file) throws Exception {
    return new org.lockorder.pipeline.Pipeline(UNSIMULATED).program(List.of(file.toString())).result().program();
  }

  private static final org.lockorder.pipeline.PipelineOptions UNSIMULATED = new org.lockorder.pipeline.PipelineOptions(
      List.of("linux"), List.of(), false, org.lockorder.pipeline.PipelineOptions.defaults().bounds(), 64, 1, null, false, 0);

  static Step entry(Path dir, String function, int line) {
    return new Step(dir.resolve("snippet.c").toString(), line, 1, function, "entry", null, null, null, null, 0);
  }

  static Step acquire(Path dir, String function, int line, int column, String lock) {
    return new Step(dir.resolve("snippet.c").toString(), line, column, function, "acquire", lock, "W", "mutex_lock", null, 0);
  }

  static ThreadTrace thread(String holds, String acquires, Step... steps) {
    return new ThreadTrace(steps[0].function(), "test", holds, "W", acquires, "W", "EN", List.of(steps));
  }
}
