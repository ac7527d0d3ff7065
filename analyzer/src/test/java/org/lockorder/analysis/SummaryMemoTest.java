package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.cli.Main;

/**
 * ADR-009: the summary memo reads back the components whose inputs did not change, and a run that
 * reads back gives, byte for byte, the report of a run without it.
 */
class SummaryMemoTest {
  @TempDir Path src;
  @TempDir Path cache;

  private static final String TYPES = """
      struct mutex { int owner; };
      struct inode { struct mutex i_rwsem; struct mutex i_lock; int size; };
      void mutex_lock(struct mutex *m);
      void mutex_unlock(struct mutex *m);
      """;

  /** Two files: helpers that take locks, and two threads that call them in opposite orders. */
  private static final String HELPERS = TYPES + """
      void note_size(struct inode *inode);

      void take_size_lock(struct inode *inode)
      {
      	mutex_lock(&inode->i_lock);
      	note_size(inode);
      	mutex_unlock(&inode->i_lock);
      }

      void take_rw_lock(struct inode *inode)
      {
      	mutex_lock(&inode->i_rwsem);
      	mutex_unlock(&inode->i_rwsem);
      }

      void grab(struct inode *inode, int exclusive)
      {
      	if (exclusive)
      		mutex_lock(&inode->i_rwsem);
      	else
      		mutex_lock(&inode->i_lock);
      }
      """;

  private static final String THREADS = TYPES + """
      void take_size_lock(struct inode *inode);
      void take_rw_lock(struct inode *inode);
      void grab(struct inode *inode, int exclusive);

      void writer(struct inode *inode)
      {
      	mutex_lock(&inode->i_rwsem);
      	take_size_lock(inode);
      	mutex_unlock(&inode->i_rwsem);
      }

      void resizer(struct inode *inode)
      {
      	mutex_lock(&inode->i_lock);
      	take_rw_lock(inode);
      	mutex_unlock(&inode->i_lock);
      }

      void grabber(struct inode *inode)
      {
      	mutex_lock(&inode->i_lock);
      	grab(inode, 0);
      }
      """;

  /** @param decoded how many components read back had their summaries decoded (ADR-009, "Later (stop 51)") */
  private record Run(String json, int readBack, int analyzed, int decoded) {}

  private Run run(boolean cached) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new java.util.ArrayList<>(List.of("analyze", "--format=json", "--timings"));
    if (cached) args.addAll(List.of("--cache-dir=" + cache, "--summary-memo"));
    args.add(src.toString());
    Main.run(args.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
    Matcher m = Pattern.compile("(\\d+) components read back, (\\d+) analyzed, (\\d+) read-back components' summaries decoded")
        .matcher(err.toString());
    int readBack = -1, analyzed = -1, decoded = -1;
    if (m.find()) {
      readBack = Integer.parseInt(m.group(1));
      analyzed = Integer.parseInt(m.group(2));
      decoded = Integer.parseInt(m.group(3));
    }
    return new Run(out.toString(), readBack, analyzed, decoded);
  }

  private void write(String helpers, String threads) throws IOException {
    Files.writeString(src.resolve("helpers.c"), helpers);
    Files.writeString(src.resolve("threads.c"), threads);
  }

  /** A cached run after an edit: its counts, checked to give the report of a run without the cache. */
  private Run afterEdit() {
    Run cached = run(true);
    assertEquals(run(false).json(), cached.json(), "the memo changed the report");
    return cached;
  }

  @Test
  void unchangedCodeIsReadBack() throws IOException {
    write(HELPERS, THREADS);
    Run first = run(true);
    assertTrue(first.json().contains("LO001"), first.json());
    assertEquals(0, first.readBack());
    // A comment at the end changes the file's bytes (no whole-run cache hit), not its code.
    write(HELPERS, THREADS + "/* reviewed */\n");
    Run second = afterEdit();
    assertEquals(0, second.analyzed(), "nothing to analyze again");
    assertTrue(second.readBack() > 0);
    assertEquals(0, second.decoded(), "no summary read back is needed when nothing is analyzed");
  }

  /** A hardirq handler that takes lock_A (irq-safe), in helpers.c. */
  private static final String HANDLER = """
      enum irqreturn { IRQ_NONE, IRQ_HANDLED };
      typedef enum irqreturn irqreturn_t;
      static DEFINE_SPINLOCK(lock_A);
      irqreturn_t test_irq_handler(int irq, void *dev_id)
      {
      \tspin_lock(&lock_A);
      \tspin_unlock(&lock_A);
      \treturn IRQ_HANDLED;
      }
      """;

  /** What registers {@link #HANDLER}, in threads.c. */
  private static final String REGISTERS_HANDLER = """
      irqreturn_t test_irq_handler(int irq, void *dev_id);
      int test_probe(void)
      {
      \treturn request_irq(1, test_irq_handler, 0, "selftest", NULL);
      }
      """;

  @Test
  void interruptUsagesAreReadBackWithoutTheSummaries() throws IOException {
    // Eight more entry points take lock_A with interrupts on, nearer than thread_E1: the rule
    // keeps one of them, by name.
    StringBuilder takers = new StringBuilder();
    for (int k = 0; k < 8; k++) takers.append("void taker_" + k + "(void)\n{\n\tspin_lock(&lock_A);\n\tspin_unlock(&lock_A);\n}\n");
    write(HANDLER + """
        static DEFINE_SPINLOCK(lock_B);
        void take_both(void)
        {
        \tspin_lock(&lock_A);
        \tspin_lock(&lock_B);
        \tspin_unlock(&lock_B);
        \tspin_unlock(&lock_A);
        }
        """ + takers, REGISTERS_HANDLER + """
        void take_both(void);
        void thread_E1(void)
        {
        \ttake_both();
        }
        """);
    Run first = run(true);
    assertTrue(first.json().contains("LO003"), "lock_A taken in the handler and with interrupts on: " + first.json());
    Files.writeString(src.resolve("threads.c"), Files.readString(src.resolve("threads.c")) + "/* reviewed */\n");
    Run again = afterEdit();
    assertEquals(0, again.analyzed());
    assertTrue(again.readBack() >= 11, again.toString());
    assertEquals(0, again.decoded(), "the usages are kept beside the summaries: " + again);
  }

  @Test
  void aFunctionThatBecameAnEntryPointHasItsSummaryDecodedForItsUsages() throws IOException {
    String helpers = HANDLER + """
        void take_a(void)
        {
        \tspin_lock(&lock_A);
        \tspin_unlock(&lock_A);
        }
        """;
    String threads = REGISTERS_HANDLER + """
        static DEFINE_SPINLOCK(lock_B);
        void take_a(void);
        void caller(void)
        {
        \tspin_lock_irq(&lock_B);
        \ttake_a();
        \tspin_unlock_irq(&lock_B);
        }
        """;
    write(helpers, threads);
    Run first = run(true);
    assertFalse(first.json().contains("LO003"), "take_a runs with interrupts off: " + first.json());
    // take_a loses its only caller: an entry point now, it takes lock_A with interrupts on. Its
    // entry, written when it was neither, kept no usages: its summary is read for them.
    write(helpers, threads.replace("\ttake_a();\n", ""));
    Run again = afterEdit();
    assertTrue(again.json().contains("LO003"), again.json());
    assertTrue(again.readBack() >= 1 && again.decoded() >= 1, again.toString());
  }

  @Test
  void onlyTheSummariesOfWhatIsAnalyzedAgainAreDecoded() throws IOException {
    write(HELPERS, THREADS);
    run(true);
    // writer calls take_size_lock and take_rw_lock: analyzed again, it reads their summaries.
    write(HELPERS, THREADS.replace("void writer(struct inode *inode)\n{\n", "void writer(struct inode *inode)\n{\n\tnote_size(inode);\n"));
    Run changed = afterEdit();
    assertEquals(1, changed.analyzed(), "writer alone: " + changed);
    assertTrue(changed.decoded() >= 1 && changed.decoded() < changed.readBack(), "its callees' summaries alone: " + changed);
  }

  @Test
  void movedCodeIsReadBackAtItsNewLines() throws IOException {
    write(HELPERS, THREADS);
    Run first = run(true);
    write("/*\n * three lines\n */\n" + HELPERS, THREADS);
    Run moved = afterEdit();
    assertEquals(0, moved.analyzed(), "only positions changed");
    assertNotEquals(first.json(), moved.json(), "the witnesses name the new lines");
  }

  @Test
  void aSummaryThatChangedReachesItsCallers() throws IOException {
    write(HELPERS, THREADS);
    Run first = run(true);
    // take_rw_lock no longer takes i_rwsem: the cycle is gone, and resizer must see it.
    write(HELPERS.replace("\tmutex_lock(&inode->i_rwsem);\n\tmutex_unlock(&inode->i_rwsem);\n", "\tnote_size(inode);\n"), THREADS);
    Run changed = afterEdit();
    assertTrue(changed.analyzed() >= 2, "take_rw_lock and its caller: " + changed);
    assertTrue(first.json().contains("LO001") && !changed.json().contains("LO001"), changed.json());
  }

  @Test
  void aChangeThatKeepsTheSummaryStopsThere() throws IOException {
    write(HELPERS, THREADS);
    run(true);
    // Another call under the same lock: take_size_lock's code changed, its summary did not.
    write(HELPERS.replace("\tnote_size(inode);\n\tmutex_unlock(&inode->i_lock);", "\tnote_size(inode);\n\tnote_size(inode);\n\tmutex_unlock(&inode->i_lock);"), THREADS);
    Run changed = afterEdit();
    assertEquals(1, changed.analyzed(), "take_size_lock alone");
  }

  @Test
  void aLineAddedAboveACalleesCallsAnalyzesTheCalleeAlone() throws IOException {
    String helpers = HELPERS + """

        void locked_note(struct inode *inode)
        {
        	take_size_lock(inode);
        }
        """;
    String threads = THREADS
        .replace("void take_rw_lock(struct inode *inode);", "void take_rw_lock(struct inode *inode);\nvoid locked_note(struct inode *inode);")
        .replace("\ttake_size_lock(inode);\n\tmutex_unlock(&inode->i_rwsem);", "\tlocked_note(inode);\n\tmutex_unlock(&inode->i_rwsem);");
    write(helpers, threads);
    Run first = run(true);
    assertTrue(first.json().contains("\"function\" : \"locked_note\""), first.json());
    // The call moves a line down: locked_note's code changed, its summary only moved, and
    // writer's entry names locked_note's call step by index (ADR-009 later).
    write(helpers.replace("{\n\ttake_size_lock(inode);\n}", "{\n\t/* one more line */\n\ttake_size_lock(inode);\n}"), threads);
    Run moved = afterEdit();
    assertEquals(1, moved.analyzed(), "locked_note alone");
    assertNotEquals(first.json(), moved.json(), "the witness names the call's new line");
  }

  @Test
  void aNewCallerOfSharedCodeInAnotherFileIsSeen() throws IOException {
    // ADR-003 later: which file systems shared code runs for comes from its callers, so a caller
    // added in another file changes what iomap_page_mkwrite's unchanged code orders.
    Map<String, String> files = new java.util.TreeMap<>(Map.of("fs/inode.c", FileSystemDispatchTest.VFS,
        "fs/iomap/buffered.c", FileSystemDispatchTest.IOMAP, "fs/xfs/file.c", FileSystemDispatchTest.XFS_MKWRITE,
        "fs/ext4/inode.c", FileSystemDispatchTest.EXT4_WRITEPAGE));
    for (Map.Entry<String, String> e : files.entrySet()) {
      Files.createDirectories(src.resolve(e.getKey()).getParent());
      Files.writeString(src.resolve(e.getKey()), e.getValue());
    }
    Run first = run(true);
    assertFalse(first.json().contains("\"LO001\""), first.json());
    Files.writeString(src.resolve("fs/ext4/inode.c"), FileSystemDispatchTest.EXT4_MKWRITE_TOO);
    Run second = afterEdit();
    assertTrue(second.json().contains("\"LO001\""), second.json());
  }

  @Test
  void anEditThatKeepsTheSummaryStopsThereWhenACalleeSpecialisedTheSameCall() throws IOException {
    // attach(inode, 1) gets a summary specialised for its argument. helper, a callee of editme,
    // makes it first and writes its path down to inner_lock; editme's own call uses the same
    // summary. Edited, editme is analyzed again while helper is read back: editme then makes the
    // specialised summary itself, and its entry must still come out the same, byte for byte
    // (ADR-009, "Canonical entries"), for top to be read back.
    String code = TYPES + """
        void note_size(struct inode *inode);

        void inner_lock(struct inode *inode)
        {
        	mutex_lock(&inode->i_lock);
        	mutex_unlock(&inode->i_lock);
        }

        void attach(struct inode *inode, int wb)
        {
        	if (wb)
        		inner_lock(inode);
        }

        void helper(struct inode *inode)
        {
        	attach(inode, 1);
        }

        void editme(struct inode *inode)
        {
        	helper(inode);
        	attach(inode, 1);
        }

        void top(struct inode *inode)
        {
        	mutex_lock(&inode->i_rwsem);
        	editme(inode);
        	mutex_unlock(&inode->i_rwsem);
        }
        """;
    write(code, TYPES);
    Run first = run(true);
    assertTrue(first.analyzed() >= 5, first.toString());
    write(code.replace("\thelper(inode);\n", "\tnote_size(inode);\n\thelper(inode);\n"), TYPES);
    Run edited = afterEdit();
    assertEquals(1, edited.analyzed(), "editme alone: " + edited);
  }

  @Test
  void aCalleeSpecialisedForItsArgumentsIsReadAgain() throws IOException {
    write(HELPERS, THREADS);
    Run first = run(true);
    // grab(inode, 0) takes i_lock under i_lock (an AA finding); swapped, it takes i_rwsem: only
    // grab's specialised summary differs, its general summary is the same.
    write(HELPERS.replace("if (exclusive)", "if (!exclusive)"), THREADS);
    Run changed = afterEdit();
    assertTrue(changed.analyzed() >= 2, "grab and grabber: " + changed);
    assertNotEquals(first.json(), changed.json());
  }

  @Test
  void aMemberTestInACalleeIsReadBack() throws IOException {
    // ADR-006 later: drop_rmap's exit that found vma->anon_vma NULL is not taken by a caller that
    // holds the lock take_rmap took through it. Read back, the helpers' summaries must still say
    // so (the lock's HeldLock#through, the exit's nullMembers), or move's analysis again after
    // an edit finds the anon_vma lock leaked into the second call.
    String helpers = """
        struct rw_semaphore { long count; };
        struct anon_vma { struct anon_vma *root; struct rw_semaphore rwsem; };
        struct vm_area_struct { struct anon_vma *anon_vma; };
        void take_rmap(struct vm_area_struct *vma)
        {
        	if (vma->anon_vma)
        		down_write(&vma->anon_vma->root->rwsem);
        }
        void drop_rmap(struct vm_area_struct *vma)
        {
        	if (vma->anon_vma)
        		up_write(&vma->anon_vma->root->rwsem);
        }
        """;
    String threads = """
        struct vm_area_struct;
        void take_rmap(struct vm_area_struct *vma);
        void drop_rmap(struct vm_area_struct *vma);
        void note(struct vm_area_struct *vma);
        void move(struct vm_area_struct *vma)
        {
        	take_rmap(vma);
        	note(vma);
        	drop_rmap(vma);
        }
        void move_tables(struct vm_area_struct *vma)
        {
        	move(vma);
        	move(vma);
        }
        """;
    noRecursiveLockingWhenTheCallerIsEdited(helpers, threads, threads.replace("\tnote(vma);\n", "\tnote(vma);\n\tnote(vma);\n"));
  }

  /**
   * A run with the memo finds no recursive locking; neither does one after {@code threads}
   * became {@code edited}, which analyzes the callers again and reads the helpers back.
   */
  private void noRecursiveLockingWhenTheCallerIsEdited(String helpers, String threads, String edited) throws IOException {
    write(helpers, threads);
    Run first = run(true);
    assertFalse(first.json().contains("\"LO002\""), first.json());
    write(helpers, edited);
    Run again = afterEdit();
    assertTrue(again.readBack() > 0 && again.analyzed() > 0, "the helpers read back, the callers analyzed: " + again);
    assertFalse(again.json().contains("\"LO002\""), again.json());
  }

  @Test
  void aNestLockOfACalleesAcquisitionIsReadBack() throws IOException {
    // The helper takes each mapping's lock under the caller's mmap_lock (6.1's vm_lock_mapping):
    // read back, its summary must still name the nest lock, or the caller's loop, analyzed again
    // after an edit, takes the second mapping as recursive locking.
    String helpers = """
        struct rw_semaphore { long count; };
        struct address_space { struct rw_semaphore i_mmap_rwsem; };
        struct mm_struct { struct rw_semaphore mmap_lock; };
        void vm_lock_mapping(struct mm_struct *mm, struct address_space *mapping)
        {
        	down_write_nest_lock(&mapping->i_mmap_rwsem, &mm->mmap_lock);
        }
        """;
    String threads = """
        struct mm_struct;
        struct address_space;
        struct vm_area_struct { struct address_space *mapping; struct vm_area_struct *next; };
        void vm_lock_mapping(struct mm_struct *mm, struct address_space *mapping);
        void note(struct mm_struct *mm);
        int take_all_locks(struct mm_struct *mm, struct vm_area_struct *vma)
        {
        	mmap_write_lock(mm);
        	for (; vma; vma = vma->next)
        		vm_lock_mapping(mm, vma->mapping);
        	return 0;
        }
        """;
    noRecursiveLockingWhenTheCallerIsEdited(
        helpers, threads, threads.replace("\tmmap_write_lock(mm);\n", "\tmmap_write_lock(mm);\n\tnote(mm);\n"));
  }

  @Test
  void aReturnedConstantIsReadBack() throws IOException {
    // 6.1's xfs_iget_recycle returns -EAGAIN still holding the inode's flags lock, which its
    // caller's 'if (error == -EAGAIN) goto out_skip;' drops. Read back, the helper's exit must
    // still say which constant it returned, or the caller, analyzed again after an edit, returns
    // holding the lock on the '-EAGAIN' exit and takes it again on the next lookup.
    String helpers = """
        #define EAGAIN 11
        struct spinlock { int raw; };
        struct xinode { struct spinlock flags_lock; int flags; };
        int ilock_nowait(struct xinode *ip);
        int recycle(struct xinode *ip)
        {
        	if (!ilock_nowait(ip))
        		return -EAGAIN;
        	spin_unlock(&ip->flags_lock);
        	return 0;
        }
        """;
    String threads = """
        #define EAGAIN 11
        struct spinlock { int raw; };
        struct xinode { struct spinlock flags_lock; int flags; };
        int recycle(struct xinode *ip);
        void note(struct xinode *ip);
        int cache_hit(struct xinode *ip)
        {
        	int error;
        	spin_lock(&ip->flags_lock);
        	error = recycle(ip);
        	if (error == -EAGAIN)
        		goto out_skip;
        	if (error)
        		return error;
        	return 0;
        out_skip:
        	spin_unlock(&ip->flags_lock);
        	return -EAGAIN;
        }
        void lookup_twice(struct xinode *ip)
        {
        	cache_hit(ip);
        	cache_hit(ip);
        }
        """;
    noRecursiveLockingWhenTheCallerIsEdited(helpers, threads, threads.replace("\tint error;\n", "\tint error;\n\tnote(ip);\n"));
  }

  @Test
  void whichArgumentACalleeReleasesThroughIsInItsCallersKeys() throws IOException {
    // pipe_unlock's summary releases pipe.mutex whichever pipe it unlocks; whether it unlocks
    // its argument's is read from its code (AnalysisContext.releaseParams), so an edit that
    // changes only that must reach splice_again, whose file did not change.
    String helpers = """
        struct mutex { long owner; };
        struct pipe { struct mutex mutex; unsigned int head; };
        struct pipe *spare_pipe;
        void pipe_unlock(struct pipe *pipe)
        {
        	pipe->head = 0;
        	mutex_unlock(&pipe->mutex);
        }
        """;
    String threads = """
        struct mutex { long owner; };
        struct pipe { struct mutex mutex; unsigned int head; };
        void pipe_unlock(struct pipe *pipe);
        long splice_again(struct pipe *ipipe, struct pipe *opipe)
        {
        	mutex_lock_nested(&ipipe->mutex, 1);
        	mutex_lock_nested(&opipe->mutex, 2);
        	pipe_unlock(ipipe);
        	mutex_lock_nested(&opipe->mutex, 2);
        	pipe_unlock(opipe);
        	pipe_unlock(opipe);
        	return 0;
        }
        """;
    write(helpers, threads);
    Run first = run(true);
    assertTrue(first.json().contains("LO002"), "the output pipe's lock taken again: " + first.json());
    write(helpers.replace("mutex_unlock(&pipe->mutex);", "mutex_unlock(&spare_pipe->mutex);"), threads);
    Run changed = afterEdit();
    assertTrue(!changed.json().contains("LO002"), "released by class, the newest: " + changed.json());
  }

  @Test
  void theMemoNeedsACacheDirectory() throws IOException {
    write(HELPERS, THREADS);
    StringWriter err = new StringWriter();
    int exit = Main.run(new String[] {"analyze", "--summary-memo", src.toString()},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertEquals(2, exit);
    assertTrue(err.toString().contains("--summary-memo") && err.toString().contains("--cache-dir"), err.toString());
  }

  @Test
  void withoutTheOptionNothingIsKept() throws IOException {
    write(HELPERS, THREADS);
    StringWriter out = new StringWriter();
    Main.run(new String[] {"analyze", "--format=json", "--cache-dir=" + cache, src.toString()},
        new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    assertTrue(out.toString().contains("LO001"));
    assertTrue(!Files.exists(cache.resolve("summaries")), "no memo without --summary-memo");
  }

  @Test
  void aDamagedMemoIsIgnored() throws IOException {
    damagedRecordIsAMiss(1);
  }

  @Test
  void aDamagedSummariesPartIsAMissNotAFailureLater() throws IOException {
    damagedRecordIsAMiss(2);
  }

  /**
   * Damages the compressed bytes of the memo file's record {@code fromEnd} from the end: 1 is the
   * last entry's first part, 2 its summaries (written just before it). The last entry is the one
   * the index keeps for its key even when an earlier record has the same key (two components with
   * the same inputs), which a byte picked blindly could hit without effect.
   */
  private void damagedRecordIsAMiss(int fromEnd) throws IOException {
    write(HELPERS, THREADS);
    Run first = run(true);
    List<Path> files;
    try (Stream<Path> s = Files.walk(cache.resolve("summaries"))) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    // The memo file itself (a run's temporary files end with it).
    Path memo = files.stream().filter(f -> f.toString().endsWith(".bin")).findFirst().orElseThrow();
    byte[] b = Files.readAllBytes(memo);
    // Records after a 5-byte magic: key length, key, length, checksum, compressed bytes.
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
    buf.position(5);
    List<int[]> records = new java.util.ArrayList<>();
    while (buf.remaining() >= 2) {
      int keyLength = buf.getShort() & 0xFFFF;
      buf.position(buf.position() + keyLength);
      int length = buf.getInt();
      buf.getInt();
      records.add(new int[] {buf.position(), length});
      buf.position(buf.position() + length);
    }
    int[] record = records.get(records.size() - fromEnd);
    int at = record[0] + record[1] / 2;
    b[at] ^= 0x5a;
    Files.write(memo, b);
    write(HELPERS, THREADS + "/* reviewed */\n");
    Run again = afterEdit();
    assertTrue(again.analyzed() >= 1, "what the damage hit (byte " + at + " of " + b.length + " in " + files + ") is analyzed again: " + again);
    assertTrue(first.analyzed() > 0);
  }
}
