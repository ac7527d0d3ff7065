package org.lockorder.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lockorder.model.LockModel;
import org.lockorder.model.LockModelException;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;
import org.lockorder.source.Diagnostic;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code simulate} and {@code explain} read (a picocli mixin): the paths, the lock model and
 * the header directories, turned into one analyzed program as {@code analyze} would.
 */
final class ProgramInput {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories holding the code, as for analyze.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE", description = "A lock-model file declaring more lock primitives. Repeatable.")
  List<Path> configs = new ArrayList<>();

  @Option(names = "--profile", split = ",", paramLabel = "NAME", description = "Bundled lock-model profiles to use (default: linux,pthread).")
  List<String> profiles = new ArrayList<>(List.of("linux", "pthread"));

  @CommandLine.Mixin IncludeDirOptions includeDirs = new IncludeDirOptions();

  /**
   * The analyzed program (its diagnostics written to {@code err}); null after writing a usage
   * error to {@code err}: an unknown profile, a missing path or include directory, an unusable
   * lock-model file, or no file that could be analyzed.
   *
   * @param cacheDir the parse cache (--cache-dir), or null
   */
  Pipeline.Program load(PrintWriter err, Path cacheDir) {
    for (String p : profiles) {
      if (!LockModel.bundledProfiles().contains(p)) return usage(err, "unknown profile '" + p + "'");
    }
    for (String p : paths) if (!Files.exists(Path.of(p))) return usage(err, p + ": no such file or directory");
    if (includeDirs.problem() != null) return usage(err, includeDirs.problem());
    Pipeline.Program program;
    try {
      PipelineOptions defaults = PipelineOptions.defaults();
      program = new Pipeline(new PipelineOptions(profiles, configs, false, defaults.bounds(), defaults.maxStatesPerNode(), defaults.threads())
          .withCacheDir(cacheDir)
          .withIncludeDirs(includeDirs.directories()))
          .program(paths);
    } catch (LockModelException e) {
      err.println(e.render());
      return null;
    }
    for (Diagnostic d : program.diagnostics()) err.println(d);
    if (program.result() == null) return usage(err, "no file could be analyzed");
    return program;
  }

  private static Pipeline.Program usage(PrintWriter err, String message) {
    err.println("lockorder: error: " + message);
    return null;
  }
}
