package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lockorder.frontend.c.Fixtures.clean;
import static org.lockorder.frontend.c.Fixtures.function;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.CType;
import org.lockorder.ir.Function;
import org.lockorder.ir.GlobalVar;
import org.lockorder.ir.Param;
import org.lockorder.ir.Prototype;
import org.lockorder.ir.StructDef;
import org.lockorder.ir.TranslationUnit;

/** Structs, typedefs, globals, prototypes, enum values and function signatures. */
class DeclarationsTest {

  private static StructDef struct(TranslationUnit tu, String tag) {
    return tu.structs().stream().filter(s -> s.tag().equals(tag)).findFirst()
        .orElseThrow(() -> new AssertionError("no struct " + tag + " in " + tu.structs()));
  }

  @Test
  void structFieldsWithBitfieldsAnonymousMembersAndFnPointers() {
    TranslationUnit tu = clean("""
        struct address_space {
          struct inode *host;
          spinlock_t private_lock;
          unsigned int flags : 3, : 0;
          union { struct rw_semaphore i_mmap_rwsem; void *priv; };
          struct { int a; } nested;
          void (*release)(struct address_space *);
          int (*handlers[4])(int);
          struct page **pages;
          char name[32];
          DECLARE_BITMAP(bits, 64);
        };""");
    StructDef s = struct(tu, "address_space");
    Map<String, CType> f = s.fields();
    assertEquals(new CType("struct inode", 1, false), f.get("host"));
    assertEquals(new CType("spinlock_t", 0, false), f.get("private_lock"));
    assertEquals(new CType("unsigned int", 0, false), f.get("flags"));
    assertEquals(new CType("struct rw_semaphore", 0, false), f.get("i_mmap_rwsem"));
    assertEquals(new CType("void", 1, false), f.get("priv"));
    assertEquals(new CType("fnptr", 0, false), f.get("release"));
    assertEquals(new CType("fnptr", 0, true), f.get("handlers"));
    assertEquals(new CType("struct page", 2, false), f.get("pages"));
    assertEquals(new CType("char", 0, true), f.get("name"));
    assertEquals(List.of("host", "private_lock", "flags", "i_mmap_rwsem", "priv", "nested",
        "release", "handlers", "pages", "name"), List.copyOf(f.keySet()));
    String nestedTag = f.get("nested").tag();
    assertEquals("address_space.nested", nestedTag); // an anonymous member's struct is named after the member
    assertEquals(Map.of("a", new CType("int", 0, false)), struct(tu, nestedTag).fields());
    assertEquals(2, tu.structs().size(), tu.structs().toString());
  }

  /** Definitions deep inside a body are found: the extractor skips only subtrees without a keyword. */
  @Test
  void structsAndEnumsDefinedInsideFunctionBodies() {
    TranslationUnit tu = clean("""
        int f(struct inode *inode, int n)
        {
          struct local_pair { spinlock_t lock; int count; } pair;
          if (n > 0 && sizeof(struct in_sizeof { struct mutex m; }) > 8)
            return n + (int) ((union in_cast { long l; void *p; } *) inode)->l;
          for (;;) {
            enum { DEPTH_A = 3, DEPTH_B } depth = DEPTH_B;
            return depth;
          }
        }""");
    assertEquals(new CType("spinlock_t", 0, false), struct(tu, "local_pair").fields().get("lock"));
    assertEquals(new CType("struct mutex", 0, false), struct(tu, "in_sizeof").fields().get("m"));
    assertEquals(new CType("void", 1, false), struct(tu, "in_cast").fields().get("p"));
    assertEquals(4L, tu.enumConstants().get("DEPTH_B"));
    assertEquals(3, tu.structs().size(), tu.structs().toString());
  }

  @Test
  void typedefs() {
    TranslationUnit tu = clean("""
        typedef struct foo foo_t;
        typedef struct { struct mutex m; } bar_t;
        typedef unsigned long flags_word;
        typedef int (*filler_t)(void *, struct page *);
        typedef union u { int i; } u_alias, *u_ptr;""");
    assertEquals(new CType("struct foo", 0, false), tu.typedefs().get("foo_t"));
    assertEquals(new CType("struct bar_t", 0, false), tu.typedefs().get("bar_t"));
    assertEquals(Map.of("m", new CType("struct mutex", 0, false)), struct(tu, "bar_t").fields());
    assertEquals(new CType("unsigned long", 0, false), tu.typedefs().get("flags_word"));
    assertEquals(new CType("fnptr", 0, false), tu.typedefs().get("filler_t"));
    assertEquals(new CType("union u", 1, false), tu.typedefs().get("u_ptr"));
    assertTrue(struct(tu, "u").union());
  }

  @Test
  void globals() {
    TranslationUnit tu = clean("""
        static struct mutex a_lock, *b_ptr;
        pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
        pthread_mutex_t forks[5];
        static DEFINE_MUTEX(foo);
        DEFINE_SPINLOCK(bar);
        static DECLARE_RWSEM(sem);
        static DEFINE_PER_CPU(int, per_cpu_count);
        EXPORT_SYMBOL(foo);
        unknown_type_t ux;
        my_unknown_type uy = 3;""");
    List<String> rendered = tu.globals().stream()
        .map(g -> g.name() + ":" + g.type() + ":" + g.isStatic() + ":" + g.definedBy()).toList();
    assertEquals(List.of(
        "a_lock:struct mutex:true:null", "b_ptr:struct mutex*:true:null",
        "m:pthread_mutex_t:false:null", "forks:pthread_mutex_t[]:false:null",
        "foo:DEFINE_MUTEX:true:DEFINE_MUTEX", "bar:DEFINE_SPINLOCK:false:DEFINE_SPINLOCK",
        "sem:DECLARE_RWSEM:true:DECLARE_RWSEM", "per_cpu_count:int:true:DEFINE_PER_CPU", "ux:unknown_type_t:false:null",
        "uy:my_unknown_type:false:null"), rendered);
    GlobalVar foo = tu.globals().get(4);
    assertEquals(4, foo.location().line());
    assertEquals(21, foo.location().column());
  }

  @Test
  void prototypesAndFunctionSignatures() {
    TranslationUnit tu = clean("""
        extern int down_killable(struct semaphore *sem);
        void (*get_handler(int which))(int);
        static void (*handler_table[8])(int);
        int printk(const char *fmt, ...);
        void nothing(void);
        static inline struct page *grab(struct address_space *mapping, pgoff_t index, void (*cb)(int))
        { return 0; }
        SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
        { return ksys_write(fd, buf, count); }
        """);
    List<String> protos = tu.prototypes().stream().map(Prototype::name).toList();
    assertEquals(List.of("down_killable", "get_handler", "printk", "nothing"), protos);
    assertEquals(new CType("fnptr", 0, false), tu.prototypes().get(1).returnType());
    assertEquals(List.of(new Param("sem", new CType("struct semaphore", 1, false))), tu.prototypes().get(0).params());
    assertEquals(List.of(), tu.prototypes().get(3).params());
    assertEquals("handler_table", tu.globals().get(0).name());
    assertEquals(new CType("fnptr", 0, true), tu.globals().get(0).type());
    Function grab = function(tu, "grab");
    assertTrue(grab.isStatic());
    assertEquals(new CType("struct page", 1, false), grab.returnType());
    assertEquals(List.of(
        new Param("mapping", new CType("struct address_space", 1, false)),
        new Param("index", new CType("pgoff_t", 0, false)),
        new Param("cb", new CType("fnptr", 0, false))), grab.params());
    assertEquals(6, grab.location().line());
    assertEquals(28, grab.location().column());
    Function sys = function(tu, "sys_write");
    assertFalse(sys.isStatic());
    assertEquals(List.of(
        new Param("fd", new CType("unsigned int", 0, false)),
        new Param("buf", new CType("char", 1, false)),
        new Param("count", new CType("size_t", 0, false))), sys.params());
  }

  @Test
  void localsAndAssignments() {
    Function f = Fixtures.only("""
        int f(struct dev *dev) {
          struct mutex *m = &dev->lock;
          int i, err = 0;
          foo_type ft;
          for (int j = 0; j < 2; j++) { struct page *p; }
          dev->ops->fn = my_fn;
          dev->cb = (void *)other_fn;
          err = compute(dev);
          return err;
        }""");
    assertEquals(new CType("struct mutex", 1, false), f.locals().get("m"));
    assertEquals(new CType("foo_type", 0, false), f.locals().get("ft"));
    assertEquals(new CType("struct page", 1, false), f.locals().get("p"));
    assertTrue(f.locals().containsKey("j"));
    List<String> a = f.assignments().stream().map(x -> x.target().text() + "=" + x.value().text()).toList();
    // A call's result counts too: a lock pointer a function returns ('ptl = huge_pte_lock(...)').
    assertEquals(List.of("m=&dev->lock", "dev->ops->fn=my_fn",
        "dev->cb=(void *)other_fn", "err=compute(dev)"), a);
    assertEquals(List.of("lock"), f.assignments().get(0).value().path().fields());
    assertEquals(List.of("ops", "fn"), f.assignments().get(1).target().fields());
  }

  @Test
  void localsAndAssignmentsNestedInExpressionsAndInnerBlocks() {
    // The walk skips subtrees without ';' or '=': these all hold one, deep inside an expression.
    Function f = Fixtures.only("""
        int f(struct dev *dev) {
          use(({ struct inode *ip = dev->inode; ip; }), set(dev->cb = &dev->lock));
          if (dev) { static DEFINE_SPINLOCK(lk); }
          return g(({ int k; for (struct page *pg = first(); pg; pg = next(pg)) k++; k; }));
        }""");
    assertEquals(new CType("struct inode", 1, false), f.locals().get("ip"));
    assertTrue(f.locals().containsKey("lk"), f.locals().toString());
    assertTrue(f.locals().containsKey("k"), f.locals().toString());
    assertEquals(new CType("struct page", 1, false), f.locals().get("pg"));
    List<String> a = f.assignments().stream().map(x -> x.target().text() + "=" + x.value().text()).toList();
    // A whole variable given a member counts too ('ops = walk->ops', ADR-008).
    assertEquals(List.of("ip=dev->inode", "dev->cb=&dev->lock", "pg=first()", "pg=next(pg)"), a);
  }

  @Test
  void localStructLiteralFieldsAreAssignments() {
    // ADR-008: 'struct mm_walk walk = { .ops = ops }' stores ops in walk.ops for what walk is passed to.
    Function f = Fixtures.only("""
        int f(const struct walk_ops *ops, void *priv) {
          struct walk walk = { .ops = ops, .priv = priv, .count = 2, [0] = x, .nested.fn = my_fn };
          static struct walk kept = { .ops = &other_ops };
          struct walk *wp = &walk;
          const struct walk_ops *o = wp->ops;
          long n = wp->count + 1;
          return walk_one(&walk);
        }""");
    List<String> a = f.assignments().stream().map(x -> x.target().text() + "=" + x.value().text()).toList();
    // '.count = 2' and 'n = wp->count + 1' keep no value; the first is a store into a local struct.
    assertEquals(List.of("walk.ops=ops", "walk.priv=priv", "walk.count=2", "wp=&walk", "o=wp->ops"), a);
    assertEquals(null, f.assignments().get(2).value().path());
    assertEquals(List.of("ops"), f.assignments().get(0).target().fields());
  }

  @Test
  void enumValues() {
    TranslationUnit tu = clean("""
        enum lock_class { I_MUTEX_NORMAL, I_MUTEX_PARENT, I_MUTEX_CHILD = 5, I_MUTEX_XATTR,
          I_MASK = (1 << 3) - 1, I_ALL = I_MASK | 0x10, I_NEG = -2, I_NEXT, I_UNKNOWN = sizeof(int),
          I_AFTER_UNKNOWN, I_CHAR = 'a', I_TILDE = ~0 & 0xff };
        void f(void) { enum { LOCAL_A = 7 } x; }""");
    Map<String, Long> e = tu.enumConstants();
    assertEquals(0L, e.get("I_MUTEX_NORMAL"));
    assertEquals(1L, e.get("I_MUTEX_PARENT"));
    assertEquals(5L, e.get("I_MUTEX_CHILD"));
    assertEquals(6L, e.get("I_MUTEX_XATTR"));
    assertEquals(7L, e.get("I_MASK"));
    assertEquals(0x17L, e.get("I_ALL"));
    assertEquals(-2L, e.get("I_NEG"));
    assertEquals(-1L, e.get("I_NEXT"));
    assertFalse(e.containsKey("I_UNKNOWN"));
    assertFalse(e.containsKey("I_AFTER_UNKNOWN"));
    assertEquals(97L, e.get("I_CHAR"));
    assertEquals(255L, e.get("I_TILDE"));
    assertEquals(7L, e.get("LOCAL_A"));
  }
}
