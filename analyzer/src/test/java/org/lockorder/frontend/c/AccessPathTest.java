package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lockorder.frontend.c.Fixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.AccessPath;
import org.lockorder.ir.Arg;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;

/** Call arguments as access paths and constants. */
class AccessPathTest {

  private static List<Arg> args(String expr) {
    Function f = only("void f(void) { probe(" + expr + "); }");
    return ((Event.Call) f.cfg().node(call(f.cfg(), "probe")).event()).args();
  }

  private static AccessPath path(String expr) {
    return args(expr).get(0).path();
  }

  @Test
  void addressOfMemberChain() {
    AccessPath p = path("&inode->i_mapping->private_lock");
    assertEquals(new AccessPath.Var("inode"), p.root());
    assertEquals(List.of("i_mapping", "private_lock"), p.fields());
    assertEquals(false, p.indexed());
    assertEquals("&inode->i_mapping->private_lock", p.text());
  }

  @Test
  void callResultRoot() {
    AccessPath p = path("&EXT4_I(inode)->i_data_sem");
    assertEquals(new AccessPath.CallResult("EXT4_I"), p.root());
    assertEquals(List.of("i_data_sem"), p.fields());
  }

  @Test
  void subscripts() {
    AccessPath p = path("&forks[i]");
    assertEquals(new AccessPath.Var("forks"), p.root());
    assertEquals(List.of(), p.fields());
    assertEquals(true, p.indexed());
    AccessPath q = path("&p->locks[2].m");
    assertEquals(new AccessPath.Var("p"), q.root());
    assertEquals(List.of("locks", "m"), q.fields());
    assertEquals(true, q.indexed());
  }

  @Test
  void castsParensAndStars() {
    AccessPath p = path("(struct mutex *)&(sb->s_umount)");
    assertEquals(new AccessPath.Var("sb"), p.root());
    assertEquals(List.of("s_umount"), p.fields());
    assertEquals(List.of("lock"), path("*(&dev)->lock").fields());
  }

  @Test
  void plainNamesAndEnumConstants() {
    assertEquals(new AccessPath.Var("x"), path("x").root());
    List<Arg> a = args("&inode->i_rwsem, I_MUTEX_PARENT");
    assertEquals(new AccessPath.Var("I_MUTEX_PARENT"), a.get(1).path().root());
    assertEquals("I_MUTEX_PARENT", a.get(1).text());
  }

  @Test
  void constantsAndNonPaths() {
    List<Arg> a = args("0x10UL, 017, 42, -1, a + b, \"s\"");
    assertEquals(16L, a.get(0).constant());
    assertEquals(15L, a.get(1).constant());
    assertEquals(42L, a.get(2).constant());
    assertEquals(-1L, a.get(3).constant());
    assertNull(a.get(4).path());
    assertEquals("a + b", a.get(4).text());
    assertNull(a.get(5).path());
    assertNull(a.get(0).path());
  }

  @Test
  void whitespaceIsNormalized() {
    assertEquals("& inode -> i_lock", args("&  inode\n\t->   i_lock").get(0).text());
  }
}
