package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lockorder.analysis.Snippets.findings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.report.Finding;
import org.lockorder.report.Step;

/** Lock classes from declarations, ops tables, function pointers, parameters, annotations. */
class ResolutionTest {
  @TempDir Path dir;

  static final String TYPES =
      """
      struct address_space { spinlock_t private_lock; struct rw_semaphore i_mmap_rwsem; };
      struct inode { struct rw_semaphore i_rwsem; struct address_space *i_mapping; };
      struct file_operations { int (*write_iter)(struct inode *); };
      struct file { const struct file_operations *f_op; struct inode *f_inode; };
      """;

  @Test
  void membersAreNamedFromTheirDeclaredTypes() throws Exception {
    List<String> f = findings(dir, TYPES
        + "void f(struct inode *inode) { spin_lock(&inode->i_mapping->private_lock); down_write(&inode->i_rwsem); up_write(&inode->i_rwsem); spin_unlock(&inode->i_mapping->private_lock); }\n"
        + "void g(struct inode *ino) { inode_lock(ino); spin_lock(&ino->i_mapping->private_lock); spin_unlock(&ino->i_mapping->private_lock); inode_unlock(ino); }\n");
    assertEquals(List.of("LO001 address_space.private_lock -> inode.i_rwsem"), f);
  }

  @Test
  void opsTableCallsResolveAndSayHow() throws Exception {
    var report = Snippets.analyze(dir, TYPES
        + "static DEFINE_MUTEX(big);\n"
        + "static int ext4_write(struct inode *inode) { inode_lock(inode); mutex_lock(&big); mutex_unlock(&big); inode_unlock(inode); return 0; }\n"
        + "static const struct file_operations ext4_fops = { .write_iter = ext4_write };\n"
        + "int vfs_write(struct file *file) { return file->f_op->write_iter(file->f_inode); }\n"
        + "void other(struct inode *inode) { mutex_lock(&big); inode_lock(inode); inode_unlock(inode); mutex_unlock(&big); }\n");
    assertEquals(1, report.findings().size(), report.findings().toString());
    Finding f = report.findings().get(0);
    assertEquals(List.of("big", "inode.i_rwsem"), f.classes());
    boolean resolved = false;
    for (var t : f.threads()) for (Step s : t.steps()) if (s.via() != null && s.via().contains("file_operations.write_iter = ext4_write in ext4_fops")) resolved = true;
    assertTrue(resolved || f.threads().stream().anyMatch(t -> t.entry().equals("ext4_write")), f.toString());
  }

  @Test
  void aMemberOfUnknownTypeIsMatchedByNameOnlyWhenOneStructHasIt() throws Exception {
    String tables = "static DEFINE_MUTEX(a);\nstatic DEFINE_MUTEX(b);\n"
        + "struct pool_ops { void (*release)(void *); };\n"
        + "static void pool_release(void *p) { mutex_lock(&b); mutex_unlock(&b); }\n"
        + "static const struct pool_ops pops = { .release = pool_release };\n"
        + "void g(void) { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }\n"
        // 'p' has no declared type: only the member's name says what it calls.
        + "void f(p) { mutex_lock(&a); p->release(0); mutex_unlock(&a); }\n";
    assertEquals(List.of("LO001 a -> b"), findings(dir, tables), "one struct has a 'release' member: it is the one");
    String twoOwners = tables
        + "struct file_ops2 { void (*release)(void *); };\n"
        + "static void file_release(void *p) { }\n"
        + "static const struct file_ops2 fops2 = { .release = file_release };\n";
    assertEquals(List.of(), findings(dir, twoOwners), "two structs have one: the call stays unresolved");
  }

  @Test
  void functionPointersAssignedInCodeAreCalls() throws Exception {
    assertEquals(List.of("LO001 a -> b"), findings(dir,
        "static DEFINE_MUTEX(a);\nstatic DEFINE_MUTEX(b);\n"
            + "static void take_b(void) { mutex_lock(&b); mutex_unlock(&b); }\n"
            + "void f(void) { void (*fn)(void) = take_b; mutex_lock(&a); fn(); mutex_unlock(&a); }\n"
            + "void g(void) { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }\n"));
  }

  @Test
  void parameterLocksTakeTheCallersClass() throws Exception {
    assertEquals(List.of("LO001 a -> b"), findings(dir,
        "static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;\nstatic pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;\n"
            + "static void lock(pthread_mutex_t *m) { pthread_mutex_lock(m); }\n"
            + "static void unlock(pthread_mutex_t *m) { pthread_mutex_unlock(m); }\n"
            + "static void both(pthread_mutex_t *x, pthread_mutex_t *y) { lock(x); lock(y); }\n"
            + "void f(void) { both(&a, &b); unlock(&b); unlock(&a); }\n"
            + "void g(void) { lock(&b); lock(&a); unlock(&a); unlock(&b); }\n"));
  }

  @Test
  void sparseAnnotationsAndAssertionsCountAsHeld() throws Exception {
    assertEquals(List.of("LO001 a -> b"), findings(dir,
        "static DEFINE_MUTEX(a);\nstatic DEFINE_MUTEX(b);\n"
            + "static void inner(void) __must_hold(&a) { mutex_lock(&b); mutex_unlock(&b); }\n"
            + "void g(void) { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }\n"));
    assertEquals(List.of("LO001 a -> b"), findings(dir,
        "static DEFINE_MUTEX(a);\nstatic DEFINE_MUTEX(b);\n"
            + "static void inner(void) { lockdep_assert_held(&a); mutex_lock(&b); mutex_unlock(&b); }\n"
            + "void g(void) { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }\n"));
  }

  @Test
  void subclassesSeparateParentAndChild() throws Exception {
    String code = TYPES
        + "void f(struct inode *dir, struct inode *child) { inode_lock_nested(dir, I_MUTEX_PARENT); inode_lock_nested(child, I_MUTEX_CHILD); inode_unlock(child); inode_unlock(dir); }\n";
    assertEquals(List.of(), findings(dir, code));
    String same = TYPES + "void f(struct inode *dir, struct inode *child) { inode_lock(dir); inode_lock(child); inode_unlock(child); inode_unlock(dir); }\n";
    assertEquals(List.of("LO002 inode.i_rwsem"), findings(dir, same));
  }

  @Test
  void aGateHeldByEveryCallerSerializesTheCycle() throws Exception {
    assertEquals(List.of("LO001 gated a -> b"), findings(dir,
        "static DEFINE_MUTEX(gate);\nstatic DEFINE_MUTEX(a);\nstatic DEFINE_MUTEX(b);\n"
            + "static void ab(void) { mutex_lock(&a); mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }\n"
            + "static void ba(void) { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }\n"
            + "void t1(void) { mutex_lock(&gate); ab(); mutex_unlock(&gate); }\n"
            + "void t2(void) { mutex_lock(&gate); ba(); mutex_unlock(&gate); }\n"));
  }

  @Test
  void faultsDisabledAroundACalleeCutThePageFault() throws Exception {
    String vm =
        "struct vm_operations_struct { int (*fault)(void *); };\nstatic DEFINE_MUTEX(m);\n"
            + "static int my_fault(void *vmf) { mutex_lock(&m); mutex_unlock(&m); return 0; }\n"
            + "static const struct vm_operations_struct my_vm_ops = { .fault = my_fault };\n"
            + "static int copy_out(void *to, void *from) { return copy_to_user(to, from, 8); }\n";
    assertEquals(List.of("LO002 m", "LO001 m -> mm_struct.mmap_lock"), findings(dir, vm
        + "int rd(void *u, void *k) { int r; mutex_lock(&m); r = copy_out(u, k); mutex_unlock(&m); return r; }\n"));
    assertEquals(List.of(), findings(dir, vm
        + "int rd(void *u, void *k) { int r; mutex_lock(&m); pagefault_disable(); r = copy_out(u, k); pagefault_enable(); mutex_unlock(&m); return r; }\n"));
  }

  @Test
  void membersOfUnknownStructsAreLeftOutOfTheGraphAndCounted() throws Exception {
    // struct a is not declared, so p->b and p->c have unknown types: both locks would be "?.lock".
    String code =
        "void f(struct a *p) { spin_lock(&p->b->lock); spin_lock(&p->c->lock); spin_unlock(&p->c->lock); spin_unlock(&p->b->lock); }\n"
            + "void g(struct a *p) { spin_lock(&p->c->lock); spin_lock(&p->b->lock); spin_unlock(&p->b->lock); spin_unlock(&p->c->lock); }\n";
    var report = Snippets.analyze(dir, code);
    assertEquals(List.of(), report.findings());
    assertEquals(1, report.stats().unresolvedClasses());
    String declared = "struct lockbox { spinlock_t lock; };\nstruct a { struct lockbox *b; struct lockbox *c; };\n";
    assertEquals(List.of("LO002 lockbox.lock"), findings(dir, declared + code));
  }

  @Test
  void aPointerInitializedToNullTakesItsLaterValue() throws Exception {
    // ntfs3's mi_read: 'struct rw_semaphore *rw_lock = NULL; if (ni) rw_lock = &ni->run_lock;'
    String code = "struct ntfs_inode { struct rw_semaphore run_lock; };\n"
        + "struct page_box { struct rw_semaphore page_sem; };\n"
        + "void a(struct ntfs_inode *ni, struct page_box *p) { struct rw_semaphore *rw_lock = NULL;"
        + " if (ni) rw_lock = &ni->run_lock; if (rw_lock) down_write(rw_lock); down_write(&p->page_sem);"
        + " up_write(&p->page_sem); if (rw_lock) up_write(rw_lock); }\n"
        + "void b(struct ntfs_inode *ni, struct page_box *p) { down_write(&p->page_sem); down_write(&ni->run_lock);"
        + " up_write(&ni->run_lock); up_write(&p->page_sem); }\n";
    assertEquals(List.of("LO001 ntfs_inode.run_lock -> page_box.page_sem"), findings(dir, code));
  }

  @Test
  void aNullLockArgumentIsNoLock() throws Exception {
    // reiserfs's add_to_chunk(chunk, bh, NULL, fn): the wrapper unlocks and relocks 'lock' if given.
    String code = "static DEFINE_SPINLOCK(list_lock);\nstatic DEFINE_MUTEX(io);\n"
        + "static void flush(void) { mutex_lock(&io); mutex_unlock(&io); }\n"
        + "static void add(spinlock_t *lock) { if (lock) { spin_unlock(lock); flush(); spin_lock(lock); } else { flush(); } }\n"
        + "void a(void) { mutex_lock(&io); add(NULL); mutex_unlock(&io); }\n"
        + "void b(void) { spin_lock(&list_lock); add(&list_lock); spin_unlock(&list_lock); }\n";
    var report = Snippets.analyze(dir, code);
    List<String> classes = report.graph().programs().stream().flatMap(p -> p.classes().stream()).toList();
    assertEquals(List.of("io", "list_lock"), classes, "no class named after NULL");
  }

  /**
   * Two modules each define a global function of one name (6.1's fs/hfs and fs/hfsplus both
   * define {@code hfs_find_init}; hfsplus renames its own with a macro): a call reaches the
   * definition in its own module's directory, not the first in path order.
   */
  @Test
  void aGlobalFunctionDefinedInTwoModulesResolvesToTheCallersModule() throws Exception {
    String decl = "void find_init(void);\n";
    Map<String, String> files = new java.util.TreeMap<>(Map.of(
        "fs/hfs/bfind.c", "DEFINE_MUTEX(hfs_tree_lock);\n"
            + "void find_init(void) { mutex_lock(&hfs_tree_lock); mutex_unlock(&hfs_tree_lock); }\n",
        "fs/hfsplus/bfind.c", "DEFINE_MUTEX(hfsplus_tree_lock);\n"
            + "void find_init(void) { mutex_lock(&hfsplus_tree_lock); mutex_unlock(&hfsplus_tree_lock); }\n",
        "fs/hfsplus/xattr.c", decl + "extern struct mutex hfsplus_tree_lock;\nDEFINE_MUTEX(xattr_lock);\n"
            + "void setxattr(void) { mutex_lock(&xattr_lock); find_init(); mutex_unlock(&xattr_lock); }\n"
            + "void getxattr(void) { mutex_lock(&hfsplus_tree_lock); mutex_lock(&xattr_lock); mutex_unlock(&xattr_lock); mutex_unlock(&hfsplus_tree_lock); }\n"));
    List<String> paths = new java.util.ArrayList<>();
    for (var e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      java.nio.file.Files.createDirectories(p.getParent());
      java.nio.file.Files.writeString(p, e.getValue());
      paths.add(p.toString());
    }
    var report = new org.lockorder.pipeline.Pipeline(org.lockorder.pipeline.PipelineOptions.defaults()).run(paths);
    assertEquals(List.of(), report.diagnostics(), "the files parse");
    List<String> found = report.findings().stream().map(f -> f.rule() + " " + String.join(" -> ", f.classes())).toList();
    // setxattr's find_init is hfsplus's: xattr_lock -> hfsplus_tree_lock closes getxattr's order.
    assertEquals(List.of("LO001 hfsplus_tree_lock -> xattr_lock"), found);
    assertEquals(1, Program.sharedDirectories("fs/hfs/bfind.c", "fs/hfsplus/xattr.c"));
    assertEquals(2, Program.sharedDirectories("fs/hfsplus/bfind.c", "fs/hfsplus/xattr.c"));
  }
}
