package org.lockorder.cli;

import org.lockorder.pipeline.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code lockorder} command; the work is in its subcommands. */
@Command(
    name = "lockorder",
    mixinStandardHelpOptions = true,
    versionProvider = LockorderCommand.VersionProvider.class,
    description = {
      "Finds lock-ordering deadlocks in kernel-style C and pthreads code, statically, over every path.",
    },
    subcommands = {AnalyzeCommand.class, SimulateCommand.class, ExplainCommand.class, RulesCommand.class, CommandLine.HelpCommand.class},
    footer = {
      "",
      "Exit codes: 0 no failing findings, 1 failing findings, 2 usage or config error, 3 internal error.",
    })
public final class LockorderCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version stamped by the build. */
  public static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"lockorder " + Version.get()};
    }
  }
}
