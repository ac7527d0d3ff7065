package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lockorder.frontend.c.Fixtures.names;
import static org.lockorder.frontend.c.Fixtures.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.source.Diagnostic;
import org.lockorder.source.SourceText;

/** One bad item costs that item only; nothing ever throws. */
class ErrorRecoveryTest {

  @Test
  void brokenFunctionYieldsOneDiagnosticAndTheOthersSurvive() throws IOException {
    Path file = Path.of("analyzer/src/test/resources/frontend/c/broken_function.c");
    TranslationUnit tu = new CFrontend(Set.of()).parse(new SourceText("broken_function.c", Files.readString(file)));
    assertEquals(List.of("before", "after"), names(tu));
    assertEquals(1, tu.diagnostics().size(), tu.diagnostics().toString());
    Diagnostic d = tu.diagnostics().get(0);
    assertEquals("broken_function.c:14:10: error: cannot parse function 'broken': unexpected ')'", d.toString());
    assertEquals(new TranslationUnit.ParseStats(24, 3, 2), tu.stats());
    assertEquals("a_lock", tu.globals().get(0).name());
  }

  @Test
  void unbalancedBracesAtEndOfFile() {
    TranslationUnit tu = parse("void ok(void) { a(); }\nvoid open(void) {\n  if (x) {\n    b();\n");
    assertEquals(List.of("ok"), names(tu));
    assertEquals(1, tu.diagnostics().size(), tu.diagnostics().toString());
    assertEquals(2, tu.diagnostics().get(0).line());
    assertTrue(tu.diagnostics().get(0).message().contains("unbalanced"));
  }

  @Test
  void strayClosingBraceIsReportedOnce() {
    TranslationUnit tu = parse("void a(void) { }\n}\nvoid b(void) { }\n");
    assertEquals(List.of("a", "b"), names(tu));
    assertEquals(1, tu.diagnostics().size());
    assertEquals(2, tu.diagnostics().get(0).line());
  }

  @Test
  void aTracepointDefinitionThatDoesNotParseIsNoWarning() {
    // Written for the project in the shape of include/trace/events/*.h; the record layout and the
    // assignments are no C arguments. A declaration of another macro that fails still warns.
    TranslationUnit tu = parse("""
        TRACE_EVENT(toyfs_write,
        \tTP_PROTO(struct inode *inode, long len),
        \tTP_ARGS(inode, len),
        \tTP_STRUCT__entry(
        \t\t__field(dev_t, dev)
        \t\t__field(long, len)
        \t),
        \tTP_fast_assign(
        \t\t__entry->dev = inode->i_sb->s_dev;
        \t\t__entry->len = len;
        \t),
        \tTP_printk("dev %d len %ld", __entry->dev, __entry->len)
        );
        int x = ;
        void f(void) { g(); }
        """);
    assertEquals(List.of("f"), names(tu));
    assertEquals(1, tu.diagnostics().size(), tu.diagnostics().toString());
    assertEquals("t.c:14:9: warning: cannot parse declaration: unexpected ';'", tu.diagnostics().get(0).toString());
  }

  @Test
  void brokenDeclarationDoesNotHideFunctions() {
    TranslationUnit tu = parse("int x = ;\nvoid f(void) { g(); }\n");
    assertEquals(List.of("f"), names(tu));
    assertEquals(1, tu.diagnostics().size());
    assertEquals("t.c:1:9: warning: cannot parse declaration: unexpected ';'", tu.diagnostics().get(0).toString());
  }

  @Test
  void garbageNeverThrows() {
    Random r = new Random(42);
    String alphabet = "{}()[];,=*&|!<>?:.#\\\"'/ \nabcxyz_0123+-~^%\t";
    for (int i = 0; i < 300; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(200);
      for (int j = 0; j < n; j++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      TranslationUnit tu = parse(sb.toString());
      assertTrue(tu.stats().functionBodiesParsed() <= tu.stats().functionBodies());
    }
    parse("");
    parse("\u0000\uFFFD@`$");
    parse("((((((((((((((((((((((((((((((((((((((((((((((((((x".repeat(200));
  }

  @Test
  void deepNestingIsADiagnosticNotACrash() {
    String deep = "void f(void) { x = " + "(".repeat(5000) + "1" + ")".repeat(5000) + "; }";
    TranslationUnit tu = parse(deep + "\nvoid g(void) { }\n");
    assertTrue(names(tu).contains("g"));
  }
}
