package org.lockorder.report;

import java.util.List;
import org.lockorder.report.Simulation.ScheduleStep;
import org.lockorder.report.Simulation.SimulatedThread;

/**
 * Hand-made findings with hand-made simulations, one per verdict, for the writers' tests: the
 * simulator is written elsewhere, and the writers must render its result before it lands. The
 * confirmed one is scenario S1 (ext4 write(2) against page_mkwrite, SCENARIOS.md) as the gallery
 * reports it, with the waiting mmap writer the simulator adds.
 */
public final class SimulatedFindings {
  public static final String FILE = "callgraphs/01-ext4-page-mkwrite/buggy.c";
  public static final String MODEL = "<lock model>";
  public static final String I_RWSEM = "inode.i_rwsem";
  public static final String MMAP = "mm_struct.mmap_lock";

  private SimulatedFindings() {}

  /** write(2): holds i_rwsem, faults on the user buffer, takes mmap_lock for read. */
  static ThreadTrace writer() {
    return new ThreadTrace(
        "ext4_file_write_iter", "stored in file_operations.write_iter (ext4_file_operations)", I_RWSEM, "W", MMAP, "r", "EN",
        List.of(
            new Step(FILE, 141, 16, "ext4_file_write_iter", "entry", null, null, null, null, 0),
            new Step(FILE, 145, 9, "ext4_file_write_iter", "call", null, null, "ext4_buffered_write_iter", null, 0),
            new Step(FILE, 130, 2, "ext4_buffered_write_iter", "acquire", I_RWSEM, "W", "inode_lock", null, 1),
            new Step(FILE, 135, 8, "ext4_buffered_write_iter", "call", null, null, "generic_perform_write", null, 1),
            new Step(FILE, 74, 7, "generic_perform_write", "call", null, null, "<page fault>", "fault_in_iov_iter_readable may fault on user memory", 2),
            new Step(MODEL, 0, 0, "<page fault>", "acquire", MMAP, "r", "page fault", null, 3)));
  }

  /** The page fault: mmap_lock for read, then page_mkwrite converts inline data under i_rwsem. */
  static ThreadTrace fault() {
    return new ThreadTrace(
        "<page fault>", "a page fault on a mapped file", MMAP, "r", I_RWSEM, "W", "SN",
        List.of(
            new Step(MODEL, 0, 0, "<page fault>", "entry", null, null, null, null, 0),
            new Step(MODEL, 0, 0, "<page fault>", "acquire", MMAP, "r", "page fault", null, 0),
            new Step(FILE, 154, 18, "<page fault>", "call", null, null, "ext4_page_mkwrite", "vm_operations_struct.page_mkwrite = ext4_page_mkwrite", 0),
            new Step(FILE, 108, 8, "ext4_page_mkwrite", "call", null, null, "ext4_convert_inline_data", null, 1),
            new Step(FILE, 93, 2, "ext4_convert_inline_data", "acquire", I_RWSEM, "W", "inode_lock", null, 2)));
  }

  /** The S1 cycle with the given simulation. */
  public static Finding withSimulation(Simulation sim) {
    return new Finding(
        "LO001", "warning", "possible deadlock: lock-order cycle inode.i_rwsem -> mm_struct.mmap_lock -> inode.i_rwsem",
        List.of(I_RWSEM, MMAP), FILE, 93, 2, sim, List.of(), List.of(writer(), fault()));
  }

  /** Confirmed with three threads: the two witnesses and a waiting writer on mmap_lock (munmap). */
  public static Simulation confirmedSimulation() {
    List<SimulatedThread> threads = List.of(
        new SimulatedThread("thread 1", "ext4_file_write_iter", 0, "witness of inode.i_rwsem -> mm_struct.mmap_lock"),
        new SimulatedThread("thread 2", "<page fault>", 1, "witness of mm_struct.mmap_lock -> inode.i_rwsem"),
        new SimulatedThread("thread 3", "munmap", -1, "waiting writer on mm_struct.mmap_lock (the lock model's munmap)"));
    List<ScheduleStep> schedule = List.of(
        new ScheduleStep(0, "acquire", I_RWSEM, "W", "inode_lock", "ext4_buffered_write_iter", FILE, 130, 2, 2, null),
        new ScheduleStep(1, "acquire", MMAP, "r", "page fault", "<page fault>", MODEL, 0, 0, 1, null),
        new ScheduleStep(2, "blocks", MMAP, "W", "mmap_write_lock", "munmap", MODEL, 0, 0, -1, "held by thread 2 (reader)"),
        new ScheduleStep(0, "blocks", MMAP, "r", "page fault", "<page fault>", MODEL, 0, 0, 5, "writer thread 3 is waiting"),
        new ScheduleStep(1, "blocks", I_RWSEM, "W", "inode_lock", "ext4_convert_inline_data", FILE, 93, 2, 4, "held by thread 1"));
    return new Simulation(
        Verdict.CONFIRMED, "threads 1 and 2 deadlock once writer thread 3 waits for mm_struct.mmap_lock", threads, schedule, 57);
  }

  public static Finding confirmed() {
    return withSimulation(confirmedSimulation());
  }

  public static Finding notReproduced() {
    return withSimulation(new Simulation(
        Verdict.NOT_REPRODUCED, "every schedule completes: the page fault takes the retry path and drops mm_struct.mmap_lock first",
        List.of(), List.of(), 12));
  }

  public static Finding inconclusive() {
    return withSimulation(new Simulation(Verdict.INCONCLUSIVE, "state bound (10000) reached before any deadlock or proof", List.of(), List.of(), 10_000));
  }

  public static Finding unchecked() {
    return withSimulation(Simulation.unchecked());
  }

  /** One finding per verdict, in a report: confirmed, not-reproduced, inconclusive, unchecked. */
  public static Report report() {
    Report.Stats stats = new Report.Stats(1, 160, 9, 9, 10, 2, 2, 0, 0, org.lockorder.analysis.AnalysisBounds.NONE, new Report.CycleSearchStats(6, 1000, false, null), 4);
    return new Report("lockorder", "test", List.of(confirmed(), notReproduced(), inconclusive(), unchecked()), List.of(), stats);
  }
}
