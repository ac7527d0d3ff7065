package org.lockorder.ir;

import java.util.List;
import java.util.Map;
import org.lockorder.source.Diagnostic;

/** Everything one frontend learned from one file. */
public record TranslationUnit(
    String file,
    List<Function> functions,
    List<Prototype> prototypes,
    List<StructDef> structs,
    Map<String, CType> typedefs,
    List<GlobalVar> globals,
    List<FieldInit> fieldInits,
    Map<String, Long> enumConstants,
    List<Diagnostic> diagnostics,
    ParseStats stats) {

  public TranslationUnit {
    functions = List.copyOf(functions);
    prototypes = List.copyOf(prototypes);
    structs = List.copyOf(structs);
    typedefs = Map.copyOf(typedefs);
    globals = List.copyOf(globals);
    fieldInits = List.copyOf(fieldInits);
    enumConstants = Map.copyOf(enumConstants);
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * Parse figures for one file.
   *
   * @param lines physical lines in the file
   * @param functionBodies function bodies the frontend found
   * @param functionBodiesParsed of those, the ones parsed without error
   */
  public record ParseStats(int lines, int functionBodies, int functionBodiesParsed) {}
}
