package org.lockorder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockorder.report.Simulation.ScheduleStep;

/** The text report's verdict lines and the confirmed timeline, checked against golden text. */
class TimelineTextTest {
  static String text(Finding... findings) {
    Report r = SimulatedFindings.report().withFindings(List.of(findings), RunReview.NONE);
    StringWriter w = new StringWriter();
    new TextWriter().write(r, new PrintWriter(w));
    return w.toString();
  }

  /** The lines of the first finding from its verdict line on, up to the blank line after it. */
  static String verdictPart(String text) {
    int from = text.indexOf("  verdict:");
    return text.substring(from, text.indexOf("\n\n", from) + 1);
  }

  @Test
  void confirmedPrintsTheReasonAndAJanKaraStyleTimeline() {
    String expected =
        """
          verdict: confirmed \u2014 threads 1 and 2 deadlock once writer thread 3 waits for mm_struct.mmap_lock
          timeline (57 states explored):
            step | thread 1: ext4_file_write_iter          | thread 2: <page fault>                  | thread 3: munmap
            -----+-----------------------------------------+-----------------------------------------+-----------------------------------------
               1 | acquire inode.i_rwsem (W)  buggy.c:130  |                                         |
               2 |                                         | acquire mm_struct.mmap_lock (r)         |
                 |                                         |   <lock model>                          |
               3 |                                         |                                         | BLOCKS on mm_struct.mmap_lock (W)
                 |                                         |                                         |   <lock model>
                 |                                         |                                         |   held by thread 2 (reader)
               4 | BLOCKS on mm_struct.mmap_lock (r)       |                                         |
                 |   <lock model>                          |                                         |
                 |   writer thread 3 is waiting            |                                         |
               5 |                                         | BLOCKS on inode.i_rwsem (W)  buggy.c:93 |
                 |                                         |   held by thread 1                      |
            thread 1: witness of inode.i_rwsem -> mm_struct.mmap_lock
            thread 2: witness of mm_struct.mmap_lock -> inode.i_rwsem
            thread 3 (added by the simulator): waiting writer on mm_struct.mmap_lock (the lock model's munmap)
        """;
    String out = text(SimulatedFindings.confirmed());
    assertEquals(expected, verdictPart(out));
    assertTrue(out.contains("    callgraphs/01-ext4-page-mkwrite/buggy.c:93:2:     ext4_convert_inline_data acquires inode.i_rwsem (W) with inode_lock\n  verdict:"),
        "the witness chains stay above the verdict");
    for (String line : out.split("\n")) assertFalse(line.endsWith(" "), "trailing space: '" + line + "'");
  }

  @Test
  void otherVerdictsPrintTheirReasonOnly() {
    assertEquals(
        "  verdict: not-reproduced \u2014 every schedule completes: the page fault takes the retry path and drops mm_struct.mmap_lock first\n",
        verdictPart(text(SimulatedFindings.notReproduced())));
    assertEquals(
        "  verdict: inconclusive \u2014 state bound (10000) reached before any deadlock or proof\n",
        verdictPart(text(SimulatedFindings.inconclusive())));
    assertEquals("  verdict: unchecked (simulation disabled)\n", verdictPart(text(SimulatedFindings.unchecked())));
  }

  @Test
  void theStaticGateRemarkStaysOnlyWhileUnchecked() {
    Finding gated = gated(Simulation.unchecked());
    assertTrue(text(gated).contains(
        "  not a deadlock: every thread holds big_lock, so they cannot interleave\n  verdict: unchecked (simulation disabled)\n"));
    Finding simulated = gated(new Simulation(Verdict.NOT_REPRODUCED, "big_lock serializes the threads", List.of(), List.of(), 3));
    String out = text(simulated);
    assertFalse(out.contains("not a deadlock"), out);
    assertTrue(out.contains("  verdict: not-reproduced \u2014 big_lock serializes the threads\n"), out);
  }

  private static Finding gated(Simulation sim) {
    Finding f = SimulatedFindings.withSimulation(sim);
    return new Finding(f.rule(), "note", f.message(), f.classes(), f.file(), f.line(), f.column(), sim, List.of("big_lock"), f.threads());
  }

  @Test
  void cellsForReleasesInterruptsAndLongNames() {
    assertEquals(List.of("release queue.lock  blk-core.c:412"),
        Timeline.cell(SIM, step("release", "queue.lock", null, "spin_unlock", "blk_run_queue", "block/blk-core.c", 412, null)));
    assertEquals(
        List.of("interrupt: ahci_si...q_intr runs on this CPU", "  libahci.c:1890"),
        Timeline.cell(SIM, step("interrupt", null, null, "irq", "ahci_single_level_irq_intr", "drivers/ata/libahci.c", 1890, null)),
        "the handler's name is shortened in the middle, the location moves to its own line");
    List<String> longName = Timeline.cell(SIM, step(
        "acquire", "address_space.invalidate_lock#cachefiles_backing", "W", "filemap_invalidate_lock", "f", "mm/filemap.c", 1234, null));
    assertEquals(List.of("acquire address_space.i...efiles_backing (W)", "  filemap.c:1234"), longName);
    assertEquals(
        List.of("BLOCKS on sb_writers (r)  <lock model>", "  writer thread 3 (freeze_super on fs B) is", "  waiting"),
        Timeline.cell(SIM, step("blocks", "sb_writers", "r", "sb_start_write", "f", "<lock model>", 0, "writer thread 3 (freeze_super on fs B) is waiting")));
  }

  /** A thread flagged stuck under a handler waits for no lock; a handler's own column says it starts. */
  @Test
  void interruptsAndThreadsStuckUnderAHandler() {
    Simulation irq = new Simulation(Verdict.CONFIRMED, "irq", List.of(
        new Simulation.SimulatedThread("thread 1", "test_irq_handler", 0, "interrupt handler"),
        new Simulation.SimulatedThread("thread 2", "thread_E2", 1, "process context")), List.of(), 1);
    assertEquals(List.of("interrupt: test_irq_handler starts  irq.c:57", "  runs on thread 2's CPU"),
        Timeline.cell(irq, new ScheduleStep(0, "interrupt", null, null, null, "test_irq_handler", "x/irq.c", 57, 1, -1, "runs on thread 2's CPU")));
    assertEquals(List.of("interrupt: test_irq_handler runs on this CPU"),
        Timeline.cell(irq, new ScheduleStep(1, "interrupt", null, null, null, "test_irq_handler", null, 0, 0, -1, null)));
    assertEquals(List.of("BLOCKS  irq.c:50", "  interrupted: the handler on its CPU never", "  returns"),
        Timeline.cell(irq, new ScheduleStep(1, "blocks", null, null, null, "thread_E2", "irq.c", 50, 2, -1,
            "interrupted: the handler on its CPU never returns")));
  }

  private static final Simulation SIM = SimulatedFindings.confirmedSimulation();

  private static ScheduleStep step(String action, String lock, String mode, String api, String function, String file, int line, String note) {
    return new ScheduleStep(0, action, lock, mode, api, function, file, line, 1, -1, note);
  }
}
