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
        Event.Return,
        Event.MayReclaim,
        Event.ReclaimScope,
        Event.IrqScope,
        Event.IrqHandler,
        Event.SetClass,
        Event.Assign {

  Location location();

  /** The arguments of a call, direct or through a pointer; null for any other event. */
  static List<Arg> callArgs(Event e) {
    if (e instanceof Call c) return c.args();
    if (e instanceof IndirectCall c) return c.args();
    return null;
  }

  /**
   * A call of a named function or function-like macro, known or not.
   *
   * @param macro the lock-wrapping macro whose expansion made this call ({@code xa_lock_irq} for
   *     its {@code spin_lock_irq}), or null for a call written in the source
   */
  record Call(String callee, List<Arg> args, Location location, String macro) implements Event {
    public Call {
      args = List.copyOf(args);
    }

    public Call(String callee, List<Arg> args, Location location) {
      this(callee, args, location, null);
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

  /**
   * Acquisition of a lock. {@code irqs}, when not null, is the interrupt level the same call
   * disables (spin_lock_irqsave disables hard interrupts before it takes the lock). {@code nest},
   * when not null, is the nest lock of a *_nest_lock call: while it is held, another instance of
   * a held class may be taken, and the acquisition adds no dependency.
   */
  record Acquire(
      LockRef lock, String kind, Mode mode, AcquireStyle style, String api, Location location,
      IrqLevel irqs, LockRef nest)
      implements Event {
    public Acquire(LockRef lock, String kind, Mode mode, AcquireStyle style, String api, Location location) {
      this(lock, kind, mode, style, api, location, null, null);
    }
  }

  /** Release of a lock; {@code irqs}, when not null, is the level the call enables again. */
  record Release(LockRef lock, String api, Location location, IrqLevel irqs) implements Event {
    public Release(LockRef lock, String api, Location location) {
      this(lock, api, location, null);
    }
  }

  /** {@code lockdep_assert_held(x)}, {@code __must_hold(x)}: the lock is held here. */
  record AssertHeld(LockRef lock, Mode mode, String api, Location location) implements Event {}

  /**
   * A user-memory access that may enter the page-fault handler. {@code lockHeld}: the caller
   * already holds the fault lock (get_user_pages under mmap_lock), so the handlers run under it
   * without taking it again. {@code iteratorParam}: the index of the function's parameter the
   * access copies through, an iov_iter that faults only when it iterates over user memory (a
   * caller that passes one over kernel memory does not reach the fault); -1 for none.
   */
  record MayFault(String api, Location location, boolean lockHeld, int iteratorParam) implements Event {
    public MayFault(String api, Location location, boolean lockHeld) {
      this(api, location, lockHeld, -1);
    }
  }

  /** {@code pagefault_disable()} (enter=true) / {@code pagefault_enable()} (enter=false). */
  record FaultScope(boolean enter, String api, Location location) implements Event {}

  /**
   * {@code return value;} just before the edge to the exit: lets callers that test the result
   * ({@code if (iomap_write_begin(...)) break;}) pick the exit effects that match it.
   */
  record Return(Arg value, Location location) implements Event {}

  /**
   * An allocation whose gfp flags let it enter fs reclaim ({@code kmalloc(n, GFP_KERNEL)}): the
   * lock model's reclaim pseudo-lock is taken and dropped here. When the flags are the enclosing
   * function's parameter {@code gfpParam} ({@code kmalloc(n, gfp)}), whether it reclaims is up to
   * each caller; otherwise {@code gfpParam} is -1.
   */
  record MayReclaim(String api, Location location, int gfpParam) implements Event {
    public MayReclaim(String api, Location location) {
      this(api, location, -1);
    }
  }

  /** {@code memalloc_nofs_save()} (enter=true) / {@code memalloc_nofs_restore()} (enter=false). */
  record ReclaimScope(boolean enter, String api, Location location) implements Event {}

  /**
   * Interrupts of {@code level} disabled (enter=true: local_irq_save, local_bh_disable) or enabled
   * again (enter=false).
   */
  record IrqScope(IrqLevel level, boolean enter, String api, Location location) implements Event {}

  /** {@code request_irq(irq, handler, ...)}: {@code handler} runs in {@code context}. */
  record IrqHandler(String handler, IrqLevel context, String api, Location location)
      implements Event {}

  /** {@code lockdep_set_class(&lock, &key)}: instances set up here belong to class {@code key}. */
  record SetClass(LockRef lock, String key, String api, Location location) implements Event {}

  /** {@code pthread_create(..., start, ...)}: {@code start} runs as a thread of its own. */
  record SpawnThread(String startRoutine, String api, Location location) implements Event {}

  /**
   * An assignment to {@code variable}, a parameter or local that a branch condition reads or
   * tests against NULL ({@code fgp_flags |= FGP_LOCK}, {@code mapping = folio->mapping}), after
   * the assigned value's calls: from here on, tests of it are no longer tests of the value it had
   * (the value the caller passed, for a parameter), and earlier tests say nothing about later
   * ones; a lock taken through the old value is no longer one taken through the variable.
   *
   * @param relock the value is a call given the variable's old value ({@code lruvec =
   *     folio_lruvec_relock_irq(folio, lruvec)}): what was locked through the old value, the call
   *     released or the new value points to, and what the call locked through it the new value
   *     points to (ADR-006, relocks). A call given the variable's address ({@code
   *     compact_unlock_should_abort(..., &locked, cc)} for a {@code bool} flag) is one too: it is
   *     given the old value and leaves the new one
   * @param valueCall where the call is whose result is the assigned value ({@code locked =
   *     compact_lock_irqsave(...)}), or null when the value is not one call's result
   * @param constant the assigned value when it is a constant expression, as condition text
   *     (tokens separated by single spaces: {@code 0}, {@code - EIOCBQUEUED}, {@code
   *     TTU_RMAP_LOCKED}; {@code NULL} and {@code false} are {@code 0}, {@code true} is {@code 1}),
   *     else null: the analysis decides the conditions on the variable that it can evaluate
   */
  record Assign(String variable, Location location, boolean relock, Location valueCall, String constant) implements Event {
    public Assign(String variable, Location location) {
      this(variable, location, false, null, null);
    }
  }
}
