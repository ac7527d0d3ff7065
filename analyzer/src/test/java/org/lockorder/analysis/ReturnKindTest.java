package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The variable a lock expression starts from, which a returned pointer is matched against. */
class ReturnKindTest {
  @Test
  void theRootVariableOfALockExpression() {
    assertEquals("folio", ReturnKind.rootVariable("folio"));
    assertEquals("folio", ReturnKind.rootVariable("&folio->flags"));
    assertEquals("pp", ReturnKind.rootVariable("&(*pp)->lock"));
    assertEquals("inode", ReturnKind.rootVariable("&inode->i_lock"));
    assertEquals("s_lock", ReturnKind.rootVariable("s_lock"));
  }

  @Test
  void noVariableWhereTheExpressionDoesNotStartWithOne() {
    assertNull(ReturnKind.rootVariable(null));
    assertNull(ReturnKind.rootVariable(""));
    assertNull(ReturnKind.rootVariable("&"));
    assertNull(ReturnKind.rootVariable("0x10"));
  }
}
