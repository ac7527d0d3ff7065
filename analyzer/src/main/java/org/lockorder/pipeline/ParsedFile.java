package org.lockorder.pipeline;

import java.util.List;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.report.premerge.SuppressionMarker;
import org.lockorder.source.Diagnostic;

/**
 * One input after reading, parsing and lowering: the unit (null if unusable), diagnostics, the
 * suppression comments found in its text, and digests of its declarations without positions and
 * of each function's code ({@link DeclarationDigest}; null and empty without a unit).
 */
record ParsedFile(
    String displayPath, TranslationUnit unit, List<Diagnostic> diagnostics, long lines, List<SuppressionMarker> suppressions,
    String declarations, List<String> functions) {

  ParsedFile(String displayPath, TranslationUnit unit, List<Diagnostic> diagnostics, long lines) {
    this(displayPath, unit, diagnostics, lines, List.of(), null, List.of());
  }
}
