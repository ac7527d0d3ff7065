package org.lockorder.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lock API audit's name pattern and its four ways of recognising a name, on a small tree. */
class LockApiAuditTest {

  @ParameterizedTest
  @ValueSource(strings = {
    "spin_lock", "raw_spin_unlock_irqrestore", "mutex_lock_killable", "down_read", "up_write", "down", "up",
    "percpu_down_write", "f2fs_down_read_trylock", "f2fs_up_write", "xfs_ilock", "xfs_iunlock", "lock_buffer",
    "folio_lock", "unlock_page", "mnt_want_write_file", "sb_end_intwrite", "file_start_write", "write_seqlock",
    "raw_write_seqcount_begin", "lockdep_assert_held", "assert_spin_locked", "bit_spin_lock", "init_rwsem",
    "ocfs2_inode_lock", "TXN_UNLOCK"})
  void lockLikeNames(String name) {
    assertTrue(LockApiAudit.lockLike(name), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "wake_up_interruptible", "block_write_full_page", "i_blocksize", "sb_set_blocksize", "de_down_pointer",
    "btrfs_put_block_group", "ktime_get_clock", "up_to_date", "kmalloc"})
  void otherNames(String name) {
    assertFalse(LockApiAudit.lockLike(name), name);
  }

  @Test
  void classifiesEachWay(@TempDir Path dir) throws Exception {
    Path fs = Files.createDirectories(dir.resolve("fs"));
    Path include = Files.createDirectories(dir.resolve("include"));
    Files.writeString(include.resolve("foo.h"), String.join("\n",
        "struct foo { struct mutex m; spinlock_t l; int n; };",
        "#define foo_lock(f) mutex_lock(&(f)->m)",
        "struct foo *foo_ptr(struct foo *f);",
        "#define foo_unlock_ptr(f) mutex_unlock(&foo_ptr(f)->m)",
        "static inline void foo_spin_lock(struct foo *f) { spin_lock(&f->l); }",
        "static inline void foo_spin_unlock(struct foo *f) { spin_unlock(&f->l); }",
        ""));
    Files.writeString(fs.resolve("a.c"), String.join("\n",
        "#define BAR_LOCK() spin_lock(&bar_lock)",
        "static DEFINE_SPINLOCK(bar_lock);",
        "void baz_unlock(struct foo *f);",
        "static void qux_unlock(struct foo *f)",
        "{",
        "\tspin_lock(&f->l);",
        "\tf->n = 0;",
        "\tspin_unlock(&f->l);",
        "}",
        "void g(struct foo *f)",
        "{",
        "\t/* foo_lock(f); in a comment does not count */",
        "\tmutex_init(&f->m);",
        "\tfoo_lock(f);",
        "\tfoo_spin_lock(f);",
        "\tBAR_LOCK();",
        "\tspin_unlock(&bar_lock);",
        "\tfoo_spin_unlock(f);",
        "\tqux_unlock(f);",
        "\tbaz_unlock(f);",
        "\tfoo_unlock_ptr(f);",
        "}",
        ""));
    List<LockApiAudit.Row> rows =
        LockApiAudit.audit(List.of(fs.toString()), List.of(include.toString()), 0);
    Map<String, LockApiAudit.Row> by = LockApiAudit.byName(rows);
    assertEquals(1, by.get("foo_lock").sites(), "the comment is not a call");
    assertEquals("macro expanded from its #define", by.get("foo_lock").how());
    assertEquals("foo.m x1", by.get("foo_lock").classes());
    // The expansion calls foo_ptr before it releases: the site stands for the release.
    assertEquals("foo.m x1", by.get("foo_unlock_ptr").classes());
    assertEquals("macro expanded from its #define", by.get("BAR_LOCK").how(), "a .c file's own macro");
    assertEquals("bar_lock x1", by.get("BAR_LOCK").classes());
    assertTrue(by.get("spin_unlock").how().startsWith("primitive: release spinlock"), by.get("spin_unlock").how());
    // foo.l is still held when g takes bar_lock: the analysis' witness shows it held after the return.
    assertTrue(by.get("foo_spin_lock").how().matches("definition in .*foo\\.h: acquires; held after return"),
        by.get("foo_spin_lock").how());
    assertEquals("foo.l x1", by.get("foo_spin_lock").classes());
    assertTrue(by.get("foo_spin_unlock").how().endsWith(": releases"), by.get("foo_spin_unlock").how());
    assertTrue(by.get("qux_unlock").how().startsWith("NOT RECOGNISED: definition"), by.get("qux_unlock").how());
    assertEquals("NOT RECOGNISED", by.get("baz_unlock").how());
    assertTrue(by.get("mutex_init").how().startsWith("not a lock:"), by.get("mutex_init").how());
    assertTrue(by.get("foo_lock").recognised() && by.get("foo_spin_lock").recognised());
    assertFalse(by.get("qux_unlock").recognised() || by.get("baz_unlock").recognised());
    assertTrue(by.get("mutex_init").allowed());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean ok = LockApiAudit.print(rows, 0, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertFalse(ok, "two names are unrecognised");
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("2 unrecognised: qux_unlock, baz_unlock") || text.contains("2 unrecognised: baz_unlock, qux_unlock"), text);
  }
}
