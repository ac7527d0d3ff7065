package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.source.SourceText;

/** Lock- and call-wrapping macros: found in headers, selected by what they call, expanded at their call sites. */
class LockMacrosTest {
  private static final Set<String> API = Set.of("spin_lock", "spin_unlock", "spin_lock_irq", "spin_unlock_irq", "mutex_lock");

  private static final String XARRAY_H = """
      struct xarray { spinlock_t xa_lock; void *head; };
      #define xa_lock(xa)		spin_lock(&(xa)->xa_lock)
      #define xa_unlock(xa)		spin_unlock(&(xa)->xa_lock)
      #define xa_lock_irq(xa)		\\
      	spin_lock_irq(&(xa)->xa_lock)	/* the i_pages lock */
      #define xa_lock_twice(xa)	do { xa_lock(xa); xa_unlock(xa); } while (0)
      #define xa_name(xa)		#xa
      #define xa_marked(xa, m)	((xa)->head != 0)
      #define spin_lock(l)		raw_spin_lock(&(l)->rlock)
      """;

  private static LockMacros macros(String header) {
    return LockMacros.select(MacroDefinition.scan("include/linux/xarray.h", header), API);
  }

  private static List<Event.Call> calls(Function f) {
    List<Event.Call> out = new ArrayList<>();
    for (Node n : f.cfg().nodes()) if (n.event() instanceof Event.Call c) out.add(c);
    return out;
  }

  private static Function parse(String code, LockMacros macros) {
    TranslationUnit tu = new CFrontend(Set.of()).parse(new SourceText("mm/filemap.c", code), macros);
    assertEquals(List.of(), tu.diagnostics(), "diagnostics");
    return tu.functions().get(tu.functions().size() - 1);
  }

  @Test
  void scanReadsFunctionLikeDefinitionsAcrossContinuationsAndComments() {
    List<MacroDefinition> defs = MacroDefinition.scan("x.h", XARRAY_H + "#define OBJECT_LIKE (1)\n#define va(fmt, args...) pr(fmt, ##args)\n");
    assertEquals(List.of("xa_lock", "xa_unlock", "xa_lock_irq", "xa_lock_twice", "xa_name", "xa_marked", "spin_lock", "va"),
        defs.stream().map(MacroDefinition::name).toList());
    MacroDefinition irq = defs.get(2);
    assertEquals("spin_lock_irq(&(xa)->xa_lock)", irq.body());
    assertEquals(4, irq.line());
    assertTrue(defs.get(7).variadic());
    assertEquals(List.of("fmt", "args"), defs.get(7).params());
  }

  @Test
  void scanFollowsTheParsersConditionalPolicy() {
    String text = """
        #if 0
        #define lock_a(x) spin_lock(x)
        #elif defined(CONFIG_SMP)
        #define lock_a(x) mutex_lock(x)
        #else
        #define lock_a(x) do { } while (0)
        #endif
        #ifdef CONFIG_X
        # ifndef Y
        #  define lock_b(x) spin_lock(x)
        # endif
        #else
        #define lock_b(x) (void)(x)
        #endif
        """;
    List<MacroDefinition> defs = MacroDefinition.scan("x.h", text);
    assertEquals(List.of("mutex_lock(x)", "spin_lock(x)"), defs.stream().map(MacroDefinition::body).toList());
  }

  @Test
  void onlyMacrosThatReachTheLockApiAreSelectedAndPrimitivesNeverAre() {
    LockMacros m = macros(XARRAY_H);
    // xa_name uses '#', xa_marked calls nothing of the API, spin_lock is a primitive.
    assertEquals(Set.of("xa_lock", "xa_unlock", "xa_lock_irq", "xa_lock_twice"), m.names());
    LockMacros param = LockMacros.select(MacroDefinition.scan("y.h", "#define call_it(spin_lock, x) spin_lock(x)\n"), API);
    assertTrue(param.isEmpty(), "a parameter named like a primitive is not a call of it");
  }

  @Test
  void aConstantWrittenAsACallIsExpandedSoItsBranchHasOneSide() {
    String code = """
        #ifndef CONFIG_PREEMPT_RT
        #define USE_LOCKLESS_FAST_PATH()	(true)
        #else
        #define USE_LOCKLESS_FAST_PATH()	(false)
        #endif
        void f(struct xarray *xa)
        {
        	if (USE_LOCKLESS_FAST_PATH())
        		xa->head = 0;
        	else
        		spin_lock(&xa->xa_lock);
        }
        """;
    TranslationUnit tu = new CFrontend(Set.of()).parse(new SourceText("mm/slub.c", code),
        macros(XARRAY_H).withLocal(MacroDefinition.scan("mm/slub.c", code)));
    Function f = tu.functions().get(0);
    assertTrue(calls(f).stream().noneMatch(c -> c.callee().equals("USE_LOCKLESS_FAST_PATH")), "expanded, not a call");
    assertTrue(f.cfg().nodes().stream().noneMatch(n -> n.successors().size() == 2), "a literal condition: one side, no branch");
    LockMacros header = macros(XARRAY_H + "#define ALWAYS() 1\n#define NOT_A_CONSTANT() (x)\n");
    assertTrue(header.names().contains("ALWAYS"), "from a header too");
    assertFalse(header.names().contains("NOT_A_CONSTANT"));
  }

  @Test
  void anInvocationBecomesTheWrappedPrimitiveAtTheInvocationsPosition() {
    Function f = parse("""
        struct address_space { struct xarray i_pages; };
        void f(struct address_space *mapping)
        {
        	xa_lock_irq(&mapping->i_pages);
        }
        """, macros(XARRAY_H));
    Event.Call c = calls(f).get(0);
    assertEquals("spin_lock_irq", c.callee());
    assertEquals("xa_lock_irq", c.macro(), "the call remembers the macro written");
    assertEquals(4, c.location().line());
    assertEquals(2, c.location().column());
    assertEquals(List.of("i_pages", "xa_lock"), c.args().get(0).path().fields());
    assertEquals("xa_lock_irq(&mapping->i_pages)", c.args().get(0).text(), "the text shown is what the user wrote");
  }

  @Test
  void nestedWrappersAndStatementMacrosExpandFully() {
    Function f = parse("""
        void f(struct xarray *xa)
        {
        	xa_lock_twice(xa);
        }
        """, macros(XARRAY_H));
    assertEquals(List.of("spin_lock", "spin_unlock"), calls(f).stream().map(Event.Call::callee).toList());
  }

  @Test
  void helperMacrosAndStatementArgumentsExpandInsideAWrapper() {
    String header = """
        #define ___wait(wq, cond, cmd) do { for (;;) { if (cond) break; cmd; } } while (0)
        #define wait_event_lock_irq(wq, cond, lock) ___wait(wq, cond, spin_unlock_irq(&lock); schedule(); spin_lock_irq(&lock))
        """;
    Function f = parse("""
        void f(struct foo *q)
        {
        	wait_event_lock_irq(q->wq, q->ready, q->lock);
        }
        """, LockMacros.select(MacroDefinition.scan("wait.h", header), API));
    assertEquals(List.of("spin_unlock_irq", "schedule", "spin_lock_irq"), calls(f).stream().map(Event.Call::callee).toList());
    assertEquals(java.util.Arrays.asList("wait_event_lock_irq", "wait_event_lock_irq", "wait_event_lock_irq"),
        calls(f).stream().map(Event.Call::macro).toList(), "the outermost macro, through the helper");
  }

  @Test
  void anExpansionTheGrammarCannotReadLeavesTheCallAsWritten() {
    LockMacros m = LockMacros.select(MacroDefinition.scan("x.h", "#define odd_lock(l) spin_lock(l) ] [\n"), API);
    assertFalse(m.isEmpty());
    Function f = parse("void f(spinlock_t *l)\n{\n\todd_lock(l);\n}\n", m);
    assertEquals(List.of("odd_lock"), calls(f).stream().map(Event.Call::callee).toList());
  }

  @Test
  void aFilesOwnDefinitionsWinOverTheHeaders() {
    Function f = parse("""
        #define xa_lock(xa) mutex_lock(&(xa)->xa_lock)
        #define my_lock(p) spin_lock(&(p)->lock)
        void f(struct xarray *xa, struct foo *p)
        {
        	xa_lock(xa);
        	my_lock(p);
        }
        """, macros(XARRAY_H));
    assertEquals(List.of("mutex_lock", "spin_lock"), calls(f).stream().map(Event.Call::callee).toList());
  }

  @Test
  void theFingerprintChangesWithAnySelectedDefinition() {
    String changed = XARRAY_H.replace("spin_lock_irq(&(xa)->xa_lock)", "spin_lock(&(xa)->xa_lock)");
    assertNotEquals(macros(XARRAY_H).fingerprint(), macros(changed).fingerprint());
    assertEquals(macros(XARRAY_H).fingerprint(), macros(XARRAY_H + "#define unrelated(x) (x)\n").fingerprint());
  }

  private static final String EXT4_JBD2_H = """
      #define ext4_journal_stop(handle) __ext4_journal_stop(__func__, __LINE__, (handle))
      #define ext4_mark_inode_dirty(__h, __i) \\
      	__ext4_mark_inode_dirty((__h), (__i), __func__, __LINE__)
      #define ext4_stop_quietly(h) (ext4_journal_stop(h))
      #define likely(x) __builtin_expect(!!(x), 1)
      #define le16_to_cpu __le16_to_cpu
      #define B_NR_ITEMS(bh) le16_to_cpu((bh)->nr_items)
      #define page_folio(p) _Generic((p), const struct page *: 0, struct page *: 1)
      #define two_calls(x) a(x) + b(x)
      #define in_a_statement(x) do { a(x); } while (0)
      #define call_the_argument(fn, x) fn(x)
      #define over_a_statement_macro(x) in_a_statement(x)
      #define named(x) message("a (call) in a string", x)
      """;

  private static LockMacros withCallWrappers(String header) {
    return LockMacros.select(MacroDefinition.scan("fs/ext4/ext4_jbd2.h", header), API, Set.of("le16_to_cpu"));
  }

  @Test
  void macrosWhoseWholeReplacementIsOneFunctionCallAreSelected() {
    // Not selected: a builtin, a call of an object-like macro, a keyword, two calls, a statement,
    // a call of a parameter, a call of a macro that wraps no call.
    assertEquals(Set.of("ext4_journal_stop", "ext4_mark_inode_dirty", "ext4_stop_quietly", "named"),
        withCallWrappers(EXT4_JBD2_H).names());
  }

  @Test
  void aCallWrapperBecomesACallOfTheFunctionItWraps() {
    Function f = parse("""
        void ext4_dirty_inode(struct inode *inode, handle_t *handle)
        {
        	ext4_mark_inode_dirty(handle, inode);
        	ext4_stop_quietly(handle);
        }
        """, withCallWrappers(EXT4_JBD2_H));
    List<Event.Call> calls = calls(f);
    assertEquals(List.of("__ext4_mark_inode_dirty", "__ext4_journal_stop"), calls.stream().map(Event.Call::callee).toList());
    assertEquals(java.util.Arrays.asList("ext4_mark_inode_dirty", "ext4_stop_quietly"), calls.stream().map(Event.Call::macro).toList());
    assertEquals(3, calls.get(0).location().line());
    assertEquals(new org.lockorder.ir.AccessPath.Var("inode"), calls.get(0).args().get(1).path().root(),
        "the argument is the caller's, through the macro's parameter");
  }

  @Test
  void aFileThatDefinesTheWrappedFunctionAsAMacroKeepsTheCall() {
    Function f = parse("""
        #define __ext4_journal_stop(where, line, h) ((void)(h))
        #define my_stop(h) ext4_commit(h)
        void f(handle_t *handle)
        {
        	ext4_journal_stop(handle);
        	my_stop(handle);
        }
        """, withCallWrappers(EXT4_JBD2_H));
    // The header's wrapper now calls a macro that wraps no call: it is not expanded. The file's
    // own wrapper is.
    assertEquals(List.of("ext4_journal_stop", "ext4_commit"), calls(f).stream().map(Event.Call::callee).toList());
  }

  @Test
  void aFilesOwnCallWrappersAreExpandedToo() {
    Function f = parse("""
        #define my_stop(h) ext4_commit(h)
        #define my_dirty(h, i) (ext4_mark_inode_dirty(h, i))
        #define my_debug(h) do { pr_debug(h); } while (0)
        void f(handle_t *handle, struct inode *inode)
        {
        	my_stop(handle);
        	my_dirty(handle, inode);
        	my_debug(handle);
        }
        """, withCallWrappers(EXT4_JBD2_H));
    assertEquals(List.of("ext4_commit", "__ext4_mark_inode_dirty", "my_debug"),
        calls(f).stream().map(Event.Call::callee).toList(), "a statement macro stays a call");
  }

  @Test
  void aFilesOwnDefinitionOfAHeadersCallWrapperWins() {
    Function f = parse("""
        #define ext4_journal_stop(h) do { jbd2_stop(h); } while (0)
        #define ext4_mark_inode_dirty(h, i) ext4_mark_dirty_here(h, i)
        void f(handle_t *handle, struct inode *inode)
        {
        	ext4_journal_stop(handle);
        	ext4_mark_inode_dirty(handle, inode);
        	ext4_stop_quietly(handle);
        }
        """, withCallWrappers(EXT4_JBD2_H));
    Function g = parse("""
        #define ext4_mark_inode_dirty(h, i) do { mark_here(h, i); } while (0)
        void g(handle_t *handle, struct inode *inode)
        {
        	ext4_mark_inode_dirty(handle, inode);
        	ext4_journal_stop(handle);
        }
        """, withCallWrappers(EXT4_JBD2_H));
    assertEquals(List.of("ext4_mark_inode_dirty", "__ext4_journal_stop"), calls(g).stream().map(Event.Call::callee).toList(),
        "without selecting again: the file's statement macro hides the header's wrapper, the others stay");
    // The file's statement macro stays a call; its own wrapper replaces the header's; a header
    // wrapper over the redefined name wraps a macro now, and is not expanded either.
    assertEquals(List.of("ext4_journal_stop", "ext4_mark_dirty_here", "ext4_stop_quietly"),
        calls(f).stream().map(Event.Call::callee).toList());
  }
}
