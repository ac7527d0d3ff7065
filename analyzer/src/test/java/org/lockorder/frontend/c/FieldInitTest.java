package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lockorder.frontend.c.Fixtures.clean;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.FieldInit;
import org.lockorder.ir.Location;
import org.lockorder.ir.TranslationUnit;

/** Functions stored in struct fields by static initializers. */
class FieldInitTest {

  private static List<String> render(TranslationUnit tu) {
    return tu.fieldInits().stream()
        .map(f -> f.structType() + " " + f.variable() + "." + f.field() + "=" + f.function())
        .toList();
  }

  @Test
  void operationsTable() {
    TranslationUnit tu = clean("""
        static const struct file_operations ext4_file_operations = {
        \t.write_iter = ext4_file_write_iter,
        \t.mmap       = &ext4_file_mmap,
        \t.owner      = NULL,
        \t.flags      = 3,
        };""");
    assertEquals(List.of(
        "file_operations ext4_file_operations.write_iter=ext4_file_write_iter",
        "file_operations ext4_file_operations.mmap=ext4_file_mmap"), render(tu));
    FieldInit first = tu.fieldInits().get(0);
    assertEquals(new Location("t.c", 2, 16), first.location());
  }

  @Test
  void nestedDesignatorsAndBraces() {
    TranslationUnit tu = clean("""
        struct ops o = { .a.b = f1, .c = { .d = f2 }, [0] = ignored, .arr[1] = f3, old: f4 };""");
    assertEquals(List.of("ops o.a.b=f1", "ops o.c.d=f2", "ops o.arr=f3", "ops o.old=f4"), render(tu));
  }

  @Test
  void arraysOfStructsUseTheElementType() {
    TranslationUnit tu = clean("""
        static const struct vm_operations_struct tbl[] = {
          { .fault = filemap_fault },
          [1] = { .fault = other_fault, .page_mkwrite = mkwrite },
        };""");
    assertEquals(List.of(
        "vm_operations_struct tbl.fault=filemap_fault",
        "vm_operations_struct tbl.fault=other_fault",
        "vm_operations_struct tbl.page_mkwrite=mkwrite"), render(tu));
  }

  @Test
  void blockScopeStaticInitializers() {
    TranslationUnit tu = clean("""
        void f(void) {
          static struct notifier_block nb = { .notifier_call = my_cb };
          struct notifier_block local = { .notifier_call = not_static };
        }""");
    assertEquals(List.of("notifier_block nb.notifier_call=my_cb"), render(tu));
  }

  @Test
  void nonStructInitializersAreIgnored() {
    TranslationUnit tu = clean("static void *p[] = { fn1, fn2 }; static int x = 3;");
    assertTrue(tu.fieldInits().isEmpty());
  }
}
