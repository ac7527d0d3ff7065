package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.frontend.c.CFrontend;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.model.LockModel;
import org.lockorder.model.LockModelException;
import org.lockorder.source.InputFile;
import org.lockorder.source.SourceReader;

/** Summaries computed on several threads give exactly the one-thread result. */
class ComponentSchedulerTest {

  /**
   * A program of many small functions that take locks in both orders, call each other at random
   * (bottom-up: callees have lower numbers, so most components are single functions), and a few
   * recursions: many components that can run at once, and edges found in several of them.
   */
  private static String program(long seed) {
    Random random = new Random(seed);
    StringBuilder c = new StringBuilder();
    for (int i = 0; i < 8; i++) c.append("static DEFINE_MUTEX(m").append(i).append(");\n");
    for (int i = 0; i < 8; i++) c.append("static DEFINE_SPINLOCK(s").append(i).append(");\n");
    int n = 300;
    for (int f = 0; f < n; f++) c.append("void f").append(f).append("(int x);\n");
    for (int f = 0; f < n; f++) {
      c.append("void f").append(f).append("(int x) {\n");
      int outer = random.nextInt(8);
      c.append("  mutex_lock(&m").append(outer).append(");\n");
      for (int k = 0; k < 3; k++) {
        int callee = f == 0 ? -1 : random.nextInt(f);
        if (random.nextInt(10) == 0 && f + 1 < n) callee = f + 1 + random.nextInt(Math.min(5, n - f - 1)); // a recursion
        if (callee >= 0) c.append("  if (x > ").append(k).append(") f").append(callee).append("(x - 1);\n");
      }
      int inner = random.nextInt(8);
      c.append("  spin_lock(&s").append(inner).append(");\n  spin_unlock(&s").append(inner).append(");\n");
      c.append("  mutex_unlock(&m").append(outer).append(");\n}\n");
    }
    return c.toString();
  }

  private static AnalysisResult analyze(Path file, int threads) throws LockModelException {
    LockModel model = LockModel.load(List.of("linux"), List.of());
    SourceReader.Result read = new SourceReader().read(new InputFile(file, file.toString(), List.of()));
    TranslationUnit unit = new LockApiLowering(model).lower(new CFrontend(java.util.Set.of()).parse(read.text()));
    return new Analyzer(64, threads).analyze(List.of(unit), model);
  }

  /** The first edge that differs, rather than two lists of hundreds. */
  private static void sameEdges(AnalysisResult one, AnalysisResult many, String what) {
    for (int i = 0; i < Math.min(one.edges().size(), many.edges().size()); i++) {
      assertEquals(one.edges().get(i), many.edges().get(i), "edge " + i + ", " + what);
    }
    assertEquals(one.edges().size(), many.edges().size(), "edges, " + what);
  }

  @Test
  void oneThreadAndSeveralGiveTheSameEdgesWitnessesAndBounds(@TempDir Path dir) throws IOException, LockModelException {
    for (long seed = 1; seed <= 3; seed++) {
      Path file = dir.resolve("gen" + seed + ".c");
      Files.writeString(file, program(seed));
      AnalysisResult one = analyze(file, 1);
      assertTrue(one.edges().size() > 20, "the program makes edges: " + one.edges().size());
      for (int threads : new int[] {2, 4}) {
        for (int run = 0; run < 3; run++) {
          AnalysisResult many = analyze(file, threads);
          sameEdges(one, many, threads + " threads, seed " + seed);
          assertEquals(one.bounds(), many.bounds(), "bounds");
          assertEquals(one.irqUsages(), many.irqUsages(), "interrupt usages");
          assertEquals(one.entryReasons(), many.entryReasons());
        }
      }
    }
  }
}
