package org.lockorder.frontend.c;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.lockorder.frontend.c.antlr.CParser;
import org.lockorder.ir.Function;
import org.lockorder.ir.LockAnnotation;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.source.Diagnostic;
import org.lockorder.source.SourceText;

/** Turns one file's parsed items into a TranslationUnit; one instance per parse call. */
final class TranslationUnitBuilder {
  private final SourceText src;
  private final Set<String> extraTypeNames;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final UnitParts parts = new UnitParts();
  private final TypeNames types = new TypeNames();

  private final LockMacros macros;

  TranslationUnitBuilder(SourceText src, Set<String> extraTypeNames, LockMacros macros) {
    this.src = src;
    this.extraTypeNames = extraTypeNames;
    this.macros = macros;
  }

  TranslationUnit build() {
    int bodies = 0;
    int parsed = 0;
    try {
      FileParser.Result result = new FileParser(extraTypeNames, null, macros).parse(src.text());
      for (Token t : result.strayBraces()) {
        diagnostics.add(error(t, "unbalanced '}' at file scope"));
      }
      for (ParsedItem item : result.items()) {
        if (item.item().functionBody()) bodies++;
        if (item.tree() == null) {
          if (!isTracepointDefinition(item)) diagnostics.add(failure(item));
          continue;
        }
        if (extract(item) && item.item().functionBody()) parsed++;
      }
    } catch (RuntimeException | StackOverflowError e) {
      diagnostics.add(Diagnostic.error(src.path(), 1, 1, "internal error in C frontend: " + e));
    }
    return new TranslationUnit(
        src.path(), parts.functions, parts.prototypes, parts.structs, parts.typedefs,
        parts.globals, parts.fieldInits, parts.enumConstants, diagnostics,
        new TranslationUnit.ParseStats(lines(src.text()), bodies, parsed));
  }

  /** IR from one parsed item; a failure here costs that item only. */
  private boolean extract(ParsedItem item) {
    SourceMap source = new SourceMap(src.path(), src.text());
    CParser.ExternalItemContext ext = item.tree().externalItem();
    try {
      List<LockAnnotation> annotations = Annotations.of(item.annotations(), source);
      DeclarationExtractor declarations = new DeclarationExtractor(source, types, parts);
      declarations.nameAnonymousStructs(ext);
      new StructExtractor(source, types, parts, item.tokens()).scan(ext);
      Function f = new FunctionExtractor(source, types, parts, item.tokens(), macros.declaring()).extract(ext, annotations);
      if (f != null) parts.functions.add(f);
      else declarations.extract(ext, annotations);
      return true;
    } catch (RuntimeException | StackOverflowError e) {
      Token at = ext.getStart();
      diagnostics.add(error(at, "internal error in C frontend on this item: " + e));
      return false;
    }
  }

  /**
   * The kernel's tracepoint definitions: file-scope macro calls whose arguments are a prototype, a
   * record layout and assignments ({@code TP_STRUCT__entry(__field(dev_t, dev))}, {@code
   * TP_fast_assign(__entry->dev = ...;)}), which no C grammar reads. They declare the {@code
   * trace_*} calls only, which take no lock, so one that does not parse costs nothing: not worth a
   * warning each (Linux 6.1 fs/+mm/ with include/: about 300 of its 459 warnings).
   */
  private static final Set<String> TRACEPOINT_DEFINITIONS = Set.of(
      "TRACE_EVENT", "TRACE_EVENT_FN", "TRACE_EVENT_FN_COND", "TRACE_EVENT_CONDITION", "DECLARE_EVENT_CLASS",
      "DEFINE_EVENT", "DEFINE_EVENT_FN", "DEFINE_EVENT_PRINT", "DEFINE_EVENT_CONDITION", "DECLARE_TRACE",
      "TRACE_DEFINE_ENUM", "TRACE_DEFINE_SIZEOF");

  private static boolean isTracepointDefinition(ParsedItem item) {
    return !item.item().functionBody() && !item.tokens().isEmpty()
        && TRACEPOINT_DEFINITIONS.contains(item.tokens().get(0).getText());
  }

  private Diagnostic failure(ParsedItem item) {
    Token at = item.offending();
    if (item.item().unclosedBrace() != null) {
      return error(at, "unbalanced braces: '{' is never closed");
    }
    String what = item.item().functionBody() ? "function '" + ItemNames.guess(item.tokens()) + "'"
        : "declaration";
    String unexpected = at == null || at.getType() == Token.EOF ? "end of item" : "'" + at.getText() + "'";
    String message = "cannot parse " + what + ": "
        + (item.problem() != null ? item.problem() : "unexpected " + unexpected);
    if (item.item().functionBody()) return error(at, message);
    // A declaration we cannot read costs no function body (often a tracepoint macro): a warning.
    Diagnostic e = error(at, message);
    return new Diagnostic(e.file(), e.line(), e.column(), Diagnostic.Severity.WARNING, message);
  }

  private Diagnostic error(Token t, String message) {
    if (t == null) return Diagnostic.error(src.path(), 1, 1, message);
    return Diagnostic.error(src.path(), t.getLine(), t.getCharPositionInLine() + 1, message);
  }

  static int lines(String text) {
    if (text.isEmpty()) return 0;
    int n = 0;
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
    return text.endsWith("\n") ? n : n + 1;
  }
}
