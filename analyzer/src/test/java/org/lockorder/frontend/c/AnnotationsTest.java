package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lockorder.frontend.c.Fixtures.clean;
import static org.lockorder.frontend.c.Fixtures.function;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.LockAnnotation;
import org.lockorder.ir.TranslationUnit;

/** Sparse annotations are captured; attribute-like words vanish wherever they stand. */
class AnnotationsTest {

  @Test
  void annotationsOnDefinitionsAndPrototypes() {
    TranslationUnit tu = clean("""
        void lock_two(struct inode *a, struct inode *b)
        \t__acquires(&a->i_rwsem) __acquires(&b->i_rwsem);
        static void drop(struct inode *inode)
        \t__releases(&inode->i_lock)
        \t__must_hold(RCU)
        {
        \tspin_unlock(&inode->i_lock);
        }
        void plain(void) { }""");
    List<LockAnnotation> p = tu.prototypes().get(0).annotations();
    assertEquals(List.of("acquires", "acquires"), p.stream().map(LockAnnotation::kind).toList());
    assertEquals(new AccessPath.Var("b"), p.get(1).lock().path().root());
    assertEquals(List.of("i_rwsem"), p.get(1).lock().path().fields());
    List<LockAnnotation> d = function(tu, "drop").annotations();
    assertEquals("releases", d.get(0).kind());
    assertEquals("&inode->i_lock", d.get(0).lock().text());
    assertEquals(4, d.get(0).location().line());
    assertEquals(2, d.get(0).location().column());
    assertEquals("must_hold", d.get(1).kind());
    assertEquals(new AccessPath.Var("RCU"), d.get(1).lock().path().root());
    assertEquals(List.of(), function(tu, "plain").annotations());
  }

  @Test
  void attributeWordsAreSkippedEverywhere() {
    TranslationUnit tu = clean("""
        static __always_inline __must_check int __attribute__((nonnull(1))) noinline
        f(const char __user *buf, void __iomem *io, struct x __rcu **pp, int __percpu *pc) __cold
        {
        \tunsigned long __maybe_unused flags;
        \tstruct page *p __free(kfree) = NULL;
        \tchar arr[8] __aligned(8);
        \treturn (__force int)*buf;
        }
        asmlinkage __visible void notrace __sched __init g(void) { }
        static struct s s1 __read_mostly __cacheline_aligned = { };
        int __weak __initdata __ro_after_init __latent_entropy h;
        struct packed_thing { int x; } __packed __randomize_layout;
        int printf_like(const char *f, ...) __printf(1, 2) __section(".text");
        _Noreturn void die(void) __noreturn;
        static inline int * restrict __restrict q;
        volatile int __volatile__ v;
        int counted[] __counted_by(n);""");
    assertEquals(List.of("f", "g"), Fixtures.names(tu));
    assertEquals(4, function(tu, "f").params().size());
  }
}
