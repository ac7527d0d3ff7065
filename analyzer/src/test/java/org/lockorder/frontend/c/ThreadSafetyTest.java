package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.source.SourceText;

/** One CFrontend parsing many files at once gives what it gives one at a time. */
class ThreadSafetyTest {
  @Test
  void concurrentParsesAgreeWithSequentialOnes() throws Exception {
    CFrontend frontend = new CFrontend(Set.of());
    List<SourceText> inputs = new ArrayList<>();
    for (Path p : GrammarDiagnosticsTest.corpus()) {
      inputs.add(new SourceText(p.toString(), Files.readString(p)));
    }
    List<TranslationUnit> expected = inputs.stream().map(frontend::parse).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<TranslationUnit>> futures = new ArrayList<>();
      for (int round = 0; round < 8; round++) {
        for (SourceText s : inputs) futures.add(pool.submit(() -> frontend.parse(s)));
      }
      for (int i = 0; i < futures.size(); i++) {
        assertEquals(expected.get(i % inputs.size()), futures.get(i).get());
      }
    } finally {
      pool.shutdown();
    }
  }
}
