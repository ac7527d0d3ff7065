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

  static ProgramView program(Path dir, String code) throws IOException, LockModelException {
    Path file = dir.resolve("snippet.c");
    Files.writeString(file, code);
    LockModel model = LockModel.load(List.of("linux", "pthread"), List.of());
    SourceReader.Result read = new SourceReader().read(new InputFile(file, file.toString(), List.of()));
    var unit = new LockApiLowering(model).lower(new CFrontend(java.util.Set.of()).parse(read.text()));
    return new Analyzer(64).analyze(List.of(unit), model).program();
  }

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
