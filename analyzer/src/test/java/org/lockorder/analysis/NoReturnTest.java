package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lockorder.analysis.Snippets.findings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls the lock model says never return (op no-return) end the path that makes them. */
class NoReturnTest {
  @TempDir Path dir;

  /**
   * A worker that holds a, and on a bad item gives up before it would take b: with exit(), or
   * with a call that returns.
   */
  private static String worker(String giveUp) {
    return "#include <pthread.h>\n#include <stdlib.h>\n"
        + "static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;\n"
        + "static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;\n"
        + "void report(int item);\n"
        + "void work(int item) {\n"
        + "  pthread_mutex_lock(&a);\n"
        + "  if (item < 0) { report(item); " + giveUp + " pthread_mutex_lock(&b); pthread_mutex_unlock(&b); }\n"
        + "  pthread_mutex_unlock(&a);\n"
        + "}\n"
        + "void other(void) { pthread_mutex_lock(&b); pthread_mutex_lock(&a); pthread_mutex_unlock(&a); pthread_mutex_unlock(&b); }\n";
  }

  @Test
  void aPathThatExitsHoldsNothingAfterward() throws Exception {
    assertEquals(List.of(), findings(dir, worker("exit(1);")), "exit() ends the path that holds a");
    assertEquals(List.of(), findings(dir, worker("pthread_exit(0);")));
    // The same give-up with a call that returns: a stays held into b, the reverse of other's order.
    assertEquals(List.of("LO001 a -> b"), findings(dir, worker("report(0);")));
  }

  @Test
  void aFunctionNoneOfWhosePathsReturnsEndsItsCallersPath() throws Exception {
    // die() reports and exits: no path of its returns, so the caller's path ends at the call.
    String dies = worker("die(item);").replace("void work(int item) {",
        "static void die(int item) { report(item); exit(1); }\nvoid work(int item) {");
    assertEquals(List.of(), findings(dir, dies));
    // A die() that can return (it exits only for some items) lets the path go on: a stays held into b.
    String mayReturn = worker("die(item);").replace("void work(int item) {",
        "static void die(int item) { report(item); if (item < -1) exit(1); }\nvoid work(int item) {");
    assertEquals(List.of("LO001 a -> b"), findings(dir, mayReturn));
  }

  @Test
  void aRecursionWithoutExitsStillLetsItsCallersGoOn() throws Exception {
    // spin() has no exit only because it is a recursion: its callers are not cut there.
    String recursive = worker("spin(item);").replace("void work(int item) {",
        "static void spin(int item) { report(item); spin(item - 1); }\nvoid work(int item) {");
    assertEquals(List.of("LO001 a -> b"), findings(dir, recursive));
  }

  /** A trylock helper asserted to fail, under the lock its caller holds, then an order after it. */
  private static String asserted(String assertion) {
    return "typedef struct spinlock { int x; } spinlock_t;\n"
        + "struct z { spinlock_t lock; };\n"
        + "static spinlock_t pool;\n"
        + "static int z_trylock(struct z *p) { return spin_trylock(&p->lock); }\n"
        + "static void release(struct z *p) { " + assertion + "(z_trylock(p)); spin_unlock(&p->lock); }\n"
        + "void put(struct z *p) { spin_lock(&p->lock); release(p); spin_lock(&pool); spin_unlock(&pool); }\n"
        + "void other(struct z *p) { spin_lock(&pool); spin_lock(&p->lock); spin_unlock(&p->lock); spin_unlock(&pool); }\n";
  }

  @Test
  void aBugOnStatementEndsThePathWhereItsConditionHolds() throws Exception {
    // BUG_ON(cond); is a branch whose non-zero side calls BUG_ON, which never returns: the
    // trylock's success (a second instance, never dropped) ends there.
    assertEquals(List.of(), findings(dir, asserted("BUG_ON")));
    // WARN_ON returns: its non-zero side goes on holding the second instance.
    assertEquals(List.of("LO001 pool -> z.lock"), findings(dir, asserted("WARN_ON")));
  }
}
