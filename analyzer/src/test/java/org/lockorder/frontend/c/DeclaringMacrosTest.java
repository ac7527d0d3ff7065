package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.CType;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.source.SourceText;

/** Macros that declare their first argument: read from their #define, they type a body's local. */
class DeclaringMacrosTest {
  private static final Set<String> API = Set.of("spin_lock", "spin_unlock", "spin_lock_irq", "spin_unlock_irq");

  private static final String HEADERS = """
      #define __XA_STATE(array, index) { .xa = array, .xa_index = index }
      #define XA_STATE(name, array, index) \\
      	struct xa_state name = __XA_STATE(array, index)
      #define DEFINE_WAIT_FUNC(name, function) struct wait_queue_entry name = { .func = function }
      #define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)
      #define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]
      #define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
      #define BUG_ON(cond) do { if (cond) BUG(); } while (0)
      #define RETURN_IT(x) return x
      #define xas_lock_irq(xas) spin_lock_irq(&(xas)->xa->xa_lock)
      """;

  private static LockMacros macros(String headers) {
    return LockMacros.select(MacroDefinition.scan("include/linux/xarray.h", headers), API);
  }

  private static Function parse(String code, LockMacros macros) {
    TranslationUnit tu = new CFrontend(Set.of()).parse(new SourceText("fs/dax.c", code), macros);
    assertEquals(List.of(), tu.diagnostics(), "diagnostics");
    return tu.functions().get(tu.functions().size() - 1);
  }

  @Test
  void definitionsThatDeclareTheirFirstParameterGiveItsType() {
    DeclaringMacros d = DeclaringMacros.of(MacroDefinition.scan("x.h", HEADERS));
    assertEquals(new CType("struct xa_state", 0, false), d.typeOf("XA_STATE"));
    assertEquals(new CType("struct wait_queue_entry", 0, false), d.typeOf("DEFINE_WAIT_FUNC"));
    assertEquals(new CType("struct wait_queue_entry", 0, false), d.typeOf("DEFINE_WAIT"), "through another declaring macro");
    assertEquals(new CType("spinlock_t", 0, false), d.typeOf("DEFINE_SPINLOCK"));
    assertNull(d.typeOf("DECLARE_BITMAP"), "'unsigned long' is two words");
    assertNull(d.typeOf("__XA_STATE"));
    assertNull(d.typeOf("BUG_ON"));
    assertNull(d.typeOf("RETURN_IT"), "'return x' declares nothing");
    assertNull(d.typeOf("xas_lock_irq"));
  }

  @Test
  void aStatementCallingOneDeclaresALocalAndStaysACall() {
    Function f = parse("""
        int dax_writeback(struct address_space *mapping, unsigned long start)
        {
        	XA_STATE(xas, &mapping->i_pages, start);
        	DEFINE_WAIT(wait);
        	BUG_ON(!mapping);
        	xas_lock_irq(&xas);
        	return 0;
        }
        """, macros(HEADERS));
    assertEquals(new CType("struct xa_state", 0, false), f.locals().get("xas"));
    assertEquals(new CType("struct wait_queue_entry", 0, false), f.locals().get("wait"));
    assertEquals(2, f.locals().size(), f.locals().toString());
    List<String> calls = f.cfg().nodes().stream().map(Node::event)
        .filter(e -> e instanceof Event.Call).map(e -> ((Event.Call) e).callee()).toList();
    assertEquals(List.of("XA_STATE", "DEFINE_WAIT", "BUG_ON", "spin_lock_irq"), calls);
  }

  @Test
  void aFilesOwnDefinitionCountsAndReplacesTheHeaders() {
    Function f = parse("""
        #define XA_STATE(name, array, index) struct other_state name = { .a = array }
        #define MY_STATE(name) struct my_state name = { 0 }
        void f(struct xarray *xa)
        {
        	XA_STATE(xas, xa, 0);
        	MY_STATE(st);
        }
        """, macros(HEADERS));
    assertEquals(new CType("struct other_state", 0, false), f.locals().get("xas"));
    assertEquals(new CType("struct my_state", 0, false), f.locals().get("st"));
  }

  @Test
  void aStaticDeclarationMacroInABodyGetsTheDeclaredType() {
    Function f = parse("""
        void f(void)
        {
        	static DEFINE_SPINLOCK(lock);
        	static DEFINE_UNKNOWN(other);
        }
        """, macros(HEADERS));
    assertEquals(new CType("spinlock_t", 0, false), f.locals().get("lock"));
    assertEquals(new CType("DEFINE_UNKNOWN", 0, false), f.locals().get("other"), "as before: named after the macro");
  }

  @Test
  void theFingerprintChangesWithADeclaringMacro() {
    assertNotEquals(macros(HEADERS).fingerprint(), macros(HEADERS.replace("struct xa_state name", "struct xa_state2 name")).fingerprint());
    assertEquals(macros(HEADERS).fingerprint(), macros(HEADERS + "#define unrelated(x) (x)\n").fingerprint());
    assertFalse(DeclaringMacros.of(MacroDefinition.scan("x.h", HEADERS)).isEmpty());
  }
}
