package org.lockorder.frontend.c;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.model.LockModel;
import org.lockorder.source.Diagnostic;
import org.lockorder.source.SourceText;

/**
 * Not a unit test: parses directories of real C (e.g. fs/, mm/ and include/linux of Linux 6.1)
 * and prints lines per second, the share of function bodies parsed and the most common failure
 * messages.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:CLASSPATH
 * org.lockorder.frontend.c.KernelParseBenchmark [--rounds N] [--all] [--errors] [--macros] DIR...}
 *
 * <ul>
 *   <li>{@code --all}: print every diagnostic; {@code --errors}: print only the bodies that fail
 *       (file:line:col and the function's name), one a line, for triage and before/after diffs;
 *   <li>{@code --calls}: print every parsed function with the calls of its CFG, to check that a
 *       grammar change loses no call (diff two runs);
 *   <li>{@code --macros}: expand the lock-wrapping macros of the inputs' headers with the
 *       linux+pthread model, as {@code lockorder analyze} does (HeaderMacros); without it every
 *       macro stays as written.
 * </ul>
 */
public final class KernelParseBenchmark {
  public static void main(String[] args) throws Exception {
    int rounds = 1;
    boolean all = false, errors = false, macros = false, calls = false;
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--all" -> all = true;
        case "--errors" -> errors = true;
        case "--macros" -> macros = true;
        case "--calls" -> calls = true;
        default -> dirs.add(Path.of(args[i]));
      }
    }
    List<Path> files = new ArrayList<>();
    for (Path dir : dirs) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".h")).sorted().forEach(files::add);
      }
    }
    LockMacros lockMacros = macros ? headerMacros(files) : LockMacros.none();
    CFrontend frontend = new CFrontend(Set.of());
    for (int round = 0; round < rounds; round++) {
      long lines = 0, bodies = 0, parsed = 0;
      Map<String, Integer> causes = new TreeMap<>();
      List<Diagnostic> shown = new ArrayList<>();
      long start = System.nanoTime();
      for (Path f : files) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        TranslationUnit tu = frontend.parse(new SourceText(f.toString(), text), lockMacros);
        lines += tu.stats().lines();
        bodies += tu.stats().functionBodies();
        parsed += tu.stats().functionBodiesParsed();
        if (calls) printCalls(f, tu);
        for (Diagnostic d : tu.diagnostics()) {
          if (all || (errors && d.message().startsWith("cannot parse function"))) shown.add(d);
          String m = d.message().replaceAll("'[A-Za-z_0-9]+'", "'X'");
          causes.merge(m.replaceAll("function 'X'", "function"), 1, Integer::sum);
        }
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%d files, %d lines in %.2fs = %.0f lines/s; bodies %d parsed %d (%.2f%%)%s%n",
          files.size(), lines, secs, lines / secs, bodies, parsed, 100.0 * parsed / Math.max(1, bodies),
          macros ? ", lock macros expanded" : "");
      shown.forEach(System.out::println);
      if (errors) continue;
      causes.entrySet().stream()
          .sorted((a, b) -> b.getValue() - a.getValue())
          .limit(25)
          .forEach(e -> System.out.println(e.getValue() + "  " + e.getKey()));
    }
  }

  private static void printCalls(Path file, TranslationUnit tu) {
    for (org.lockorder.ir.Function fn : tu.functions()) {
      StringBuilder line = new StringBuilder(file + " " + fn.name() + ":");
      for (org.lockorder.ir.Node n : fn.cfg().nodes()) {
        if (n.event() instanceof org.lockorder.ir.Event.Call c) line.append(' ').append(c.callee());
        if (n.event() instanceof org.lockorder.ir.Event.IndirectCall c) line.append(" *").append(c.target().text());
      }
      System.out.println(line);
    }
  }

  /** The lock wrappers every file sees in a real run: the headers' definitions, selected by the model. */
  private static LockMacros headerMacros(List<Path> files) throws Exception {
    List<MacroDefinition> definitions = new ArrayList<>();
    for (Path f : files) {
      if (!CFrontend.isHeader(f.toString())) continue;
      String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      definitions.addAll(MacroDefinition.scan(f.toString(), text));
    }
    LockModel model = LockModel.load(List.of("linux", "pthread"), List.of());
    return LockMacros.select(definitions, model.primitives().keySet());
  }
}
