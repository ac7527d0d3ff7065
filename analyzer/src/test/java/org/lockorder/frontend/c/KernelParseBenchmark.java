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
import org.lockorder.source.Diagnostic;
import org.lockorder.source.SourceText;

/**
 * Not a unit test: parses a directory of real C (e.g. mm/ of Linux 6.1) and prints lines per
 * second, the share of function bodies parsed and the most common failure messages.
 * Run: java -cp target/classes:target/test-classes:ANTLR_RUNTIME org.lockorder.frontend.c.KernelParseBenchmark DIR
 */
public final class KernelParseBenchmark {
  public static void main(String[] args) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      s.filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".h")).sorted().forEach(files::add);
    }
    CFrontend frontend = new CFrontend(Set.of());
    for (int round = 0; round < (args.length > 1 ? Integer.parseInt(args[1]) : 1); round++) {
      long lines = 0, bodies = 0, parsed = 0;
      Map<String, Integer> causes = new TreeMap<>();
      List<Diagnostic> all = new ArrayList<>();
      long start = System.nanoTime();
      for (Path f : files) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        TranslationUnit tu = frontend.parse(new SourceText(f.toString(), text));
        lines += tu.stats().lines();
        bodies += tu.stats().functionBodies();
        parsed += tu.stats().functionBodiesParsed();
        for (Diagnostic d : tu.diagnostics()) {
          all.add(d);
          String m = d.message().replaceAll("'[A-Za-z_0-9]+'", "'X'");
          causes.merge(m.replaceAll("function 'X'", "function"), 1, Integer::sum);
        }
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%d files, %d lines in %.2fs = %.0f lines/s; bodies %d parsed %d (%.2f%%)%n",
          files.size(), lines, secs, lines / secs, bodies, parsed, 100.0 * parsed / Math.max(1, bodies));
      if (args.length > 2) all.forEach(System.out::println);
      causes.entrySet().stream()
          .sorted((a, b) -> b.getValue() - a.getValue())
          .limit(25)
          .forEach(e -> System.out.println(e.getValue() + "  " + e.getKey()));
    }
  }
}
