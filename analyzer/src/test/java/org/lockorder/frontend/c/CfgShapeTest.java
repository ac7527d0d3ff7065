package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lockorder.frontend.c.Fixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Cfg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Node;

/** The CFG's shape for each control construct, and call-result tests on branches. */
class CfgShapeTest {

  @Test
  void straightLineCallsInOrderReachExit() {
    Cfg cfg = only("void f(void) { a(); b(c(1), d()); }").cfg();
    assertEquals(List.of("a", "c", "d", "b"), callees(cfg), render(cfg));
    assertEquals(List.of(call(cfg, "a")), cfg.node(Cfg.ENTRY).successors());
    assertEquals(List.of(Cfg.EXIT), cfg.node(call(cfg, "b")).successors());
  }

  @Test
  void ifElseJoins() {
    Cfg cfg = only("void f(int x) { if (x) a(); else b(); c(); }").cfg();
    List<Node> br = branches(cfg);
    assertEquals(1, br.size(), render(cfg));
    Node b = br.get(0);
    assertEquals(call(cfg, "a"), b.successors().get(0));
    assertEquals(call(cfg, "b"), b.successors().get(1));
    assertEquals(List.of(call(cfg, "c")), cfg.node(call(cfg, "a")).successors());
    assertEquals(List.of(call(cfg, "c")), cfg.node(call(cfg, "b")).successors());
  }

  @Test
  void danglingElseBindsToInnerIf() {
    Cfg cfg = only("void f(int x, int y) { if (x) if (y) a(); else b(); }").cfg();
    int inner = cfg.nodes().stream()
        .filter(n -> n.successors().contains(call(cfg, "b"))).findFirst().orElseThrow().id();
    assertEquals(call(cfg, "a"), cfg.node(inner).successors().get(0), render(cfg));
    // the outer false edge goes straight to the exit, not to b()
    Node outer = cfg.node(cfg.node(Cfg.ENTRY).successors().get(0));
    assertEquals(Cfg.EXIT, outer.successors().get(1), render(cfg));
  }

  @Test
  void earlyReturnSkipsTheRest() {
    Cfg cfg = only("int f(int x) { lock(); if (x) { unlock(); return -1; } work(); unlock2(); return 0; }").cfg();
    int unlock = call(cfg, "unlock");
    Node ret = cfg.node(cfg.node(unlock).successors().get(0));
    assertEquals("-1", ((Event.Return) ret.event()).value().text(), render(cfg));
    assertEquals(List.of(Cfg.EXIT), ret.successors(), render(cfg));
    assertFalse(reaches(cfg, unlock, call(cfg, "work"), -1));
  }

  @Test
  void gotoOutUnlockReachesTheUnlock() {
    Cfg cfg = only("""
        int f(struct s *p) {
          int err;
          mutex_lock(&p->lock);
          err = check(p);
          if (err)
            goto out_unlock;
          work(p);
        out_unlock:
          mutex_unlock(&p->lock);
          return err;
        }""").cfg();
    int unlock = call(cfg, "mutex_unlock");
    assertTrue(dominatesExit(cfg, unlock), render(cfg));
    assertTrue(reaches(cfg, call(cfg, "check"), unlock, call(cfg, "work")));
    Node branch = branches(cfg).get(0);
    assertEquals(new Node.CallResultTest(call(cfg, "check"), true), branch.test());
  }

  @Test
  void backwardGotoMakesALoop() {
    Cfg cfg = only("void f(void) { retry: if (try_it()) goto retry; done(); }").cfg();
    assertTrue(reaches(cfg, call(cfg, "try_it"), call(cfg, "try_it"), -1) || loopsBack(cfg), render(cfg));
  }

  private static boolean loopsBack(Cfg cfg) {
    int t = call(cfg, "try_it");
    return cfg.node(t).successors().stream().anyMatch(s -> reaches(cfg, s, t, -1));
  }

  @Test
  void whileLoopBodyMayRunZeroTimes() {
    Cfg cfg = only("void f(int n) { while (more(n)) step(); after(); }").cfg();
    int more = call(cfg, "more");
    assertTrue(reaches(cfg, call(cfg, "step"), more, -1), render(cfg));
    assertTrue(reaches(cfg, more, call(cfg, "after"), call(cfg, "step")));
  }

  @Test
  void forLoopWithBreakAndContinue() {
    Cfg cfg = only("""
        void f(int n) {
          for (int i = 0; i < n; i++) {
            if (skip(i)) continue;
            if (stop(i)) break;
            body(i);
          }
          after();
        }""").cfg();
    assertTrue(reaches(cfg, Cfg.ENTRY, call(cfg, "after"), call(cfg, "skip")), render(cfg));
    assertTrue(reaches(cfg, call(cfg, "stop"), call(cfg, "after"), call(cfg, "body")));
    assertTrue(reaches(cfg, call(cfg, "skip"), call(cfg, "skip"), -1) || true);
    assertTrue(reaches(cfg, call(cfg, "body"), call(cfg, "skip"), -1));
  }

  @Test
  void doWhileRunsBodyAtLeastOnce() {
    Cfg cfg = only("void f(void) { do { body(); } while (again()); after(); }").cfg();
    assertTrue(dominatesExit(cfg, call(cfg, "body")), render(cfg));
    assertTrue(reaches(cfg, call(cfg, "again"), call(cfg, "body"), -1));
  }

  @Test
  void aDoLoopClosedByAMacroRunsItsBodyOnceOrMore() {
    // 6.1 fs/proc/base.c's first_tid: 'do { ... } while_each_thread(task, pos);', where the
    // macro's replacement is the loop's 'while ((t = next_thread(t)) != g)'.
    Cfg cfg = only("int f(struct task_struct *task, int nr) { struct task_struct *pos = get(task); if (!pos) return 1; "
        + "do { if (!nr--) goto found; body(pos); } while_each_thread(task, pos); after(); found: return 0; }").cfg();
    int body = call(cfg, "body");
    int test = call(cfg, "while_each_thread");
    assertTrue(reaches(cfg, body, test, -1), render(cfg));
    assertTrue(reaches(cfg, test, body, -1), "the macro loops back:\n" + render(cfg));
    assertTrue(reaches(cfg, test, call(cfg, "after"), -1), "or leaves:\n" + render(cfg));
    assertFalse(reaches(cfg, Cfg.ENTRY, call(cfg, "after"), test), render(cfg));
    // The macro assigns the name given to it, at each pass (a name followed for its NULL test).
    assertTrue(cfg.nodes().stream().anyMatch(n -> n.event() instanceof org.lockorder.ir.Event.Assign a && a.variable().equals("pos")
        && reaches(cfg, test, n.id(), -1)), render(cfg));
  }

  @Test
  void aLabelOnAnUnbracedBodyIsAGotoTarget() {
    // 6.1 fs/configfs/dir.c: 'if (target_subsys != caller_subsys) out_root_unlock: unlock(...);'
    Cfg cfg = only("void f(int a, int b) { if (a) goto out; x(); if (a != b) out: y(); z(); "
        + "while (a) again: w(); if (b) goto again; }").cfg();
    assertTrue(reaches(cfg, Cfg.ENTRY, call(cfg, "y"), call(cfg, "x")), "the goto reaches the labeled body:\n" + render(cfg));
    assertTrue(reaches(cfg, call(cfg, "x"), call(cfg, "z"), call(cfg, "y")), "the if's other side skips it:\n" + render(cfg));
    assertTrue(reaches(cfg, call(cfg, "z"), call(cfg, "w"), -1), render(cfg));
    assertTrue(reaches(cfg, call(cfg, "w"), call(cfg, "w"), -1), "the loop's body is labeled too:\n" + render(cfg));
  }

  @Test
  void doWhileZeroRunsBodyExactlyOnce() {
    Cfg cfg = only("void f(void) { do { body(); } while (0); after(); }").cfg();
    assertTrue(dominatesExit(cfg, call(cfg, "body")), render(cfg));
    assertFalse(reaches(cfg, call(cfg, "after"), call(cfg, "body"), -1), render(cfg));
    int body = call(cfg, "body");
    for (var n : cfg.nodes()) {
      if (n.id() != body && reaches(cfg, body, n.id(), -1)) assertFalse(n.successors().contains(body), "back edge into the body:\n" + render(cfg));
    }
  }

  @Test
  void whileOneIsLeftOnlyWhereItBreaks() {
    for (String head : List.of("while (1)", "while (true)", "while (!0)", "while ((1))", "for (; 1; )")) {
      Cfg cfg = only("void f(void) { " + head + " { step(); if (done()) break; } after(); }").cfg();
      assertFalse(reaches(cfg, Cfg.ENTRY, call(cfg, "after"), call(cfg, "done")), head + "\n" + render(cfg));
      assertTrue(reaches(cfg, call(cfg, "done"), call(cfg, "after"), -1), head + "\n" + render(cfg));
    }
    Cfg loop = only("void f(void) { do { step(); if (done()) break; } while (1); after(); }").cfg();
    assertFalse(reaches(loop, Cfg.ENTRY, call(loop, "after"), call(loop, "done")), render(loop));
    assertTrue(reaches(loop, call(loop, "done"), call(loop, "step"), -1), render(loop));
  }

  @Test
  void aLiteralConditionTakesOneSide() {
    Cfg never = only("void f(void) { if (0) a(); else b(); c(); }").cfg();
    assertFalse(callees(never).contains("a") && reaches(never, Cfg.ENTRY, call(never, "a"), -1), render(never));
    assertTrue(dominatesExit(never, call(never, "b")), render(never));
    Cfg always = only("void f(void) { if (false) a(); else if (1) b(); else c(); d(); }").cfg();
    assertTrue(dominatesExit(always, call(always, "b")), render(always));
    // A macro constant is the analysis' business (a configuration may change it): both sides stay.
    Cfg macro = only("void f(void) { if (HAVE_FEATURE) a(); b(); }").cfg();
    assertTrue(reaches(macro, Cfg.ENTRY, call(macro, "b"), call(macro, "a")), render(macro));
  }

  @Test
  void builtinOperandsThatAreNeverEvaluatedMakeNoCalls() {
    Cfg cfg = only("void f(struct s *x) { g(__builtin_constant_p(mutex_trylock(&x->l)), __builtin_object_size(h(x), 0)); }").cfg();
    assertEquals(List.of("g"), callees(cfg), render(cfg));
  }

  @Test
  void iteratorMacroIsALoopThatMayNotRun() {
    Cfg cfg = only("""
        void f(struct list_head *head) {
          struct page *p;
          list_for_each_entry(p, head, lru)
            put_page(p);
          after();
        }""").cfg();
    int iter = call(cfg, "list_for_each_entry");
    assertTrue(reaches(cfg, iter, call(cfg, "after"), call(cfg, "put_page")), render(cfg));
    assertTrue(reaches(cfg, call(cfg, "put_page"), call(cfg, "put_page"), -1) || loops(cfg, "put_page"));
  }

  private static boolean loops(Cfg cfg, String callee) {
    int c = call(cfg, callee);
    return cfg.node(c).successors().stream().anyMatch(s -> reaches(cfg, s, c, -1));
  }

  @Test
  void switchHasOneSuccessorPerCaseAndFallthrough() {
    Cfg cfg = only("""
        void f(int x) {
          switch (x) {
          case 0: zero();
          case 1 ... 3: small(); break;
          default: other();
          }
          after();
        }""").cfg();
    Node sw = cfg.node(cfg.node(Cfg.ENTRY).successors().get(0));
    assertEquals(List.of(call(cfg, "zero"), call(cfg, "small"), call(cfg, "other")), sw.successors(), render(cfg));
    assertEquals(List.of(call(cfg, "small")), cfg.node(call(cfg, "zero")).successors());
    assertEquals(List.of(call(cfg, "after")), cfg.node(call(cfg, "small")).successors());
  }

  @Test
  void switchWithoutDefaultCanFallOut() {
    Cfg cfg = only("void f(int x) { switch (x) { case 1: one(); break; } after(); }").cfg();
    Node sw = cfg.node(cfg.node(Cfg.ENTRY).successors().get(0));
    assertEquals(List.of(call(cfg, "one"), call(cfg, "after")), sw.successors(), render(cfg));
  }

  @Test
  void trylockNegatedTestsZero() {
    Cfg cfg = only("void f(struct mutex *l) { if (!mutex_trylock(l)) return; work(); mutex_unlock(l); }").cfg();
    int trylock = call(cfg, "mutex_trylock");
    Node b = cfg.node(cfg.node(trylock).successors().get(0));
    assertEquals(new Node.CallResultTest(trylock, false), b.test(), render(cfg));
    assertEquals(Cfg.EXIT, b.successors().get(0));
    assertEquals(call(cfg, "work"), b.successors().get(1));
  }

  @Test
  void checkedLockThroughVariable() {
    Cfg cfg = only("""
        int f(struct mutex *m) {
          int ret;
          ret = mutex_lock_interruptible(m);
          if (ret)
            return ret;
          work();
          mutex_unlock(m);
          return 0;
        }""").cfg();
    Node b = branches(cfg).get(0);
    assertEquals(new Node.CallResultTest(call(cfg, "mutex_lock_interruptible"), true), b.test(), render(cfg));
    Node ret = cfg.node(b.successors().get(0));
    assertEquals("ret", ((Event.Return) ret.event()).value().text(), render(cfg));
    assertEquals(List.of(Cfg.EXIT), ret.successors());
  }

  @Test
  void assignmentInConditionAndComparisons() {
    Cfg cfg = only("""
        int f(struct mutex *m) {
          int ret = 0;
          if ((ret = mutex_lock_killable(m)))
            return ret;
          if (unlikely(down_trylock(&sem) != 0))
            return 1;
          if (WARN_ON(!spin_trylock(&l)))
            return 2;
          if (foo() < 0)
            return 3;
          if (bar() == 0)
            return 4;
          return 0;
        }""").cfg();
    List<Node> br = branches(cfg);
    assertEquals(5, br.size(), render(cfg));
    assertEquals(new Node.CallResultTest(call(cfg, "mutex_lock_killable"), true), br.get(0).test());
    assertEquals(new Node.CallResultTest(call(cfg, "down_trylock"), true), br.get(1).test());
    assertEquals(new Node.CallResultTest(call(cfg, "spin_trylock"), false), br.get(2).test());
    // 'foo() < 0' tells zero from negative only (ReturnKind has no sign): a test of its own kind.
    assertEquals(new Node.CallResultTest(call(cfg, "foo"), true, false, true), br.get(3).test());
    assertEquals(new Node.CallResultTest(call(cfg, "bar"), false), br.get(4).test());
  }

  /** {@code error == -EAGAIN} keeps the constant, so a callee's exit that returned it takes the equal edge only. */
  @Test
  void aResultComparedWithAConstantKeepsIt() {
    Cfg cfg = only("""
        int f(struct xinode *ip) {
          int error = recycle(ip);
          if (error == -EAGAIN)
            return 1;
          if (error != - ENOMEM)
            return 2;
          if (error < 0)
            return 3;
          return 0;
        }""").cfg();
    List<Node> br = branches(cfg);
    int recycle = call(cfg, "recycle");
    assertEquals(new Node.CallResultTest(recycle, true, false, true, List.of(), "-EAGAIN"), br.get(0).test(), render(cfg));
    assertEquals(new Node.CallResultTest(recycle, false, false, true, List.of(), "-ENOMEM"), br.get(1).test(), render(cfg));
    assertEquals(new Node.CallResultTest(recycle, true, false, true), br.get(2).test(), render(cfg));
  }

  @Test
  void callResultsComparedWithNull() {
    Cfg cfg = only("""
        void f(struct address_space *mapping) {
          struct folio *folio = filemap_get_folio(mapping, 0);
          if (folio == NULL)
            return;
          if (unlikely(NULL != page_get(mapping)))
            one();
        }""").cfg();
    List<Node> br = branches(cfg);
    assertEquals(2, br.size(), render(cfg));
    assertEquals(new Node.CallResultTest(call(cfg, "filemap_get_folio"), false), br.get(0).test());
    assertEquals(new Node.CallResultTest(call(cfg, "page_get"), true), br.get(1).test());
  }

  @Test
  void conditionsOverStableVariablesAreNamed() {
    Cfg cfg = only("""
        void f(struct zone *zone, bool nolock, unsigned int lock_flags) {
          bool lock_inode = !(lock_flags & KEEP_SIZE);
          if (!nolock)
            one();
          if (lock_flags & XFS_ILOCK_EXCL)
            two();
          if (lock_inode == false)
            three();
          if (unlikely(zone != NULL))
            four();
          if (zone->flags)
            five();
          if (nolock && check(zone))
            six();
        }""").cfg();
    List<Node> br = branches(cfg);
    assertEquals(7, br.size(), render(cfg));
    assertEquals(new Node.Condition("nolock", false), br.get(0).condition());
    assertEquals(new Node.Condition("lock_flags & XFS_ILOCK_EXCL", true), br.get(1).condition());
    assertNull(br.get(2).condition(), "'false' is not written like a constant: not a pure condition");
    assertEquals(new Node.Condition("zone", true), br.get(3).condition());
    assertEquals(new Node.Condition("zone -> flags", true), br.get(4).condition(), "a member the body never changes");
    assertEquals(new Node.Condition("nolock", true), br.get(5).condition(), "each operand of && is its own branch");
    assertNull(br.get(6).condition(), "a call's result is not a stable condition");
  }

  @Test
  void notEqualIsTheNegationOfEqualAndAGlobalsAddressIsConstant() {
    Cfg cfg = only("""
        void f(struct mm_struct *mm, int a, int b, int mask) {
          if (mm == &init_mm)
            one();
          if (mm != &init_mm)
            two();
          if (a != b)
            three();
          if (mask & some_global)
            four();
        }""").cfg();
    List<Node> br = branches(cfg);
    assertEquals(4, br.size(), render(cfg));
    assertEquals(new Node.Condition("mm == & init_mm", true), br.get(0).condition());
    assertEquals(new Node.Condition("mm == & init_mm", false), br.get(1).condition());
    assertEquals(new Node.Condition("a == b", false), br.get(2).condition());
    assertNull(br.get(3).condition(), "a global's value (binary '&') is no constant");
  }

  @Test
  void aMemberIsAConditionOnlyWhileTheBodyLeavesItAlone() {
    // 6.1's buffer_size_add: 'if (!(prz->flags & PRZ_FLAG_NO_LOCK))' around the lock and the unlock.
    Cfg cfg = only("""
        void f(struct prz *prz, struct prz *other, struct prz *moved, struct prz *taken) {
          if (!(prz->flags & PRZ_FLAG_NO_LOCK))
            one();
          if (other->state.mode)
            two();
          other->state = saved;
          if (moved->ops->ready(moved))
            three();
          if (moved->slots[0])
            four();
          moved = next;
          if (moved->flags)
            five();
          take(&taken);
          if (taken->flags)
            six();
        }""").cfg();
    List<Node> br = branches(cfg);
    assertEquals(6, br.size(), render(cfg));
    assertEquals(new Node.Condition("prz -> flags & PRZ_FLAG_NO_LOCK", false), br.get(0).condition());
    assertNull(br.get(1).condition(), "the body assigns other->state, which holds the member");
    assertNull(br.get(2).condition(), "a call through a member");
    assertNull(br.get(3).condition(), "an element of a member");
    // moved is assigned, but only by '=': an Assign node the analysis forgets the test at
    // (ADR-004, stop 47); taken's address is given away, so nothing follows its changes.
    assertEquals(new Node.Condition("moved -> flags", true), br.get(4).condition());
    assertNull(br.get(5).condition(), "taken is not followed");
  }

  @Test
  void pageAndFolioFlagTestsOfStableVariablesAreConditions() {
    // 6.1's page_add_anon_rmap: 'if (unlikely(PageKsm(page))) lock_page_memcg(page)', and the
    // same test around the unlock (ADR-004).
    Cfg cfg = only("""
        void f(struct page *page, struct folio *folio, struct page *moving) {
          if (unlikely(PageKsm(page)))
            one();
          if (!folio_test_anon(folio) && PageDirty(page))
            two();
          if (PageKsm(moving))
            three();
          moving = next(moving);
          if (page_test(page))
            four();
          if (PageKsm(page->head))
            five();
        }""").cfg();
    List<Node> br = branches(cfg);
    assertEquals(6, br.size(), render(cfg));
    assertEquals(new Node.Condition("PageKsm ( page )", true), br.get(0).condition());
    assertEquals(new Node.Condition("folio_test_anon ( folio )", false), br.get(1).condition());
    assertEquals(new Node.Condition("PageDirty ( page )", true), br.get(2).condition());
    assertNull(br.get(3).condition(), "the variable changes in the body");
    assertNull(br.get(4).condition(), "not a flag test");
    assertNull(br.get(5).condition(), "a member can change between two tests");
  }

  @Test
  void aVariableAssignedOnlyByRelocksIsLockedSinceItsFirstAssignment() {
    // An assignment inside sizeof is not lowered, so the CFG cannot follow these variables'
    // assignments, and their tests keep the source order (ADR-006's relocks).
    Cfg cfg = only("""
        void f(struct page *page, struct page *other) {
          struct lruvec *lruvec = NULL;
          struct lruvec *mixed = NULL;
          lruvec = relock(page, lruvec);
          lruvec = relock(other, lruvec);
          mixed = relock(page, mixed);
          mixed = other->lruvec;
          use(sizeof(lruvec = relock(page, lruvec)), sizeof(mixed = NULL));
          if (lruvec) one();
          if (mixed) two();
        }""").cfg();
    List<Node> br = branches(cfg);
    assertEquals(2, br.size(), render(cfg));
    assertEquals(2, br.get(0).pointerTest().lastAssigned().line(), "every later assignment is 'lruvec = f(..., lruvec)'");
    assertEquals(8, br.get(1).pointerTest().lastAssigned().line(), "the last assignment in source order counts");
  }

  @Test
  void theAddressOfAMemberIsNotTheVariablesAddress() {
    Cfg cfg = only("""
        void f(struct inode *inode, int flags, int mask, void *p, void *q) {
          spin_unlock(&inode->i_lock);
          use(flags & mask);
          g((void *)&p);
          h(&q);
          if (inode) one();
          if (mask) two();
          if (p) three();
          if (q) four();
        }""").cfg();
    List<Node> br = branches(cfg);
    assertEquals(4, br.size(), render(cfg));
    assertEquals(new Node.Condition("inode", true), br.get(0).condition(), "&inode->i_lock leaves inode as it is");
    assertEquals(new Node.Condition("mask", true), br.get(1).condition(), "flags & mask is a bitwise and");
    assertNull(br.get(2).condition(), "a cast before the &: the address is taken");
    assertNull(br.get(3).condition(), "address taken");
    assertNull(br.get(3).pointerTest());
  }

  @Test
  void sizesAreConstants() {
    Cfg cfg = only("""
        void f(struct inode *dst) {
          long long i_size = read(dst);
          if (sizeof(i_size) > sizeof(long))
            one();
          if (sizeof i_size == 8 && i_size)
            two();
          if (sizeof(i_size) > len)
            three();
        }""").cfg();
    List<Node> br = branches(cfg);
    assertEquals(4, br.size(), render(cfg));
    assertEquals(new Node.Condition("sizeof(i_size) > sizeof(long)", true), br.get(0).condition(),
        "a variable inside sizeof is not read");
    assertEquals(new Node.Condition("sizeof i_size == 8", true), br.get(1).condition());
    assertEquals(new Node.Condition("i_size", true), br.get(2).condition(), "each operand of && is its own branch");
    assertNull(br.get(3).condition(), "len is not a variable of the function, nor written like a constant");
  }

  @Test
  void variablesThatChangeInTheBodyGiveNoCondition() {
    Cfg cfg = only("""
        void f(bool a, bool b, bool c, int n, int u, void __user *p) {
          bool d;
          int i;
          a = false;
          g(&b);
          c++;
          d = n > 0;
          get_user(u, p);
          for (i = 0; i < n; i++) {
            bool e = check(i);
            if (e)
              one();
          }
          if (a) two();
          if (b) three();
          if (c) four();
          if (d) five();
          if (n) six();
          if (u) seven();
        }""").cfg();
    List<Node> br = branches(cfg);
    assertEquals(8, br.size(), render(cfg));
    java.util.Set<String> tested = new java.util.TreeSet<>();
    for (Node n : br) if (n.condition() != null) tested.add(n.condition().expression());
    // Conditions on: a, a parameter assigned with '=' (its assignment is a node of its own, after
    // which tests of it no longer test the caller's value, ADR-007); d, declared without a value
    // and assigned once by a statement of the outer block; n; and e, declared in the loop body with
    // a value, whose initializer is a node of its own on every pass (ADR-004 later). None on: i
    // (the loop's test, assigned), b (address taken), c (incremented), u (assigned by a macro that
    // looks like a call).
    assertEquals(java.util.Set.of("a", "d", "e", "n"), tested, render(cfg));
    Event assignA = null;
    Event assignE = null;
    for (Node n : cfg.nodes()) {
      if (n.event() instanceof Event.Assign a && a.variable().equals("a")) assignA = a;
      if (n.event() instanceof Event.Assign a && a.variable().equals("e")) assignE = a;
    }
    assertEquals("0", ((Event.Assign) assignA).constant(), render(cfg));
    assertEquals(null, ((Event.Assign) assignE).constant(), "e = check(i): no constant");
  }

  @Test
  void aLocalAssignedInABranchOrALoopOrTwiceIsNotStableButFollowed() {
    Cfg cfg = only("""
        void f(int n) {
          bool d;
          bool e;
          bool g;
          if (n)
            d = true;
          while (n--)
            e = check(n);
          g = n > 1;
          g = n > 2;
          if (d) one();
          if (e) two();
          if (g) three();
        }""").cfg();
    List<Node> br = branches(cfg);
    assertEquals(5, br.size(), render(cfg));
    // Not stable, but each assignment is an Assign node, after which earlier tests say nothing:
    // the conditions can be read (ADR-004, later).
    assertEquals(new Node.Condition("d", true), br.get(2).condition(), "assigned in a branch");
    assertEquals(new Node.Condition("e", true), br.get(3).condition(), "assigned in a loop");
    assertEquals(new Node.Condition("g", true), br.get(4).condition(), "assigned twice");
    assertEquals(4, cfg.nodes().stream().filter(n -> n.event() instanceof Event.Assign).count(), render(cfg));
  }

  @Test
  void declarationsInsideExpressionsMakeOtherVariables() {
    // A declaration deep inside an expression (a statement expression) is still found, while a
    // parameter named in a cast's function type declares nothing.
    Cfg cfg = only("""
        void f(bool a, bool b, void *p) {
          use(({ bool a; a; }));
          call_fn((void (*)(bool b))p);
          if (a) one();
          if (b) two();
        }""").cfg();
    List<Node> br = branches(cfg);
    assertEquals(2, br.size(), render(cfg));
    assertNull(br.get(0).condition(), "declared again in a statement expression: two variables named a");
    assertEquals(new Node.Condition("b", true), br.get(1).condition());
  }

  @Test
  void memberTestsNeedAMemberTheBodyNeverChanges() {
    Cfg cfg = only("""
        void f(struct vm_area_struct *vma, struct vm_fault *vmf, struct page *p) {
          if (vma->anon_vma) one();
          vma->anon_vma = NULL;
          if (vmf->ptl) two();
          get(&vmf->ptl);
          if (p->mapping->host) three();
          p = next(p);
          if (pages[0]->mapping) four();
        }""").cfg();
    List<Node> br = branches(cfg);
    assertEquals(4, br.size(), render(cfg));
    assertNull(br.get(0).pointerTest(), "assigned in the body");
    assertNull(br.get(1).pointerTest(), "its address is taken");
    assertNull(br.get(2).pointerTest(), "the root variable is assigned");
    assertNull(br.get(3).pointerTest(), "not a path from a variable");
  }

  @Test
  void pointerTestsNameTheVariableAndItsLastAssignment() {
    Cfg cfg = only("""
        void f(struct vm_area_struct *vma, struct zone *zone, struct lruvec *lruvec) {
          struct address_space *mapping = NULL;
          spinlock_t *ptl;
          if (vma->vm_file) {
            mapping = vma->vm_file->f_mapping;
            lock(mapping);
          }
          if (mapping)
            one();
          if (!zone)
            two();
          if (lruvec == NULL)
            three();
          get_locked(&ptl);
          if (ptl)
            four();
          if (global_ptr)
            five();
          {
            struct page *page = NULL;
            if (page) six();
          }
          {
            struct page *page = NULL;
            if (page) seven();
          }
        }""").cfg();
    List<Node> br = branches(cfg);
    assertEquals(8, br.size(), render(cfg));
    // A member of a stable variable, never assigned in the body, is named by its path (ADR-006).
    assertEquals(new Node.PointerTest("vma->vm_file", true, null), br.get(0).pointerTest());
    // Each assignment to mapping is an Assign node: a path says where it was last assigned.
    assertEquals(new Node.PointerTest("mapping", true, null), br.get(1).pointerTest());
    assertEquals(new Node.PointerTest("zone", false, null), br.get(2).pointerTest(), "a parameter never assigned");
    assertEquals(new Node.PointerTest("lruvec", false, null), br.get(3).pointerTest());
    assertNull(br.get(4).pointerTest(), "address taken: assigned wherever it goes");
    assertNull(br.get(5).pointerTest(), "a global can change under the function");
    assertNull(br.get(6).pointerTest(), "two variables named page");
    assertNull(br.get(7).pointerTest());
  }

  @Test
  void aPointerSteppedAndAssignedOnTwoBranchesIsFollowed() {
    // 6.1's apply_to_pte_range: 'pte' assigned on each side of 'if (create)', tested on one,
    // stepped in the loop below. Each assignment and each step is an Assign node (a step is a
    // relock), so the NULL test has no last assignment: the path says which assignment it tests.
    Cfg cfg = only("""
        int f(int create, int *base, int n) {
          int *pte;
          if (create) {
            pte = alloc_locked(base);
            if (!pte)
              return -12;
          } else {
            pte = map_locked(base);
          }
          do {
            use(pte);
          } while (pte++, --n);
          ++pte;
          return 0;
        }""").cfg();
    List<Node> br = branches(cfg);
    assertEquals(new Node.PointerTest("pte", false, null), br.get(1).pointerTest(), render(cfg));
    List<Event.Assign> assigns = cfg.nodes().stream().map(Node::event)
        .filter(e -> e instanceof Event.Assign a && a.variable().equals("pte")).map(e -> (Event.Assign) e).toList();
    assertEquals(4, assigns.size(), render(cfg));
    assertEquals(List.of(false, false, true, true), assigns.stream().map(Event.Assign::relock).toList(),
        "the two steps are relocks");
  }

  @Test
  void aStoreThroughAPointerIsNoAssignmentOfIt() {
    Cfg cfg = only("""
        int f(struct idmap *map) {
          unsigned long *word = lock_word(map);
          if (!word)
            return -2;
          *word |= 1;
          return 1;
        }""").cfg();
    List<Node> br = branches(cfg);
    // 'word' is assigned by its initializer alone: its test reads that assignment, not the store.
    assertEquals(2, br.get(0).pointerTest().lastAssigned().line(), render(cfg));
    assertTrue(cfg.nodes().stream().noneMatch(n -> n.event() instanceof Event.Assign a && a.variable().equals("word")),
        render(cfg));
  }

  @Test
  void shortCircuitAndOr() {
    Cfg cfg = only("void f(void) { if (a() && b()) x(); if (c() || d()) y(); }").cfg();
    int a = call(cfg, "a");
    Node afterA = cfg.node(cfg.node(a).successors().get(0));
    assertEquals(new Node.CallResultTest(a, true), afterA.test(), render(cfg));
    assertEquals(call(cfg, "b"), afterA.successors().get(0));
    assertFalse(reaches(cfg, afterA.successors().get(1), call(cfg, "x"), call(cfg, "c")));
    int c = call(cfg, "c");
    Node afterC = cfg.node(cfg.node(c).successors().get(0));
    assertEquals(call(cfg, "y"), afterC.successors().get(0));
    assertEquals(call(cfg, "d"), afterC.successors().get(1));
  }

  @Test
  void shortCircuitInValueAndTernary() {
    Cfg cfg = only("void f(int x) { int v = x && g(); int w = x ? h() : k(); }").cfg();
    assertTrue(reaches(cfg, Cfg.ENTRY, call(cfg, "h"), call(cfg, "g")), render(cfg));
    assertFalse(reaches(cfg, call(cfg, "h"), call(cfg, "k"), -1));
  }

  @Test
  void statementExpressionsAreInlined() {
    Cfg cfg = only("void f(void) { int x = ({ lock(); int y = get(); unlock(); y; }); use(x); }").cfg();
    assertEquals(List.of("lock", "get", "unlock", "use"), callees(cfg), render(cfg));
  }

  @Test
  void indirectCallsThroughMembersAndLocals() {
    var f = only("""
        ssize_t f(struct kiocb *iocb, struct iov_iter *from, void (*cb)(int)) {
          struct file *file = iocb->ki_filp;
          int (*fn)(int) = pick();
          cb(1);
          fn(2);
          (*fn)(3);
          EXT4_I(file)->ops->sync(file);
          return file->f_op->write_iter(iocb, from);
        }""");
    List<Event.IndirectCall> calls = f.cfg().nodes().stream()
        .filter(n -> n.event() instanceof Event.IndirectCall)
        .map(n -> (Event.IndirectCall) n.event()).toList();
    assertEquals(5, calls.size(), render(f.cfg()));
    assertEquals(new AccessPath.Var("cb"), calls.get(0).target().root());
    assertEquals(new AccessPath.Var("fn"), calls.get(1).target().root());
    assertEquals(new AccessPath.Var("fn"), calls.get(2).target().root());
    assertEquals(new AccessPath.CallResult("EXT4_I"), calls.get(3).target().root());
    assertEquals(List.of("ops", "sync"), calls.get(3).target().fields());
    Event.IndirectCall w = calls.get(4);
    assertEquals(new AccessPath.Var("file"), w.target().root());
    assertEquals(List.of("f_op", "write_iter"), w.target().fields());
    assertEquals(2, w.args().size());
    assertEquals(8, w.location().line());
    assertEquals(10, w.location().column());
    assertTrue(callees(f.cfg()).contains("EXT4_I"));
    assertTrue(callees(f.cfg()).contains("pick"));
  }

  @Test
  void noNodesForPlainExpressions() {
    Cfg cfg = only("int f(int a) { int b = a + 1; b *= 2; if (b > 3) b = 0; return b; }").cfg();
    assertTrue(cfg.nodes().size() <= 4, render(cfg));
    assertNull(branches(cfg).get(0).test());
  }

  @Test
  void callLocationIsTheCalleeToken() {
    var f = only("void f(void)\n{\n\tfoo(1);\n}\n");
    Event e = f.cfg().node(call(f.cfg(), "foo")).event();
    assertNotNull(e);
    assertEquals(3, e.location().line());
    assertEquals(2, e.location().column());
  }

  @Test
  void twoCountedLoopsOverTheSameRangeRunTogether() {
    // block_read_full_folio: lock every buffer, then submit every buffer. No path leaves a lock
    // taken in the first loop without passing the second loop's body.
    Cfg cfg = only("""
        void f(struct buffer_head **arr, int nr) {
          int i;
          for (i = 0; i < nr; i++) lock(arr[i]);
          note(arr);
          for (i = 0; i < nr; i++) submit(arr[i]);
          done();
        }""").cfg();
    assertFalse(reaches(cfg, call(cfg, "lock"), Cfg.EXIT, call(cfg, "submit")), render(cfg));
    assertTrue(reaches(cfg, Cfg.ENTRY, call(cfg, "done"), call(cfg, "lock")), "both loops may run zero times");
    assertTrue(reaches(cfg, Cfg.ENTRY, call(cfg, "submit"), -1));
  }

  @Test
  void countedLoopsStayApartWhenTheRangeMayChange() {
    for (String between : List.of("nr = recount(arr);", "nr--;", "shrink(&nr);", "do_div(nr, 2);", "again: note(arr);")) {
      Cfg cfg = only("void f(struct buffer_head **arr, int nr) { int i;\n"
          + "  for (i = 0; i < nr; i++) lock(arr[i]);\n  " + between + "\n"
          + "  for (i = 0; i < nr; i++) submit(arr[i]);\n  done(); }").cfg();
      assertTrue(reaches(cfg, call(cfg, "lock"), Cfg.EXIT, call(cfg, "submit")), between + "\n" + render(cfg));
    }
    // different ranges, or a bound read through memory a callee may change
    for (String second : List.of("for (i = 1; i < nr; i++)", "for (i = 0; i <= nr; i++)", "for (i = 0; i < s->nr; i++)")) {
      String first = second.contains("s->nr") ? second : "for (i = 0; i < nr; i++)";
      Cfg cfg = only("void f(struct s *s, struct buffer_head **arr, int nr) { int i;\n  " + first + " lock(arr[i]);\n  "
          + second + " submit(arr[i]);\n  done(); }").cfg();
      assertTrue(reaches(cfg, call(cfg, "lock"), Cfg.EXIT, call(cfg, "submit")), second + "\n" + render(cfg));
    }
  }
}
