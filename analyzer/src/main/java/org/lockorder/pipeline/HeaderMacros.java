package org.lockorder.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lockorder.analysis.MacroConstants;
import org.lockorder.frontend.c.CFrontend;
import org.lockorder.frontend.c.LockMacros;
import org.lockorder.frontend.c.MacroDefinition;
import org.lockorder.model.LockModel;
import org.lockorder.source.InputFile;

/**
 * The macros of the input's headers the parser expands (lock and call wrappers), selected once per lock model before any file
 * is parsed: every file sees the wrappers defined in {@code include/} or in a file system's own
 * headers, whatever order the files are parsed in. The same scan collects the headers' integer
 * macro constants for the analysis.
 */
final class HeaderMacros {
  private HeaderMacros() {}

  /**
   * @param lockMacros by lock model: the macros the parser expands
   * @param constants the headers' object-like macros with integer values (ADR-007)
   */
  record Headers(Map<LockModel, LockMacros> lockMacros, MacroConstants constants) {}

  static Headers collect(List<InputFile> files, Collection<LockModel> models, int threads) {
    List<Scanned> scanned = definitions(files, threads);
    List<MacroDefinition> definitions = new ArrayList<>();
    MacroConstants.Builder constants = new MacroConstants.Builder();
    java.util.Set<String> objectLike = new java.util.HashSet<>();
    for (Scanned s : scanned) {
      definitions.addAll(s.functionLike());
      for (MacroDefinition d : s.functionLike()) if (!d.variadic()) constants.defineFunction(d.name(), d.params(), d.body());
      for (String[] d : s.objectLike()) {
        constants.define(d[0], d[1]);
        objectLike.add(d[0]);
      }
    }
    Map<LockModel, LockMacros> out = new IdentityHashMap<>();
    for (LockModel m : models) {
      if (!out.containsKey(m)) out.put(m, LockMacros.select(definitions, m.primitives().keySet(), objectLike));
    }
    return new Headers(out, constants.build());
  }

  /** One header's macros: function-like ones, and object-like ones as name and body. */
  private record Scanned(List<MacroDefinition> functionLike, List<String[]> objectLike) {}

  /** Every header's macros, in the walk's (path) order; unreadable files have none. */
  private static List<Scanned> definitions(List<InputFile> files, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<Scanned>> futures = new ArrayList<>();
      for (InputFile f : files) {
        if (!CFrontend.isHeader(f.displayPath())) continue;
        futures.add(pool.submit(() -> {
          try {
            // Macro names and bodies are ASCII; Latin-1 maps any other byte to one character.
            String text = new String(Files.readAllBytes(f.path()), StandardCharsets.ISO_8859_1);
            List<String[]> objectLike = new ArrayList<>();
            List<MacroDefinition> functionLike = MacroDefinition.scan(f.displayPath(), text, (name, body) -> objectLike.add(new String[] {name, body}));
            return new Scanned(functionLike, objectLike);
          } catch (java.io.IOException | RuntimeException e) {
            return new Scanned(List.of(), List.of()); // the parser reports the file
          }
        }));
      }
      List<Scanned> out = new ArrayList<>();
      for (Future<Scanned> d : futures) out.add(d.get());
      return out;
    } catch (ExecutionException e) {
      throw new IllegalStateException("scanning headers for macros", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
