package org.lockorder.frontend.c;

import java.util.Set;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.source.SourceText;

/** The C frontend: raw kernel-style C text in, one TranslationUnit of IR out. */
public final class CFrontend {
  private final Set<String> extraTypeNames;

  /** extraTypeNames: typedef names known from elsewhere (headers analyzed separately). */
  public CFrontend(Set<String> extraTypeNames) {
    this.extraTypeNames = Set.copyOf(extraTypeNames);
  }

  /**
   * Never throws on any input text: problems become diagnostics in the result. Thread-safe (may
   * be called from several threads on different files).
   */
  public TranslationUnit parse(SourceText src) {
    return parse(src, LockMacros.none());
  }

  /**
   * Parses with the lock-wrapping macros of {@code headerMacros} expanded, plus those the file
   * defines itself (a header's own are already among the headers').
   */
  public TranslationUnit parse(SourceText src, LockMacros headerMacros) {
    LockMacros macros =
        isHeader(src.path()) ? headerMacros : headerMacros.withLocal(MacroDefinition.scan(src.path(), src.text()));
    return new TranslationUnitBuilder(src, extraTypeNames, macros).build();
  }

  /** Files whose function-like macros are offered to every other file. */
  public static boolean isHeader(String path) {
    return path.endsWith(".h");
  }
}
