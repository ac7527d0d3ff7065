package org.lockorder.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lockorder.report.Rule;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lockorder rules}: the rules with their ids, summaries, descriptions and fixes. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules lockorder reports.")
final class RulesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Rule r : Rule.all()) {
      out.printf("%s %s: %s%n", r.id(), r.ruleName(), r.summary());
      out.printf("    %s%n    How to fix: %s%n    see %s (%s)%n", r.help(), r.fix(), r.docPath(), r.helpUri());
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** One line per rule, for the footer of {@code analyze --help}. */
  static List<String> helpFooter() {
    List<String> lines = new ArrayList<>(List.of("", "Rules (details: lockorder rules, docs/rules/):"));
    for (Rule r : Rule.all()) {
      lines.add("  " + r.id() + " " + r.ruleName());
      lines.add("      " + r.summary());
    }
    return lines;
  }
}
