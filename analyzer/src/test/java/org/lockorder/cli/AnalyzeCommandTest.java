package org.lockorder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyze command as a user runs it: findings, bad inputs, exit codes, formats. */
class AnalyzeCommandTest {
  @TempDir Path dir;

  static final String ABBA =
      """
      static DEFINE_MUTEX(alpha);
      static DEFINE_MUTEX(beta);

      void first(void)
      {
      	mutex_lock(&alpha);
      	mutex_lock(&beta);
      	mutex_unlock(&beta);
      	mutex_unlock(&alpha);
      }

      void second(void)
      {
      	mutex_lock(&beta);
      	mutex_lock(&alpha);
      	mutex_unlock(&alpha);
      	mutex_unlock(&beta);
      }
      """;

  @BeforeEach
  void writeInputs() throws IOException {
    Files.writeString(dir.resolve("abba.c"), ABBA);
  }

  private String p(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void versionAndHelp() {
    CliRun v = CliRun.of("--version");
    assertEquals(0, v.exit());
    assertTrue(v.out().startsWith("lockorder "), v.out());
    CliRun h = CliRun.of("--help");
    assertEquals(0, h.exit());
    assertTrue(h.out().contains("analyze"), h.out());
    assertTrue(CliRun.of("analyze", "--help").out().contains("--format"));
  }

  @Test
  void cycleIsReportedCompilerStyleAndFails() {
    CliRun r = CliRun.of("analyze", p("abba.c"));
    assertEquals(ExitCodes.FINDINGS, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains(p("abba.c") + ":15:2: warning: possible deadlock: lock-order cycle alpha -> beta -> alpha [LO001]"), r.out());
    assertTrue(r.out().contains("thread 1: holds alpha (W), then acquires beta (W)"), r.out());
    assertTrue(r.out().contains("thread 2: holds beta (W), then acquires alpha (W)"), r.out());
  }

  @Test
  void noFindingsExitsZero() throws IOException {
    Files.writeString(dir.resolve("ok.c"), "static DEFINE_MUTEX(a);\nvoid f(void) { mutex_lock(&a); mutex_unlock(&a); }\n");
    CliRun r = CliRun.of("analyze", p("ok.c"));
    assertEquals(ExitCodes.OK, r.exit(), r.out());
  }

  @Test
  void badInputsAreDiagnosedAndOtherFindingsStillAppear() throws IOException {
    Files.writeString(dir.resolve("broken.c"), "void broken(void)\n{\n\tif (x)) {\n\t}\n}\n\nvoid fine(void)\n{\n\tmutex_lock(&m);\n}\n");
    Files.write(dir.resolve("binary.c"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2});
    Files.writeString(dir.resolve("empty.c"), "");
    Files.write(dir.resolve("latin1.c"), "/* caf\u00e9 */\nvoid g(void) { }\n".getBytes(StandardCharsets.ISO_8859_1));
    CliRun r = CliRun.of("analyze", dir.toString(), p("missing.c"));
    assertTrue(r.out().contains("[LO001]"), r.out());
    assertTrue(r.out().contains(p("broken.c") + ":3:"), r.out());
    assertTrue(r.out().contains("binary.c:1:1: error: binary file"), r.out());
    assertTrue(r.out().contains("empty.c:1:1: warning: empty file"), r.out());
    assertTrue(r.out().contains("latin1.c:1:7: warning: file is not valid UTF-8"), r.out());
    assertTrue(r.out().contains(p("missing.c") + ":1:1: error: no such file or directory"), r.out());
    assertFalse(r.out().contains("Exception"), r.out());
    assertFalse(r.err().contains("Exception"), r.err());
    assertEquals(ExitCodes.USAGE_ERROR, r.exit(), "a named path that does not exist is a usage error");
    CliRun withoutMissing = CliRun.of("analyze", dir.toString());
    assertEquals(ExitCodes.FINDINGS, withoutMissing.exit(), withoutMissing.out());
  }

  @Test
  void includeDirectoriesAddOnlyTheHeadersThatAreIncluded() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path include = Files.createDirectories(dir.resolve("include/linux"));
    // ABBA's first() takes alpha then beta; second() takes them the other way round in a header.
    Files.writeString(src.resolve("user.c"), "#include <linux/both.h>\n" + ABBA.substring(0, ABBA.indexOf("void second"))
        + "void second(void)\n{\n\ttake_beta_then_alpha();\n}\n");
    Files.writeString(include.resolve("both.h"), """
        static inline void take_beta_then_alpha(void)
        {
        	mutex_lock(&beta);
        	mutex_lock(&alpha);
        	mutex_unlock(&alpha);
        	mutex_unlock(&beta);
        }
        """);
    Files.writeString(include.resolve("unused.h"), "static inline void broken(void) { if (x)) { } }\n");
    String includeDir = dir.resolve("include").toString();

    CliRun alone = CliRun.of("analyze", src.toString());
    assertEquals(ExitCodes.OK, alone.exit(), "without the header the call is unknown: " + alone.out());

    CliRun r = CliRun.of("analyze", "-I", includeDir, src.toString());
    assertEquals(ExitCodes.FINDINGS, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("lock-order cycle alpha -> beta -> alpha [LO001]"), r.out());
    assertTrue(r.out().contains(includeDir + "/linux/both.h:4:"), "the witness is in the included header: " + r.out());
    assertFalse(r.out().contains("unused.h"), "a header nobody includes is not read: " + r.out());

    CliRun asPath = CliRun.of("analyze", src.toString(), includeDir);
    assertTrue(asPath.out().contains("unused.h:1:"), "given as a PATH, every header is read: " + asPath.out());

    CliRun missing = CliRun.of("analyze", "-I", p("nowhere"), src.toString());
    assertEquals(ExitCodes.USAGE_ERROR, missing.exit());
    assertTrue(missing.err().contains("lockorder: error: -I " + p("nowhere") + ": not a directory"), missing.err());
  }

  @Test
  void jsonCarriesTheDocumentedShape() throws IOException {
    CliRun r = CliRun.of("analyze", "--format", "json", p("abba.c"));
    assertEquals(ExitCodes.FINDINGS, r.exit());
    JsonNode root = new ObjectMapper().readTree(r.out());
    JsonNode f = root.get("findings").get(0);
    assertEquals("LO001", f.get("rule").asText());
    assertEquals("[\"alpha\",\"beta\"]", f.get("classes").toString());
    assertEquals(p("abba.c"), f.get("file").asText());
    assertEquals(15, f.get("line").asInt());
    assertEquals("confirmed", f.get("verdict").asText());
    JsonNode sim = f.get("simulation");
    assertEquals("confirmed", sim.get("verdict").asText());
    assertEquals(2, sim.get("threads").size());
    assertEquals("blocks", sim.get("schedule").get(sim.get("schedule").size() - 1).get("action").asText());
    JsonNode step = f.get("threads").get(0).get("steps").get(1);
    for (String key : new String[] {"file", "line", "function", "event", "lock"}) assertTrue(step.has(key), key);
    assertEquals("acquire", step.get("event").asText());
    assertTrue(root.get("diagnostics").isArray());
    Files.writeString(dir.resolve("broken.c"), "void broken(void)\n{\n\tif (x)) {\n\t}\n}\n");
    JsonNode d = new ObjectMapper().readTree(CliRun.of("analyze", "--format", "json", p("broken.c")).out()).get("diagnostics").get(0);
    for (String key : new String[] {"file", "line", "column", "severity", "message"}) assertTrue(d.has(key), key);
    assertEquals("error", d.get("severity").asText());
  }

  @Test
  void outputIsByteIdenticalAcrossRunsAndThreadCounts() throws IOException {
    Path out1 = dir.resolve("one.json");
    Path out2 = dir.resolve("two.json");
    CliRun.of("analyze", "--format", "json", "--threads", "1", "-o", out1.toString(), "--per-file", "callgraphs");
    CliRun.of("analyze", "--format", "json", "--threads", "2", "-o", out2.toString(), "--per-file", "callgraphs");
    assertTrue(Files.size(out1) > 1000);
    assertEquals(Files.readString(out1), Files.readString(out2));
    String text1 = CliRun.of("analyze", "--per-file", "callgraphs").out();
    String text2 = CliRun.of("analyze", "--per-file", "--threads", "1", "callgraphs").out();
    assertEquals(text1, text2);
  }

  @Test
  void timingsGoToStderrAndLeaveTheReportAsItIs() {
    CliRun plain = CliRun.of("analyze", p("abba.c"));
    CliRun timed = CliRun.of("analyze", "--timings", p("abba.c"));
    assertEquals(plain.out(), timed.out());
    assertEquals(plain.exit(), timed.exit());
    assertFalse(plain.err().contains("wall time"), plain.err());
    String[] lines = timed.err().split("\n");
    assertEquals("lockorder: wall time per phase", lines[0], timed.err());
    String[] phases = {"lock model and files", "lock macros from headers", "parse", "call graph", "summaries", "edges and witnesses", "lock-order graph and cycle search", "findings", "simulation", "report", "total"};
    assertEquals(phases.length + 1, lines.length, timed.err());
    for (int i = 0; i < phases.length; i++) {
      assertTrue(lines[i + 1].matches("  " + phases[i] + " +[0-9]+\\.[0-9] s"), lines[i + 1]);
    }
  }

  @Test
  void timingsNameTheLargestRecursion() throws IOException {
    Files.writeString(dir.resolve("rec.c"), "static DEFINE_MUTEX(m);\nvoid ping(int n);\nvoid pong(int n) { if (n) ping(n - 1); }\n"
        + "void ping(int n) { mutex_lock(&m); mutex_unlock(&m); if (n) pong(n - 1); }\n");
    CliRun timed = CliRun.of("analyze", "--timings", p("rec.c"));
    assertTrue(timed.err().matches("(?s).*\n  summaries +[0-9.]+ s  \\(largest recursion: 2 functions, [0-9.]+ s, of which propagation [0-9.]+ s\\)\n.*"), timed.err());
  }

  @Test
  void badConfigIsAUsageErrorWithPosition() throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), "primitives:\n  - {call: my_lock, op: acquire, lock: arg0, mode: sideways}\n");
    CliRun r = CliRun.of("analyze", "--config", p("bad.yaml"), p("abba.c"));
    assertEquals(ExitCodes.USAGE_ERROR, r.exit());
    assertTrue(r.err().startsWith(p("bad.yaml") + ":2:"), r.err());
  }

  @Test
  void userConfigDeclaresNewPrimitives() throws IOException {
    Files.writeString(
        dir.resolve("glock.yaml"),
        "primitives:\n  - {call: my_glock_nq, op: acquire, lock: arg0, class: my_glock, kind: glock, mode: write}\n"
            + "  - {call: my_glock_dq, op: release, lock: arg0, class: my_glock}\n");
    Files.writeString(
        dir.resolve("g.c"),
        "static DEFINE_MUTEX(m);\nvoid a(void *gh) { my_glock_nq(gh); mutex_lock(&m); mutex_unlock(&m); my_glock_dq(gh); }\n"
            + "void b(void *gh) { mutex_lock(&m); my_glock_nq(gh); my_glock_dq(gh); mutex_unlock(&m); }\n");
    CliRun without = CliRun.of("analyze", p("g.c"));
    assertEquals(ExitCodes.OK, without.exit(), without.out());
    CliRun with = CliRun.of("analyze", "--config", p("glock.yaml"), p("g.c"));
    assertEquals(ExitCodes.FINDINGS, with.exit(), with.out());
    assertTrue(with.out().contains("cycle m -> my_glock -> m"), with.out());
  }

  @Test
  void usageErrors() {
    assertEquals(ExitCodes.USAGE_ERROR, CliRun.of("analyze").exit());
    assertEquals(ExitCodes.USAGE_ERROR, CliRun.of("analyze", "--format", "xml", p("abba.c")).exit());
    assertEquals(ExitCodes.USAGE_ERROR, CliRun.of("analyze", "--profile", "windows", p("abba.c")).exit());
    assertEquals(ExitCodes.USAGE_ERROR, CliRun.of("frobnicate").exit());
  }

  @Test
  void outputFileOption() throws IOException {
    Path out = dir.resolve("sub/report.txt");
    CliRun r = CliRun.of("analyze", "-o", out.toString(), p("abba.c"));
    assertEquals(ExitCodes.FINDINGS, r.exit());
    assertTrue(Files.readString(out).contains("[LO001]"));
    assertTrue(r.out().isEmpty(), r.out());
  }

  @Test
  void unwritableOutputIsAUsageErrorWithoutAStackTrace() throws IOException {
    Files.createDirectories(dir.resolve("taken"));
    CliRun r = CliRun.of("analyze", "-o", dir.resolve("taken").toString(), p("abba.c"));
    assertEquals(ExitCodes.USAGE_ERROR, r.exit(), r.err());
    assertTrue(r.err().startsWith("lockorder: error: cannot write " + dir.resolve("taken")), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    CliRun b = CliRun.of("analyze", "--baseline", dir.resolve("taken").toString(), "--update-baseline", p("abba.c"));
    assertEquals(ExitCodes.USAGE_ERROR, b.exit(), b.err());
    assertTrue(b.err().startsWith("lockorder: error: cannot write the baseline"), b.err());
    assertFalse(b.err().contains("Exception"), b.err());
  }

  @Test
  void rulesCommandListsEveryRule() {
    CliRun r = CliRun.of("rules");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("LO001 lock-order-cycle"), r.out());
    assertTrue(r.out().contains("LO002 recursive-locking"), r.out());
  }

  @Test
  void aSlabAllocatorGivesWayToTheOneTheKernelBuilds() throws IOException {
    // One slab allocator per kernel: taken together, SLAB's and SLUB's list_lock (one struct
    // name, two definitions) order each other against cache_chain_lock, which no kernel can do.
    Path mm = Files.createDirectories(dir.resolve("mm"));
    Files.writeString(mm.resolve("slub.c"), """
        struct kmem_cache_node { spinlock_t list_lock; };
        DEFINE_SPINLOCK(cache_chain_lock);
        void slub_shrink(struct kmem_cache_node *n)
        {
        	spin_lock(&cache_chain_lock);
        	spin_lock(&n->list_lock);
        	spin_unlock(&n->list_lock);
        	spin_unlock(&cache_chain_lock);
        }
        """);
    Files.writeString(mm.resolve("slab.c"), """
        struct kmem_cache_node { spinlock_t list_lock; };
        extern spinlock_t cache_chain_lock;
        void slab_drain(struct kmem_cache_node *n)
        {
        	spin_lock(&n->list_lock);
        	spin_lock(&cache_chain_lock);
        	spin_unlock(&cache_chain_lock);
        	spin_unlock(&n->list_lock);
        }
        """);
    CliRun both = CliRun.of("analyze", mm.toString());
    assertEquals(ExitCodes.OK, both.exit(), both.out() + both.err());
    assertTrue(both.out().contains(mm.resolve("slab.c") + ":1:1: note: not analyzed: a kernel builds this or mm/slub.c, never both"),
        both.out());
    assertTrue(both.out().contains("1 file, 1 of 1 function bodies parsed"), both.out());
    CliRun slabOnly = CliRun.of("analyze", mm.resolve("slab.c").toString());
    assertEquals(ExitCodes.OK, slabOnly.exit());
    assertTrue(slabOnly.out().contains("0 diagnostics; 1 file, 1 of 1 function bodies parsed"),
        "without mm/slub.c in the input, mm/slab.c is analyzed: " + slabOnly.out());
    // The same two files elsewhere than mm/ are no slab allocators: both analyzed, they order each other.
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Files.copy(mm.resolve("slub.c"), lib.resolve("slub.c"));
    Files.copy(mm.resolve("slab.c"), lib.resolve("slab.c"));
    CliRun elsewhere = CliRun.of("analyze", lib.toString());
    assertEquals(ExitCodes.FINDINGS, elsewhere.exit(), elsewhere.out());
  }
}
