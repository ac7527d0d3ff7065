package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.ir.AcquireStyle;
import org.lockorder.ir.Mode;
import org.lockorder.model.Op;
import org.lockorder.model.Primitive;

/**
 * A spinlock a callee returned held is taken not to be held past a sleep (ADR-014): kernel code
 * does not sleep in atomic context, so the analysis paired the callee's exits wrongly. Other held
 * locks, and locks taken in view, keep their orderings.
 */
class AtomicContextTest {
  @TempDir Path dir;

  /** grab() returns holding a; the caller then calls sleeper(), which sleeps before it takes b. */
  private static final String RETURNED = """
      struct mutex { int owner; };
      typedef struct { int rlock; } spinlock_t;
      static DEFINE_SPINLOCK(a);
      static DEFINE_SPINLOCK(b);
      static DEFINE_MUTEX(m);
      static void grab(void) { spin_lock(&a); }
      static void sleeper(void) { mutex_lock(&m); spin_lock(&b); spin_unlock(&b); mutex_unlock(&m); }
      void user(void)
      {
      	grab();
      	sleeper();
      	spin_unlock(&a);
      }
      """;

  @Test
  void aCalleesAcquisitionsPastItsSleepAreNotOrderedAfterAReturnedSpinlock() throws Exception {
    // Without the rule: a -> b and a -> m.
    assertEquals(List.of("m -> b"), edges(RETURNED));
  }

  @Test
  void aSleepingAcquisitionUnderAReturnedSpinlockDropsIt() throws Exception {
    String direct = RETURNED.replace("\tsleeper();\n", "\tmutex_lock(&m);\n\tspin_lock(&b);\n\tspin_unlock(&b);\n\tmutex_unlock(&m);\n");
    assertEquals(List.of("m -> b"), edges(direct));
  }

  @Test
  void aSpinlockTakenInViewKeepsItsOrderings() throws Exception {
    String inView = RETURNED.replace("\tgrab();\n", "\tspin_lock(&a);\n");
    assertEquals(List.of("a -> b", "a -> m", "m -> b"), edges(inView));
  }

  @Test
  void anAcquisitionBeforeTheSleepIsStillOrdered() throws Exception {
    String before = RETURNED.replace("mutex_lock(&m); spin_lock(&b); spin_unlock(&b);", "spin_lock(&b); spin_unlock(&b); mutex_lock(&m);");
    assertEquals(List.of("a -> b"), edges(before));
  }

  @Test
  void anAcquisitionAlsoReachedWithoutASleepIsOrdered() throws Exception {
    String either = RETURNED.replace("static void sleeper(void) { mutex_lock(&m); spin_lock(&b); spin_unlock(&b); mutex_unlock(&m); }",
        "static void sleeper(int c) { if (c) mutex_lock(&m); spin_lock(&b); spin_unlock(&b); if (c) mutex_unlock(&m); }")
        .replace("static void grab(void)", "extern int flag;\nstatic void grab(void)")
        .replace("\tsleeper();\n", "\tsleeper(flag);\n");
    assertEquals(List.of("a -> b", "m -> b"), edges(either));
  }

  @Test
  void otherLocksOfThePathKeepTheirOrderings() throws Exception {
    String other = RETURNED
        .replace("static DEFINE_MUTEX(m);\n", "static DEFINE_MUTEX(m);\nstatic DEFINE_MUTEX(x);\n")
        .replace("\tgrab();\n", "\tmutex_lock(&x);\n\tgrab();\n")
        .replace("\tspin_unlock(&a);\n}", "\tspin_unlock(&a);\n\tmutex_unlock(&x);\n}");
    assertEquals(List.of("m -> b", "x -> a", "x -> b", "x -> m"), edges(other));
  }

  @Test
  void userSpaceSpinlocksMaySleepUnder() throws Exception {
    String pthread = """
        #include <pthread.h>
        static pthread_spinlock_t a;
        static pthread_mutex_t m;
        static void grab(void) { pthread_spin_lock(&a); }
        static void sleeper(void) { pthread_mutex_lock(&m); pthread_mutex_unlock(&m); }
        void user(void)
        {
        	grab();
        	sleeper();
        	pthread_spin_unlock(&a);
        }
        """;
    assertEquals(List.of("a -> m"), edges(pthread));
  }

  @Test
  void kindsAreTheLockModels() {
    assertEquals(1, AtomicContext.classify(acquire("spinlock", AcquireStyle.BLOCKING)));
    assertEquals(1, AtomicContext.classify(acquire("rcu", AcquireStyle.BLOCKING)));
    assertEquals(2, AtomicContext.classify(acquire("mutex", AcquireStyle.CHECKED)));
    assertEquals(2, AtomicContext.classify(acquire("page_lock", AcquireStyle.BLOCKING)));
    assertEquals(2, AtomicContext.classify(acquire("page_wait", AcquireStyle.MOMENTARY)));
    // A trylock never waits; lockdep maps, SRCU and pthread's kinds are neither.
    assertEquals(0, AtomicContext.classify(acquire("mutex", AcquireStyle.TRY)));
    assertEquals(0, AtomicContext.classify(acquire("lockdep_map", AcquireStyle.BLOCKING)));
    assertEquals(0, AtomicContext.classify(acquire("srcu", AcquireStyle.BLOCKING)));
    assertEquals(0, AtomicContext.classify(acquire("pthread_spinlock", AcquireStyle.BLOCKING)));
  }

  private static Primitive acquire(String kind, AcquireStyle style) {
    return new Primitive("f", Op.ACQUIRE, 0, null, null, kind, Mode.WRITE, style, -1, -1, "test", null, -1, -1, null, -1,
        -1, false, -1, -1, -1);
  }

  private List<String> edges(String code) throws Exception {
    return Snippets.edges(dir, code);
  }
}
