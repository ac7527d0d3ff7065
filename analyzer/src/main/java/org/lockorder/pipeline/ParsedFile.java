package org.lockorder.pipeline;

import java.util.List;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.source.Diagnostic;

/** One input after reading, parsing and lowering: the unit (null if unusable) and diagnostics. */
record ParsedFile(String displayPath, TranslationUnit unit, List<Diagnostic> diagnostics, long lines) {}
