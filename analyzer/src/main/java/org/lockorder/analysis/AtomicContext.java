package org.lockorder.analysis;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.model.LockModel;
import org.lockorder.model.Primitive;

/**
 * Which held locks make a kernel path atomic, and which acquisitions sleep (ADR-014).
 *
 * <p>Holding a spinlock, an rwlock, a seqlock's writer side, a local lock or an RCU read-side
 * section, kernel code may not block: a mutex, a semaphore, a folio or buffer lock taken there is
 * "sleeping function called from invalid context", which CONFIG_DEBUG_ATOMIC_SLEEP reports the
 * first time the path runs. When the analysis builds such a path with a spinlock that a callee
 * returned held, the likelier story is that it paired the callee's exits wrongly (an unlock it
 * does not see, two tests it does not tie): past the sleep the lock is taken not to be held, so
 * it orders nothing taken there; the other locks of the path keep their orderings. A lock the
 * function takes in view keeps its orderings too: a sleeping lock taken under it is reported as
 * the ordering it makes.
 *
 * <p>Kinds are the lock model's ({@code kind:}); a primitive of another kind (pthread's, lockdep
 * maps, annotations, SRCU) is neither atomic nor sleeping.
 */
final class AtomicContext {
  private static final Set<String> ATOMIC = Set.of("spinlock", "rwlock", "seqlock", "local_lock", "rcu");
  private static final Set<String> SLEEPING =
      Set.of("mutex", "rwsem", "percpu_rwsem", "page_lock", "buffer_lock", "page_wait", "completion", "cluster_lock");

  private static final byte NEITHER = 0;
  private static final byte ATOMIC_KIND = 1;
  private static final byte SLEEPS = 2;

  private final LockModel model;
  /** By primitive name (interned texts, few of them). */
  private final ConcurrentHashMap<String, Byte> byApi = new ConcurrentHashMap<>();

  AtomicContext(LockModel model) {
    this.model = model;
  }

  /**
   * Whether {@code held} is a lock of an atomic kind that a callee returned held: its site names
   * a call. Only such a lock is taken as not held past a sleep.
   */
  boolean returnedAtomic(Site held) {
    return held != null && !held.calls().isEmpty() && what(held.api()) == ATOMIC_KIND;
  }

  /** Whether a blocking acquisition through primitive {@code api} sleeps. */
  boolean sleeps(String api) {
    return what(api) == SLEEPS;
  }

  private byte what(String api) {
    if (api == null || model == null) return NEITHER;
    Byte known = byApi.get(api);
    if (known == null) byApi.put(api, known = classify(model.primitive(api).orElse(null)));
    return known;
  }

  static byte classify(Primitive p) {
    if (p == null || p.kind() == null) return NEITHER;
    if (ATOMIC.contains(p.kind())) return ATOMIC_KIND;
    // A trylock never waits; the others (killable ones too) may.
    if (SLEEPING.contains(p.kind()) && p.style() != AcquireStyle.TRY) return SLEEPS;
    return NEITHER;
  }
}
