package org.lockorder.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.IrqLevel;
import org.lockorder.ir.Location;
import org.lockorder.ir.Mode;

/** Lock semantics of the scheduler, on hand-written threads. */
class SchedulerTest {
  private static final Location AT = new Location("t.c", 1, 1);

  private static SimThread.Op take(String lock, Mode mode) {
    return new SimThread.Op(LockOp.Kind.ACQUIRE, lock, mode, AcquireStyle.BLOCKING, "lock", "f", AT, -1, null, false, false);
  }

  private static SimThread.Op tryTake(String lock) {
    return new SimThread.Op(LockOp.Kind.ACQUIRE, lock, Mode.WRITE, AcquireStyle.TRY, "trylock", "f", AT, -1, null, false, false);
  }

  private static SimThread.Op irqs(boolean on) {
    return new SimThread.Op(LockOp.Kind.IRQS, null, null, null, "irq", "f", AT, -1, IrqLevel.HARDIRQ, on, false);
  }

  private static SimThread thread(SimThread.Op... ops) {
    return new SimThread("f", 0, "test", List.of(ops), -1, null);
  }

  private static Scheduler.Result run(SimThread... threads) {
    return new Scheduler(new ArrayList<>(List.of(threads)), SimulationBounds.DEFAULT).run().result();
  }

  @Test
  void abbaOfExclusiveLocksDeadlocks() {
    assertEquals(Scheduler.Result.DEADLOCK,
        run(thread(take("A", Mode.WRITE), take("B", Mode.WRITE)), thread(take("B", Mode.WRITE), take("A", Mode.WRITE))));
  }

  @Test
  void readersAloneNeverWaitForReaders() {
    // sb_writers (r) -> mmap_lock (r) against mmap_lock (r) -> sb_writers (r): no writer, no deadlock.
    assertEquals(Scheduler.Result.NO_DEADLOCK,
        run(thread(take("A", Mode.READ), take("B", Mode.READ)), thread(take("B", Mode.READ), take("A", Mode.READ))));
  }

  @Test
  void aWaitingWriterMakesNonRecursiveReadersQueue() {
    // freeze_super: the writer announces itself while thread 1 reads A; thread 2 can no longer read A.
    assertEquals(Scheduler.Result.DEADLOCK,
        run(thread(take("A", Mode.READ), take("B", Mode.WRITE)), thread(take("B", Mode.WRITE), take("A", Mode.READ)),
            thread(take("A", Mode.WRITE))));
  }

  @Test
  void recursiveReadersPassAWaitingWriter() {
    assertEquals(Scheduler.Result.NO_DEADLOCK,
        run(thread(take("A", Mode.READ), take("B", Mode.WRITE)), thread(take("B", Mode.WRITE), take("A", Mode.RECURSIVE_READ)),
            thread(take("A", Mode.WRITE))));
  }

  @Test
  void aTrylockBacksOffInsteadOfWaiting() {
    Scheduler.Outcome o = new Scheduler(
        List.of(thread(take("A", Mode.WRITE), take("B", Mode.WRITE)), thread(take("B", Mode.WRITE), tryTake("A"))),
        SimulationBounds.DEFAULT).run();
    assertEquals(Scheduler.Result.NO_DEADLOCK, o.result());
    assertTrue(o.trylockFailed());
  }

  @Test
  void aGateLockSerializesTheCycle() {
    assertEquals(Scheduler.Result.NO_DEADLOCK,
        run(thread(take("G", Mode.WRITE), take("A", Mode.WRITE), take("B", Mode.WRITE)),
            thread(take("G", Mode.WRITE), take("B", Mode.WRITE), take("A", Mode.WRITE))));
  }

  @Test
  void twoObjectsOfOneClassAreTwoLocks() {
    assertEquals(Scheduler.Result.DEADLOCK,
        run(thread(take("C (object 1)", Mode.WRITE), take("C (object 2)", Mode.WRITE)),
            thread(take("C (object 2)", Mode.WRITE), take("C (object 1)", Mode.WRITE))));
  }

  @Test
  void anInterruptOnlyArrivesWhileInterruptsAreEnabled() {
    SimThread handler = new SimThread("handler", 0, "irq", List.of(take("S", Mode.WRITE)), 1, IrqLevel.HARDIRQ);
    // The process thread holds S with interrupts on: the handler spins on S on the same CPU.
    assertEquals(Scheduler.Result.DEADLOCK, run(handler, thread(take("S", Mode.WRITE))));
    // spin_lock_irq: interrupts are off while S is held, and the handler waits its turn.
    assertEquals(Scheduler.Result.NO_DEADLOCK, run(handler, thread(irqs(false), take("S", Mode.WRITE))));
  }

  @Test
  void theStateBoundIsReported() {
    List<SimThread> many = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      many.add(thread(take("L" + i, Mode.WRITE), take("M" + i, Mode.WRITE), take("N" + i, Mode.WRITE), take("O" + i, Mode.WRITE)));
    }
    Scheduler.Outcome o = new Scheduler(many, new SimulationBounds(100, 1000, 100, 6, 8, 50, 1_000_000)).run();
    assertEquals(Scheduler.Result.STATE_BOUND, o.result());
  }
}
