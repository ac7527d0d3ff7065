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
import org.lockorder.ir.Function;
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

  private static TranslationUnit unit(Path file, LockModel model) {
    SourceReader.Result read = new SourceReader().read(new InputFile(file, file.toString(), List.of()));
    return new LockApiLowering(model).lower(new CFrontend(java.util.Set.of()).parse(read.text()));
  }

  private static AnalysisResult analyze(Path file, int threads) throws LockModelException {
    LockModel model = LockModel.load(List.of("linux"), List.of());
    return new Analyzer(64, threads).analyze(List.of(unit(file, model)), model);
  }

  /** The scheduler alone on a generated program's call graph, with {@code analysis} for each component. */
  private static CallGraph schedule(Path dir, int threads, ComponentScheduler.ComponentAnalysis analysis)
      throws IOException, LockModelException {
    Path file = dir.resolve("gen.c");
    Files.writeString(file, program(5));
    LockModel model = LockModel.load(List.of("linux"), List.of());
    CallGraph graph = new CallGraph(new Program(List.of(unit(file, model)), model.constants()), model);
    AnalysisContext ctx = new AnalysisContext(graph.program(), graph, 64, model.reclaim());
    new ComponentScheduler(graph.bottomUpComponents(), graph, threads).run(ctx, analysis);
    return graph;
  }

  @Test
  void everyComponentRunsOnceAndAfterTheComponentsItCalls(@TempDir Path dir) throws IOException, LockModelException {
    List<List<Function>> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    CallGraph graph = schedule(dir, 3, (component, fork) -> {
      order.add(component);
      return 0;
    });
    assertEquals(graph.bottomUpComponents().size(), order.size());
    assertEquals(order.size(), new java.util.HashSet<>(order).size(), "each once");
    java.util.Map<Function, Integer> position = new java.util.IdentityHashMap<>();
    for (int i = 0; i < order.size(); i++) for (Function f : order.get(i)) position.put(f, i);
    int calls = 0;
    for (List<Function> component : order) {
      for (Function f : component) {
        for (org.lockorder.ir.Node n : f.cfg().nodes()) {
          for (CallTarget t : graph.targets(f, n.id())) {
            calls++;
            assertTrue(position.get(t.function()) <= position.get(f), t.function().name() + " ran after its caller " + f.name());
          }
        }
      }
    }
    assertTrue(calls > 500, "the program has calls: " + calls);
  }

  @Test
  void aFailingComponentStopsTheRunWithItsException(@TempDir Path dir) {
    IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () ->
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () ->
            schedule(dir, 2, (component, fork) -> {
              if (component.stream().anyMatch(f -> f.name().equals("f150"))) throw new IllegalStateException("boom in f150");
              return 0;
            })));
    assertEquals("boom in f150", thrown.getMessage());
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
