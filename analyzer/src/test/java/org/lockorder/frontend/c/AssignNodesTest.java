package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lockorder.frontend.c.Fixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.Cfg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Node;

/**
 * Assign nodes for the variables a path needs to see assigned: a local tested against NULL or read
 * by a condition two branches test, and a reassigned parameter (ADR-004, ADR-006, ADR-007).
 */
class AssignNodesTest {

  private static List<Event.Assign> assigns(Cfg cfg, String variable) {
    return cfg.nodes().stream()
        .filter(n -> n.event() instanceof Event.Assign a && a.variable().equals(variable))
        .map(n -> (Event.Assign) n.event()).toList();
  }

  @Test
  void eachAssignmentOfATestedLocalIsANodeAfterItsValue() {
    Cfg cfg = only("""
        void f(struct page *page) {
          struct address_space *mapping = NULL;
          struct anon_vma *anon_vma = NULL;
          int untested = 0;
          if (is_anon(page)) {
            anon_vma = get_anon_vma(page);
            mapping = NULL;
            lock_anon(anon_vma);
          } else {
            mapping = page->mapping;
            anon_vma = NULL;
            lock_mapping(mapping);
          }
          untested = 1;
          if (anon_vma) unlock_anon(anon_vma);
          if (mapping) unlock_mapping(mapping);
          use(untested);
        }""").cfg();
    assertEquals(List.of(2, 7, 10), assigns(cfg, "mapping").stream().map(a -> a.location().line()).sorted().toList(), render(cfg));
    assertEquals(List.of(3, 6, 11), assigns(cfg, "anon_vma").stream().map(a -> a.location().line()).sorted().toList());
    assertEquals(List.of(), assigns(cfg, "untested"), "no branch tests it");
    // The value's call comes first: what it locks through the old value is done before the assignment.
    int get = call(cfg, "get_anon_vma");
    Node after = cfg.node(cfg.node(get).successors().get(0));
    assertEquals(new Event.Assign("anon_vma", after.event().location(), false, cfg.node(get).event().location(), null),
        after.event(), render(cfg));
    List<Node> br = branches(cfg);
    // A path says where each was last assigned; and both are read by conditions.
    assertEquals(new Node.PointerTest("anon_vma", true, null), br.get(1).pointerTest());
    assertEquals(new Node.PointerTest("mapping", true, null), br.get(2).pointerTest());
    assertEquals(new Node.Condition("mapping", true), br.get(2).condition());
  }

  @Test
  void aBoolFlagGivenByAddressToACallIsAssignedThereAsByARelock() {
    Cfg cfg = only("""
        void f(spinlock_t *lock, unsigned long n) {
          bool locked = false;
          unsigned long flags;
          for (; n; n--) {
            if (should_abort(lock, flags, &locked))
              break;
            if (!locked)
              locked = take(lock, &flags);
          }
          if (locked) spin_unlock_irqrestore(lock, flags);
        }""").cfg();
    List<Event.Assign> a = assigns(cfg, "locked");
    assertEquals(List.of(2, 5, 8), a.stream().map(x -> x.location().line()).sorted().toList(), render(cfg));
    for (Event.Assign x : a) assertEquals(x.location().line() == 5, x.relock(), x.toString());
    // The call given &locked comes first, then the assignment, then the branch on its result.
    Node byAddress = cfg.node(cfg.node(call(cfg, "should_abort")).successors().get(0));
    assertEquals(5, byAddress.event().location().line(), render(cfg));
    assertTrue(((Event.Assign) byAddress.event()).relock());
    Event.Assign taken = a.stream().filter(x -> x.location().line() == 8).findFirst().orElseThrow();
    assertEquals(cfg.node(call(cfg, "take")).event().location(), taken.valueCall());
    assertNull(a.stream().filter(x -> x.location().line() == 2).findFirst().orElseThrow().valueCall(), "false is no call");
    assertEquals(List.of(new Node.PointerTest("locked", false, null), new Node.PointerTest("locked", true, null)),
        branches(cfg).stream().map(Node::pointerTest).filter(t -> t != null && t.variable().equals("locked")).sorted(
            java.util.Comparator.comparing(Node.PointerTest::trueWhenNonzero)).toList(), "both tests, with no last assignment");
  }

  @Test
  void anAssignedConstantIsKeptAsConditionText() {
    Cfg cfg = only("""
        int f(struct page *page, struct address_space *m) {
          int ret = 0;
          struct address_space *mapping = m;
          ret = !try_lock(page);
          if (!ret)
            mapping = NULL;
          else
            ret = -EIOCBQUEUED;
          if (mapping) ret = FLAG_A | 4;
          if (ret) ret = ret + 1;
          return ret;
        }""").cfg();
    java.util.Map<Integer, String> byLine = new java.util.TreeMap<>();
    for (Event.Assign a : assigns(cfg, "ret")) byLine.put(a.location().line(), String.valueOf(a.constant()));
    for (Event.Assign a : assigns(cfg, "mapping")) byLine.put(a.location().line(), a.variable() + ":" + a.constant());
    assertEquals(java.util.Map.of(2, "0", 3, "mapping:null", 4, "null", 6, "mapping:0", 8, "- EIOCBQUEUED", 9, "FLAG_A | 4",
        10, "null"), byLine, render(cfg));
  }

  @Test
  void theCallsWhoseResultALocalIsAssignedAreListed() {
    org.lockorder.ir.Function f = only("""
        int f(struct address_space *m, long i) {
          struct page *page = grab(m, i);
          int n;
          bool ok = try_lock(m);
          if (!page)
            page = other(m, use(i));
          n = count(m) + 1;
          m->last = grab(m, 0);
          return n;
        }""");
    java.util.Map<String, List<Integer>> lines = new java.util.TreeMap<>();
    f.resultCalls().forEach((v, at) -> lines.put(v, at.stream().map(l -> l.line()).toList()));
    // 'n = count(m) + 1' is no call's result; a member is no local.
    assertEquals(java.util.Map.of("ok", List.of(4), "page", List.of(2, 6)), lines);
    assertEquals(6, f.resultCalls().get("page").get(1).line());
    assertEquals(12, f.resultCalls().get("page").get(1).column(), "the call other(), not use()");
  }

  @Test
  void anIntGivenByAddressIsNotFollowed() {
    Cfg cfg = only("""
        void f(spinlock_t *lock) {
          int locked = 0;
          should_abort(lock, &locked);
          if (!locked)
            locked = take(lock);
          if (locked) spin_unlock(lock);
        }""").cfg();
    assertEquals(List.of(), assigns(cfg, "locked"), render(cfg));
    for (Node b : branches(cfg)) assertNull(b.pointerTest(), "its assignments through the address are not seen");
  }

  @Test
  void aFlagGivenToAMacroThatAssignsItIsNotFollowed() {
    Cfg cfg = only("""
        void f(spinlock_t *lock, bool other) {
          bool locked = false;
          swap(&locked, &other);
          if (!locked)
            locked = take(lock);
          if (locked) spin_unlock(lock);
        }""").cfg();
    assertEquals(List.of(), assigns(cfg, "locked"), render(cfg));
  }

  @Test
  void aRelockAssignmentSaysSo() {
    Cfg cfg = only("""
        void f(struct page **pages, int n) {
          struct lruvec *lruvec = NULL;
          int i;
          for (i = 0; i < n; i++) {
            if (lruvec && full()) {
              unlock(lruvec);
              lruvec = NULL;
            }
            lruvec = relock(pages[i], lruvec);
          }
          if (lruvec) unlock(lruvec);
        }""").cfg();
    List<Event.Assign> a = assigns(cfg, "lruvec");
    assertEquals(3, a.size(), render(cfg));
    for (Event.Assign x : a) assertEquals(x.location().line() == 9, x.relock(), x.toString());
  }

  @Test
  void aLocalWithAnAssignmentTheCfgDoesNotLowerIsNotFollowed() {
    Cfg cfg = only("""
        void f(struct page *page) {
          struct address_space *mapping = NULL;
          if (page) mapping = page->mapping;
          use(sizeof(mapping = NULL));
          if (mapping) one();
          if (mapping) two();
        }""").cfg();
    assertEquals(List.of(), assigns(cfg, "mapping"), render(cfg));
    List<Node> br = branches(cfg);
    assertNull(br.get(1).condition(), "a path cannot tell where it changes");
    assertEquals(4, br.get(1).pointerTest().lastAssigned().line(), "the last assignment in source order");
  }

  @Test
  void testsOfAMemberOrAStableVariableNeedNoAssignNodes() {
    Cfg cfg = only("""
        void f(struct vm_area_struct *vma, bool nolock) {
          if (vma->anon_vma) lock(vma->anon_vma);
          if (!nolock) lock(vma);
          if (vma->anon_vma) unlock(vma->anon_vma);
          if (!nolock) unlock(vma);
        }""").cfg();
    assertFalse(cfg.nodes().stream().anyMatch(n -> n.event() instanceof Event.Assign), render(cfg));
    assertTrue(branches(cfg).stream().allMatch(n -> n.pointerTest() != null && n.pointerTest().lastAssigned() == null));
  }

  /**
   * 6.1's __oom_kill_process: a locked-or-NULL result tested, then the variable reused as a
   * for_each iterator. The macro's assignment is a node before each test of the loop, so the
   * NULL test is a pointer test read against the call's assignment (before, p was untracked).
   */
  @Test
  void aNameGivenToAForEachMacroIsAssignedBeforeEachTestOfTheLoop() {
    Cfg cfg = only("""
        void f(struct task_struct *victim) {
          struct task_struct *p;
          p = find_lock_task_mm(victim);
          if (!p)
            return;
          task_unlock(victim);
          for_each_process(p) {
            if (p->mm)
              use(p);
          }
          swap(p, victim);
        }""").cfg();
    assertEquals(List.of(3, 7, 11), assigns(cfg, "p").stream().map(a -> a.location().line()).sorted().toList(), render(cfg));
    assertEquals(new Node.PointerTest("p", false, null), branches(cfg).get(0).pointerTest(), render(cfg));
    // The loop's test comes after the iterator's node, which the back edge reaches again.
    Node macroAssign = cfg.nodes().stream()
        .filter(n -> n.event() instanceof Event.Assign a && a.location().line() == 7).findFirst().orElseThrow();
    Node loopTest = cfg.node(macroAssign.successors().get(0));
    assertEquals(2, loopTest.successors().size(), render(cfg));
    assertEquals(List.of(), assigns(cfg, "victim"), "a parameter given to a macro stays unfollowed");
  }

  @Test
  void aNameInsideALargerMacroArgumentStaysUntracked() {
    Cfg cfg = only("""
        void f(struct page **pages, struct page *q) {
          struct page *p = get(q);
          if (!p)
            return;
          swap(p[0], q);
          if (p)
            put(p);
        }""").cfg();
    assertTrue(branches(cfg).stream().allMatch(n -> n.pointerTest() == null), render(cfg));
  }
}
