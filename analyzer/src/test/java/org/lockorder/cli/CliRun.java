package org.lockorder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lockorder.report.sarif.SarifValidator;

/**
 * Runs the CLI in-process and captures what it prints. Every SARIF log a test makes this way, on
 * stdout or in an -o file, is checked against the SARIF schema and GitHub's rules.
 */
record CliRun(int exit, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    CliRun run = new CliRun(code, out.toString(), err.toString());
    validateSarif(List.of(args), run);
    return run;
  }

  private static void validateSarif(List<String> args, CliRun run) {
    int f = args.indexOf("--format");
    if (f < 0 || f + 1 >= args.size() || !args.get(f + 1).equals("sarif") || run.exit() > 2) return;
    int o = Math.max(args.indexOf("-o"), args.indexOf("--output"));
    try {
      if (o >= 0 && !Files.exists(Path.of(args.get(o + 1)))) return;
      String sarif = o >= 0 ? Files.readString(Path.of(args.get(o + 1))) : run.out();
      if (sarif.isEmpty()) return;
      SarifValidator.assertValid(sarif, "SARIF of " + String.join(" ", args));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
