package org.lockorder.pipeline;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.lockorder.ir.Prototype;
import org.lockorder.ir.TranslationUnit;

/**
 * A digest of what a file declares for the whole program (prototypes, structs, typedefs, globals,
 * ops tables, enum constants), for the summary memo's program-wide key (ADR-009). Positions are
 * left out: a line added above a struct must not make every component of the program miss. The
 * positions that do reach results are kept elsewhere: an ops table's through the call targets'
 * descriptions, and a lock annotation on a prototype here, as a caller's summary names its site.
 */
final class DeclarationDigest {
  private DeclarationDigest() {}

  static String of(TranslationUnit tu) {
    List<Prototype> annotated = new ArrayList<>();
    List<Prototype> plain = new ArrayList<>();
    for (Prototype p : tu.prototypes()) (p.annotations().isEmpty() ? plain : annotated).add(p);
    RecordCodec.Writer withoutPositions = new RecordCodec.Writer(true);
    RecordCodec.Writer exact = new RecordCodec.Writer();
    try {
      withoutPositions.write(plain);
      withoutPositions.write(tu.structs());
      withoutPositions.write(tu.typedefs());
      withoutPositions.write(tu.globals());
      withoutPositions.write(tu.fieldInits());
      withoutPositions.write(tu.enumConstants());
      exact.write(annotated);
    } catch (IOException e) {
      throw new IllegalStateException("declarations of " + tu.file() + " not encodable", e);
    }
    MessageDigest md = ParseCache.sha256();
    md.update(withoutPositions.buffer(), 0, withoutPositions.size());
    md.update((byte) 0);
    md.update(exact.buffer(), 0, exact.size());
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Per function of the unit, a digest of its code with positions relative to its start: equal
   * for a function that only moved, so the summary memo keeps its component (ADR-009).
   */
  static List<String> ofFunctions(TranslationUnit tu) {
    List<String> out = new ArrayList<>(tu.functions().size());
    for (org.lockorder.ir.Function f : tu.functions()) {
      RecordCodec.Writer w = new RecordCodec.Writer(true, f.location().line());
      try {
        w.write(f);
      } catch (IOException e) {
        throw new IllegalStateException("function " + f.name() + " of " + tu.file() + " not encodable", e);
      }
      MessageDigest md = ParseCache.sha256();
      md.update(w.buffer(), 0, w.size());
      out.add(HexFormat.of().formatHex(md.digest()));
    }
    return out;
  }
}
