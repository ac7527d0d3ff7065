package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.frontend.c.CFrontend;
import org.lockorder.ir.Function;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.model.LockModel;
import org.lockorder.model.LockModelException;
import org.lockorder.source.InputFile;
import org.lockorder.source.SourceReader;

/**
 * The interrupt usage kept per class and state does not depend on the order the components are
 * offered in (the analysis threads finish them in any order): the shortest chain, then the entry
 * first by name, then the one first in the call graph's order.
 */
class IrqUsagesTest {
  @TempDir Path dir;

  private TranslationUnit unit(String name, String code, LockModel model) throws IOException {
    Path file = Files.writeString(dir.resolve(name), code);
    SourceReader.Result read = new SourceReader().read(new InputFile(file, name, List.of()));
    return new LockApiLowering(model).lower(new CFrontend(java.util.Set.of()).parse(read.text()));
  }

  /** Every function's summary, then the usages with the functions offered in {@code order}'s order. */
  private static List<String> usages(CallGraph graph, AnalysisContext ctx, List<Function> order) {
    IrqUsages usages = new IrqUsages(ctx, graph);
    for (Function f : order) usages.offer(f);
    List<String> out = new ArrayList<>();
    for (IrqUsage u : usages.usages()) out.add(u.lockClass() + " " + u.state() + " " + u.entry() + " " + u.entryLocation().file() + ":" + u.entryLocation().line());
    return out;
  }

  @Test
  void aTieGoesToTheEntryFirstInTheCallGraphWhateverTheOrderOfOffering() throws IOException, LockModelException {
    // Two files' static functions of one name, neither called: both take the shared lock with
    // interrupts enabled along chains of one length.
    LockModel model = LockModel.load(List.of("linux"), List.of());
    String shared = "extern spinlock_t dev_lock;\n";
    TranslationUnit a = unit("a.c", shared
        + "static irqreturn_t dev_irq(int irq, void *d) { spin_lock(&dev_lock); spin_unlock(&dev_lock); return 0; }\n"
        + "int dev_init(void) { return request_irq(1, dev_irq, 0, \"dev\", 0); }\n"
        + "static int show(void) { spin_lock(&dev_lock); spin_unlock(&dev_lock); return 0; }\n", model);
    TranslationUnit b = unit("b.c", shared
        + "static int show(void) { spin_lock(&dev_lock); spin_unlock(&dev_lock); return 0; }\n", model);
    CallGraph graph = new CallGraph(new Program(List.of(a, b), model.constants()), model);
    AnalysisContext ctx = new AnalysisContext(graph.program(), graph, 64, model.reclaim());
    for (List<Function> component : graph.bottomUpComponents()) {
      for (Function f : component) ctx.setSummary(f, new FunctionAnalyzer(ctx, f).run());
    }
    List<Function> forward = new ArrayList<>(graph.functions());
    List<Function> backward = new ArrayList<>(forward);
    java.util.Collections.reverse(backward);

    List<String> kept = usages(graph, ctx, forward);
    assertEquals(kept, usages(graph, ctx, backward));
    // a.c's show comes first in the call graph (file order), so its usage is the one kept.
    assertEquals(1, kept.stream().filter(u -> u.contains("HARDIRQ-ON-W show a.c:")).count(), kept.toString());
  }
}
