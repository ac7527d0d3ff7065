package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.ir.Event;
import org.lockorder.ir.Function;
import org.lockorder.ir.Node;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;

/**
 * A user access made with page faults disabled on every path into it has no call-graph edge into
 * the page-fault handler; one that some path reaches with faults enabled keeps it.
 */
class FaultsDisabledTest {
  @TempDir Path dir;

  /** Per may-fault access of {@code name}, in node order: whether the call graph gives it a callee. */
  private List<Boolean> faultEdges(String code, String name) throws Exception {
    Path file = dir.resolve("snippet.c");
    Files.writeString(file, code);
    ProgramView view = new Pipeline(PipelineOptions.defaults()).program(List.of(file.toString())).result().program();
    Function f = view.function(name, file.toString());
    List<Boolean> out = new ArrayList<>();
    for (Node n : f.cfg().nodes()) {
      if (n.event() instanceof Event.MayFault) out.add(!view.callees(f, n.id()).isEmpty());
    }
    return out;
  }

  @Test
  void accessesBetweenDisableAndEnableHaveNoFaultEdge() throws Exception {
    String code = "long read_nofault(char *dst, const char __user *src, long n)\n{\n"
        + "\tlong ret;\n\tpagefault_disable();\n\tret = copy_from_user(dst, src, n);\n\tpagefault_enable();\n"
        + "\tif (ret)\n\t\tret = copy_from_user(dst, src, n);\n\treturn ret;\n}\n";
    assertEquals(List.of(false, true), faultEdges(code, "read_nofault"));
  }

  @Test
  void anAccessSomePathReachesWithFaultsEnabledKeepsItsEdge() throws Exception {
    String code = "long maybe(char *dst, const char __user *src, long n, int atomic)\n{\n"
        + "\tlong ret;\n\tif (atomic)\n\t\tpagefault_disable();\n\tret = copy_from_user(dst, src, n);\n"
        + "\tif (atomic)\n\t\tpagefault_enable();\n\treturn ret;\n}\n"
        + "long looped(char *dst, const char __user *src, long n)\n{\n"
        + "\tlong ret = 0;\n\twhile (n--) {\n\t\tret += copy_from_user(dst, src, 1);\n\t\tpagefault_disable();\n\t}\n"
        + "\tpagefault_enable();\n\treturn ret;\n}\n";
    assertEquals(List.of(true), faultEdges(code, "maybe"));
    assertEquals(List.of(true), faultEdges(code, "looped"));
  }
}
