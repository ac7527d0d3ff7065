package org.lockorder.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Entry point of the {@code lockorder} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
  }

  /** Runs the command line with the given streams and returns the exit code (see {@link ExitCodes}). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new LockorderCommand());
    CommandLine.Model.UsageMessageSpec analyzeUsage = cl.getSubcommands().get("analyze").getCommandSpec().usageMessage();
    List<String> footer = new ArrayList<>(List.of(analyzeUsage.footer()));
    footer.addAll(RulesCommand.helpFooter());
    analyzeUsage.footer(footer.toArray(String[]::new));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL_ERROR);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("lockorder: error: " + ex.getMessage());
          ex.getCommandLine().usage(err);
          return ExitCodes.USAGE_ERROR;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          err.println("lockorder: internal error: " + ex);
          if (System.getenv("LOCKORDER_DEBUG") != null) ex.printStackTrace(err);
          else err.println("lockorder: set LOCKORDER_DEBUG=1 for a stack trace, and please report it");
          return ExitCodes.INTERNAL_ERROR;
        });
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError e) {
      err.println("lockorder: error: out of memory; give the JVM more heap (LOCKORDER_JAVA_OPTS=-Xmx8g) or analyze fewer files at once");
      code = ExitCodes.INTERNAL_ERROR;
    } catch (StackOverflowError e) {
      err.println("lockorder: error: stack overflow; give the JVM a larger stack (LOCKORDER_JAVA_OPTS=-Xss64m) and please report the input");
      code = ExitCodes.INTERNAL_ERROR;
    }
    out.flush();
    err.flush();
    return code;
  }
}
