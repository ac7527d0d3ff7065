package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lockorder.frontend.c.Fixtures.call;
import static org.lockorder.frontend.c.Fixtures.only;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;

/** A returned variable's test lists every call whose result the variable may hold there ({@link Node.CallResultTest#alsoFrom}). */
class ReturnTestAlternativesTest {
  private static Node.CallResultTest returnTest(Function f) {
    for (Node n : f.cfg().nodes()) if (n.event() instanceof Event.Return) return n.test();
    return null;
  }

  @Test
  void aFallbackCallLeavesTheFirstCallsResultOnTheOtherPath() {
    Function f = only("int f(void) { int rc = 0; rc = a(); if (rc == -ENOENT) rc = b(); return rc; }");
    Node.CallResultTest t = returnTest(f);
    assertEquals(call(f.cfg(), "b"), t.callNode());
    assertEquals(List.of(call(f.cfg(), "a")), t.alsoFrom());
  }

  @Test
  void bothBranchesAssigningFromCallsGiveBoth() {
    Function f = only("int f(int x) { int rc; if (x) rc = a(); else rc = b(); return rc; }");
    Node.CallResultTest t = returnTest(f);
    assertEquals(call(f.cfg(), "b"), t.callNode());
    assertEquals(List.of(call(f.cfg(), "a")), t.alsoFrom());
  }

  @Test
  void aValueOtherThanACallResultOnOnePathGivesNoAlternative() {
    Function f = only("int f(int x) { int rc = a(); if (x) rc = -EIO; else rc = b(); return rc; }");
    assertEquals(List.of(), returnTest(f).alsoFrom());
    Function g = only("int f(int x) { int rc = 0; if (x) rc = b(); return rc; }");
    assertEquals(List.of(), returnTest(g).alsoFrom());
  }
}
