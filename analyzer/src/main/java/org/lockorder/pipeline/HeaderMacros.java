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
import org.lockorder.frontend.c.CFrontend;
import org.lockorder.frontend.c.LockMacros;
import org.lockorder.frontend.c.MacroDefinition;
import org.lockorder.model.LockModel;
import org.lockorder.source.InputFile;

/**
 * The lock-wrapping macros of the input's headers, selected once per lock model before any file
 * is parsed: every file sees the wrappers defined in {@code include/} or in a file system's own
 * headers, whatever order the files are parsed in.
 */
final class HeaderMacros {
  private HeaderMacros() {}

  static Map<LockModel, LockMacros> collect(List<InputFile> files, Collection<LockModel> models, int threads) {
    List<MacroDefinition> definitions = definitions(files, threads);
    Map<LockModel, LockMacros> out = new IdentityHashMap<>();
    for (LockModel m : models) {
      if (!out.containsKey(m)) out.put(m, LockMacros.select(definitions, m.primitives().keySet()));
    }
    return out;
  }

  /** Every header's function-like macros, in the walk's (path) order; unreadable files have none. */
  private static List<MacroDefinition> definitions(List<InputFile> files, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<List<MacroDefinition>>> futures = new ArrayList<>();
      for (InputFile f : files) {
        if (!CFrontend.isHeader(f.displayPath())) continue;
        futures.add(pool.submit(() -> {
          try {
            // Macro names and bodies are ASCII; Latin-1 maps any other byte to one character.
            String text = new String(Files.readAllBytes(f.path()), StandardCharsets.ISO_8859_1);
            return MacroDefinition.scan(f.displayPath(), text);
          } catch (java.io.IOException | RuntimeException e) {
            return List.<MacroDefinition>of(); // the parser reports the file
          }
        }));
      }
      List<MacroDefinition> out = new ArrayList<>();
      for (Future<List<MacroDefinition>> d : futures) out.addAll(d.get());
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
