package org.lockorder.pipeline;

import java.util.List;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.report.premerge.SuppressionMarker;
import org.lockorder.source.Diagnostic;

/**
 * One input after reading, parsing and lowering: the unit (null if unusable), diagnostics, and
 * the suppression comments found in its text.
 */
record ParsedFile(
    String displayPath, TranslationUnit unit, List<Diagnostic> diagnostics, long lines, List<SuppressionMarker> suppressions) {

  ParsedFile(String displayPath, TranslationUnit unit, List<Diagnostic> diagnostics, long lines) {
    this(displayPath, unit, diagnostics, lines, List.of());
  }
}
