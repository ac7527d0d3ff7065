package org.lockorder.ir;

import java.util.List;

/**
 * What happens at one CFG node. Frontends emit {@link Call} and {@link IndirectCall}; the lock
 * model's lowering (analysis.LockApiLowering) turns calls of lock primitives into the lock
 * events. A Java frontend may emit lock events directly.
 */
public sealed interface Event
    permits Event.Call,
        Event.IndirectCall,
        Event.Acquire,
        Event.Release,
        Event.AssertHeld,
        Event.MayFault,
        Event.FaultScope,
        Event.SpawnThread,
        Event.Return {

  Location location();

  /** A call of a named function or function-like macro, known or not. */
  record Call(String callee, List<Arg> args, Location location) implements Event {
    public Call {
      args = List.copyOf(args);
    }
  }

  /**
   * A call through a pointer: {@code file->f_op->write_iter(iocb, from)} (target path root
   * {@code file}, fields {@code [f_op, write_iter]}), or {@code fn(x)} where {@code fn} is a
   * local variable or parameter.
   */
  record IndirectCall(AccessPath target, List<Arg> args, Location location) implements Event {
    public IndirectCall {
      args = List.copyOf(args);
    }
  }

  /** Acquisition of a lock. */
  record Acquire(
      LockRef lock, String kind, Mode mode, AcquireStyle style, String api, Location location)
      implements Event {}

  /** Release of a lock. */
  record Release(LockRef lock, String api, Location location) implements Event {}

  /** {@code lockdep_assert_held(x)}, {@code __must_hold(x)}: the lock is held here. */
  record AssertHeld(LockRef lock, Mode mode, String api, Location location) implements Event {}

  /** A user-memory access that may enter the page-fault handler. */
  record MayFault(String api, Location location) implements Event {}

  /** {@code pagefault_disable()} (enter=true) / {@code pagefault_enable()} (enter=false). */
  record FaultScope(boolean enter, String api, Location location) implements Event {}

  /**
   * {@code return value;} just before the edge to the exit: lets callers that test the result
   * ({@code if (iomap_write_begin(...)) break;}) pick the exit effects that match it.
   */
  record Return(Arg value, Location location) implements Event {}

  /** {@code pthread_create(..., start, ...)}: {@code start} runs as a thread of its own. */
  record SpawnThread(String startRoutine, String api, Location location) implements Event {}
}
