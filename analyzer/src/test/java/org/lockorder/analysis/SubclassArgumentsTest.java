package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;
import org.lockorder.report.Finding;
import org.lockorder.report.Report;

/**
 * ADR-015: a lock whose lockdep subclass names a parameter takes the subclass a call's constant
 * passes, in the analysis and in the simulator's walk; without a value it keeps the name.
 */
class SubclassArgumentsTest {
  @TempDir Path dir;

  private static final String PIPE = "enum { NORMAL, PARENT, CHILD };\n"
      + "struct mutex { long owner; };\n"
      + "struct pipe { struct mutex mutex; };\n"
      + "static void lock_nested(struct pipe *p, int subclass) { mutex_lock_nested(&p->mutex, subclass); }\n"
      + "static void unlock(struct pipe *p) { mutex_unlock(&p->mutex); }\n";

  @Test
  void eachCallTakesTheSubclassItPasses() throws Exception {
    String code = PIPE + "void double_lock(struct pipe *a, struct pipe *b) { lock_nested(a, PARENT); lock_nested(b, CHILD); unlock(b); unlock(a); }\n";
    assertEquals(List.of("pipe.mutex/1 -> pipe.mutex/2"), Snippets.edges(dir, code));
    assertEquals(List.of(), Snippets.findings(dir, code));
  }

  @Test
  void aValuePassedOnThroughAWrapperIsBound() throws Exception {
    // NORMAL is 0: the plain class, which the parent's subclass then nests under.
    String code = PIPE + "static void lock(struct pipe *p) { lock_nested(p, NORMAL); }\n"
        + "static void lock_as(struct pipe *p, int how) { lock_nested(p, how); }\n"
        + "void two(struct pipe *a, struct pipe *b) { lock(a); lock_as(b, CHILD); unlock(b); unlock(a); }\n";
    assertEquals(List.of("pipe.mutex -> pipe.mutex/2"), Snippets.edges(dir, code));
  }

  @Test
  void withoutAValueTheSubclassKeepsTheParametersName() throws Exception {
    // The caller's own parameter has no value, and a callee that changes its parameter first
    // no longer passes the caller's.
    String code = PIPE + "static void lock_next(struct pipe *p, int subclass) { subclass++; mutex_lock_nested(&p->mutex, subclass); }\n"
        + "void two(struct pipe *a, struct pipe *b, int how) { lock_nested(a, how); lock_next(b, PARENT); unlock(b); unlock(a); }\n";
    assertEquals(List.of("pipe.mutex/subclass -> pipe.mutex/subclass"), Snippets.edges(dir, code));
  }

  @Test
  void theSimulatorNamesTheLocksAsTheAnalysisDoes() throws Exception {
    // The timeline labels the cycle's two locks by the cycle, and a global both threads take
    // first, through a helper of its own, by the walk's name for it.
    String code = PIPE
        + "static DEFINE_MUTEX(big);\n"
        + "static void lock_big(int sub) { mutex_lock_nested(&big, sub); }\n"
        + "void double_lock(struct pipe *a, struct pipe *b) { lock_big(CHILD); mutex_unlock(&big); lock_nested(a, PARENT); lock_nested(b, CHILD); unlock(b); unlock(a); }\n"
        + "void other_way(struct pipe *a, struct pipe *b) { lock_big(CHILD); mutex_unlock(&big); lock_nested(b, CHILD); lock_nested(a, PARENT); unlock(a); unlock(b); }\n";
    Report r = Snippets.analyze(dir, code);
    Finding f = r.findings().get(0);
    assertEquals("LO001 pipe.mutex/1 -> pipe.mutex/2", Snippets.summary(f));
    assertEquals("confirmed", f.simulation().verdict().label());
    assertEquals(
        List.of("0 acquire big/2", "0 release big/2", "0 acquire pipe.mutex/1", "1 acquire big/2", "1 release big/2",
            "1 acquire pipe.mutex/2", "0 blocks pipe.mutex/2", "1 blocks pipe.mutex/1"),
        f.simulation().schedule().stream().map(s -> s.thread() + " " + s.action() + " " + s.lock()).toList());
  }

  @Test
  void aSubclassExpressionOfTheParameterIsEvaluatedWithTheHeadersMacros() throws Exception {
    // 6.1's xfs_ilock: down_write_nested(&VFS_I(ip)->i_rwsem, XFS_IOLOCK_DEP(lock_flags)), a
    // function-like macro of the flags; and a conditional of a parameter (ocfs2_double_lock's,
    // which passes it on to a helper, is not followed: ADR-015 later).
    Path header = Files.writeString(dir.resolve("xfs.h"), """
        #define XFS_IOLOCK_EXCL (1u << 0)
        #define XFS_IOLOCK_SHIFT 16
        #define XFS_IOLOCK_DEP_MASK 0x000f0000u
        #define XFS_IOLOCK_PARENT (1u << XFS_IOLOCK_SHIFT)
        #define XFS_IOLOCK_DEP(flags) (((flags) & XFS_IOLOCK_DEP_MASK) \\
        			>> XFS_IOLOCK_SHIFT)
        #define OI_LS_PARENT 1
        #define OI_LS_RENAME1 2
        """);
    String code = "#include \"xfs.h\"\n"
        + "struct rw_semaphore { long count; };\n"
        + "struct xfs_inode { struct rw_semaphore iolock; struct rw_semaphore meta; };\n"
        + "static void xfs_ilock(struct xfs_inode *ip, unsigned int lock_flags) { down_write_nested(&ip->iolock, XFS_IOLOCK_DEP(lock_flags)); }\n"
        + "static void meta_lock(struct xfs_inode *ip, int rename) { down_write_nested(&ip->meta, rename == 1 ? OI_LS_RENAME1 : OI_LS_PARENT); }\n"
        + "void two(struct xfs_inode *dp, struct xfs_inode *ip) {\n"
        + "  xfs_ilock(dp, XFS_IOLOCK_EXCL | XFS_IOLOCK_PARENT); xfs_ilock(ip, XFS_IOLOCK_EXCL);\n"
        + "  meta_lock(dp, 1); meta_lock(ip, 0);\n"
        + "}\n";
    Path file = Files.writeString(dir.resolve("snippet.c"), code);
    Report r = new Pipeline(PipelineOptions.defaults()).run(List.of(file.toString(), header.toString()));
    List<String> edges = r.graph().programs().stream().flatMap(p -> p.edges().stream()).map(e -> e.from() + " -> " + e.to()).toList();
    assertEquals(List.of(
        "xfs_inode.iolock -> xfs_inode.meta/1",
        "xfs_inode.iolock -> xfs_inode.meta/2",
        "xfs_inode.iolock/1 -> xfs_inode.iolock",
        "xfs_inode.iolock/1 -> xfs_inode.meta/1",
        "xfs_inode.iolock/1 -> xfs_inode.meta/2",
        "xfs_inode.meta/2 -> xfs_inode.meta/1"), edges);
  }
}
