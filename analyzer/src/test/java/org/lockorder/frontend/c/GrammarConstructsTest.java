package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lockorder.frontend.c.Fixtures.callees;
import static org.lockorder.frontend.c.Fixtures.function;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lockorder.ir.GlobalVar;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.source.SourceText;

/** Each construct family of the corpus parses and yields the IR it should. */
class GrammarConstructsTest {

  private static TranslationUnit corpus(String name) throws IOException {
    Path p = Path.of("analyzer/src/test/resources/frontend/c", name);
    TranslationUnit tu = new CFrontend(Set.of()).parse(new SourceText(name, Files.readString(p)));
    assertEquals(List.of(), tu.diagnostics());
    return tu;
  }

  @Test
  void declarationsFile() throws IOException {
    TranslationUnit tu = corpus("declarations.c");
    assertEquals(List.of("init_foo", "exit_foo"), Fixtures.names(tu));
    List<String> globals = tu.globals().stream().map(GlobalVar::name).toList();
    assertTrue(globals.containsAll(List.of("global_lock", "list_lock", "sb_sem", "plain_lock",
        "a_lock", "b_lock", "m", "forks", "counters", "boot_flags", "unknown_global",
        "ext4_file_operations", "vm_ops_table", "handler_table", "cachep")), globals.toString());
    assertTrue(tu.typedefs().keySet().containsAll(List.of("page_cache_t", "bar_t", "my_flags_t", "filler_fn", "foo_t")));
    assertEquals(5L, tu.enumConstants().get("I_MUTEX_CHILD"));
    assertEquals(2 + 1L, tu.enumConstants().get("ANON_B"));
    assertTrue(tu.fieldInits().size() >= 10, tu.fieldInits().toString());
    assertTrue(tu.prototypes().stream().anyMatch(p -> p.name().equals("lock_two") && p.annotations().size() == 2));
  }

  @Test
  void statementsFile() throws IOException {
    TranslationUnit tu = corpus("statements.c");
    assertEquals(List.of("all_statements", "empty_label_before_brace", "computed_goto"), Fixtures.names(tu));
    List<String> calls = callees(function(tu, "all_statements").cfg());
    assertTrue(calls.containsAll(List.of("DEFINE_WAIT", "might_sleep", "BUG_ON", "WARN_ON_ONCE",
        "need_resched", "list_for_each_entry", "list_for_each_entry_safe", "put_page",
        "hlist_for_each_entry", "xa_for_each", "for_each_online_cpu", "for_each_node",
        "spin_lock_irqsave", "do_something", "mutex_unlock")), calls.toString());
  }

  @Test
  void gnuFile() throws IOException {
    TranslationUnit tu = corpus("gnu.c");
    assertEquals(List.of("gnu_things", "sys_write", "sys_foo", "unknown_types",
        "fn_with_unknown_return", "annotated", "config_branch", "if_one", "nested_taken",
        "attribute_macro_before_type", "net_init_fn"),
        Fixtures.names(tu));
    List<String> calls = callees(function(tu, "gnu_things").cfg());
    assertTrue(calls.containsAll(List.of("container_of", "list_first_entry", "offsetof", "likely",
        "unlikely", "__builtin_expect", "READ_ONCE", "WRITE_ONCE",
        "rcu_assign_pointer", "va_arg_helper")), calls.toString());
    // Parsed, but its operand is never evaluated: no call (ExpressionFlow.UNEVALUATED_OPERANDS).
    assertFalse(calls.contains("__builtin_constant_p"), calls.toString());
    assertEquals(List.of("ksys_write"), callees(function(tu, "sys_write").cfg()));
  }

  @Test
  void pthreadAndMacrosFile() throws IOException {
    TranslationUnit tu = corpus("pthread_and_macros.c");
    assertEquals(List.of("philosopher", "main", "iterate"), Fixtures.names(tu));
    List<String> calls = callees(function(tu, "iterate").cfg());
    assertTrue(calls.containsAll(List.of("list_for_each_entry", "spin_lock", "list_for_each_entry_reverse",
        "hlist_for_each_entry_rcu", "iput", "xa_for_each", "xa_erase", "for_each_possible_cpu",
        "for_each_online_node", "per_cpu_ptr", "cpu_relax")), calls.toString());
    assertTrue(callees(function(tu, "main").cfg()).contains("pthread_create"));
  }
}
