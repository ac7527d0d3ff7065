package org.lockorder.cli;

import java.nio.file.Path;
import org.lockorder.report.premerge.FailOn;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The pre-merge options of {@code analyze} (docs/pre-merge.md). */
final class PreMergeOptions {
  @Option(names = "--baseline", paramLabel = "FILE", description = "Compare with the findings accepted in FILE: only findings not in it fail (the default --fail-on becomes 'new'); stale entries are listed.")
  Path baseline;

  @Option(names = "--update-baseline", description = "Write this run's findings (less suppressed ones) to the --baseline FILE, then compare with it.")
  boolean updateBaseline;

  @Option(names = "--fail-on", paramLabel = "LEVEL", converter = FailOnConverter.class, description = "Which findings fail the run (exit 1): any, new (not in the baseline), confirmed (new, and verdict confirmed, inconclusive or unchecked), none. Default: any, or new with --baseline. Findings the simulator did not reproduce never fail unless --fail-on-not-reproduced.")
  FailOn failOn;

  @Option(names = "--fail-on-not-reproduced", description = "Let findings whose verdict is not-reproduced (the simulator found no deadlocking schedule, and says why) fail the run like the others; by default they are shown but do not fail.")
  boolean failOnNotReproduced;

  @Option(names = "--include-suppressed", description = "Keep findings covered by a lockorder-ignore comment in the report (SARIF: with their suppression); they never fail.")
  boolean includeSuppressed;

  @Option(names = "--new-from-rev", paramLabel = "REV", description = "Report only findings with an edge on lines changed since git revision REV (git diff REV over the analyzed paths).")
  String newFromRev;

  FailOn effectiveFailOn() {
    if (failOn != null) return failOn;
    return baseline != null ? FailOn.NEW : FailOn.any;
  }

  /** A usage problem with this combination of options, or null. */
  String problem() {
    if (updateBaseline && baseline == null) return "--update-baseline needs --baseline FILE";
    if (failOnNotReproduced && failOn == FailOn.confirmed) {
      return "--fail-on-not-reproduced cannot be combined with --fail-on confirmed, which fails only on confirmed, inconclusive and unchecked findings";
    }
    if (updateBaseline && newFromRev != null) return "--update-baseline cannot be combined with --new-from-rev (the baseline would miss the findings outside the change)";
    return null;
  }

  static final class FailOnConverter implements CommandLine.ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
      try {
        return FailOn.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
