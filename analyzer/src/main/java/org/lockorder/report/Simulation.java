package org.lockorder.report;

import java.util.List;

/**
 * The simulator's re-execution of a finding: the threads it ran, the verdict, why, and for a
 * confirmed deadlock the schedule that reaches it.
 *
 * @param reason one sentence: what deadlocks, or why nothing does, or which bound was hit
 * @param threads the threads in column order: one per witness thread of the finding, then any
 *     adversary (a waiting writer) or interrupt handler the simulator added
 * @param schedule for {@link Verdict#CONFIRMED}: every step in the order it ran, ending with one
 *     {@code "blocks"} step per deadlocked thread; otherwise empty
 * @param states distinct scheduler states explored
 */
public record Simulation(
    Verdict verdict, String reason, List<SimulatedThread> threads, List<ScheduleStep> schedule, int states) {

  public Simulation {
    threads = List.copyOf(threads);
    schedule = List.copyOf(schedule);
  }

  private static final String DISABLED = "not simulated (--no-simulate)";

  /** No simulation ran. */
  public static Simulation unchecked() {
    return new Simulation(Verdict.UNCHECKED, DISABLED, List.of(), List.of(), 0);
  }

  /** The simulator ran, but not on this finding, for {@code reason} (the run's budget was spent). */
  public static Simulation notRun(String reason) {
    return new Simulation(Verdict.UNCHECKED, reason, List.of(), List.of(), 0);
  }

  /** Whether this is the simulation of a run with the simulator turned off. */
  public boolean disabled() {
    return verdict == Verdict.UNCHECKED && DISABLED.equals(reason);
  }

  /**
   * One column of a timeline.
   *
   * @param name "thread 1", ... in column order
   * @param entry the function the thread starts in
   * @param witness index of the finding's {@link ThreadTrace} this thread re-executes, or -1 for a
   *     thread the simulator added
   * @param role what the thread is: "witness of inode.i_rwsem -> mm_struct.mmap_lock", "waiting
   *     writer on sb_writers: freeze_super (in the analyzed code)", ...
   */
  public record SimulatedThread(String name, String entry, int witness, String role) {}

  /**
   * One step of a schedule.
   *
   * @param thread index into {@link #threads}
   * @param action "acquire", "release", "interrupt" (a handler starts on this thread's CPU) or
   *     "blocks" (the thread's last step: it waits forever)
   * @param lock the lock instance, e.g. "mm_struct.mmap_lock" or "inode.i_rwsem (object 2)"
   * @param mode W, r or R for acquisitions, else null
   * @param api the primitive or call as written ("inode_lock", "page fault")
   * @param witnessStep index of the matching step in the witness thread's {@link ThreadTrace#steps},
   *     or -1
   * @param note why a blocked thread waits ("held by thread 1", "writer thread 3 is waiting"), or null
   */
  public record ScheduleStep(
      int thread, String action, String lock, String mode, String api, String function, String file, int line,
      int column, int witnessStep, String note) {}
}
