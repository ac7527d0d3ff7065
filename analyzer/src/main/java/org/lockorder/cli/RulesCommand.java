package org.lockorder.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lockorder.report.Rule;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lockorder rules}: the rules with their ids, summaries and help. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules lockorder reports.")
final class RulesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Rule r : Rule.all()) {
      out.printf("%s %s: %s%n", r.id(), r.ruleName(), r.summary());
      out.printf("    %s%n    see %s%n", r.help(), r.docPath());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
