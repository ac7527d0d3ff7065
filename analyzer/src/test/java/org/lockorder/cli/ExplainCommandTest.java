package org.lockorder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lockorder explain: why the graph orders one class before another. */
class ExplainCommandTest {
  private static final String CHAIN = """
      static DEFINE_MUTEX(a);
      static DEFINE_MUTEX(b);
      static DEFINE_MUTEX(c);
      static DEFINE_MUTEX(d);
      static void take_c(void) { mutex_lock(&c); mutex_unlock(&c); }
      void a_then_b(void) { mutex_lock(&a); mutex_lock(&b); mutex_unlock(&b); mutex_unlock(&a); }
      void b_then_c(void) { mutex_lock(&b); take_c(); mutex_unlock(&b); }
      void a_then_d(void) { mutex_lock(&a); mutex_lock(&d); mutex_unlock(&d); mutex_unlock(&a); }
      void d_then_c(void) { mutex_lock(&d); mutex_lock(&c); mutex_unlock(&c); mutex_unlock(&d); }
      void b_then_a(void) { mutex_lock(&b); mutex_lock(&a); mutex_unlock(&a); mutex_unlock(&b); }
      """;

  private static Path program(Path dir) throws IOException {
    return Files.writeString(dir.resolve("chain.c"), CHAIN);
  }

  @Test
  void anEdgeIsExplainedByTheCallChainOfItsWitness(@TempDir Path dir) throws IOException {
    Path src = program(dir);
    CliRun r = CliRun.of("explain", "--from", "b", "--to", "c", src.toString());
    assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
    String expected = """
        b -> c: acquired while held, by 1 witness (EN)
          witness 1 (EN): holds b (W), then acquires c (W)
            %1$s:7:6: b_then_c  [thread entry: not called in the analyzed code]
            %1$s:7:23: b_then_c acquires b (W) with mutex_lock
            %1$s:7:39: b_then_c calls take_c
            %1$s:5:28:   take_c acquires c (W) with mutex_lock
        """.formatted(src);
    assertEquals(expected, r.out());
  }

  @Test
  void withoutAnEdgeTheShortestChainIsExplainedEdgeByEdge(@TempDir Path dir) throws IOException {
    Path src = program(dir);
    CliRun r = CliRun.of("explain", "--from", "a", "--to", "c", src.toString());
    assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
    // Two chains of two edges: a -> b -> c and a -> d -> c; the first by class name is chosen.
    assertTrue(r.out().startsWith("a -> b -> c: no thread acquires c while holding a, but this chain of 2 edges orders them\n"), r.out());
    assertTrue(r.out().contains("\nedge a -> b, by 1 witness (EN)\n  witness 1 (EN): holds a (W), then acquires b (W)\n"), r.out());
    assertTrue(r.out().contains("\nedge b -> c, by 1 witness (EN)\n"), r.out());
    assertEquals(r.out(), CliRun.of("explain", "--from", "a", "--to", "c", src.toString()).out(), "the same chain every run");
  }

  @Test
  void jsonGivesTheSameChainAndWitnessesForTools(@TempDir Path dir) throws IOException {
    Path src = program(dir);
    CliRun r = CliRun.of("explain", "--format", "json", "--from", "a", "--to", "c", "--from", "c", "--to", "a", src.toString());
    assertEquals(ExitCodes.FINDINGS, r.exit(), "c is never held while a is taken: " + r.out() + r.err());
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertEquals("lockorder", json.get("tool").asText());
    com.fasterxml.jackson.databind.JsonNode first = json.get("explanations").get(0);
    assertEquals("a", first.get("from").asText());
    assertTrue(first.get("ordered").asBoolean());
    assertEquals(2, first.get("chain").size());
    com.fasterxml.jackson.databind.JsonNode edge = first.get("chain").get(1);
    assertEquals("b", edge.get("from").asText());
    assertEquals("c", edge.get("to").asText());
    com.fasterxml.jackson.databind.JsonNode witness = edge.get("witnesses").get(0);
    assertEquals("b_then_c", witness.get("entry").asText());
    assertEquals("EN", witness.get("dependency").asText());
    assertEquals("take_c", witness.get("steps").get(3).get("function").asText());
    assertEquals("acquire", witness.get("steps").get(3).get("event").asText());
    com.fasterxml.jackson.databind.JsonNode second = json.get("explanations").get(1);
    assertEquals(false, second.get("ordered").asBoolean());
    assertEquals(0, second.get("chain").size());
    assertTrue(r.out().endsWith("}\n"), "one trailing newline");
  }

  @Test
  void noOrderExitsOne(@TempDir Path dir) throws IOException {
    Path src = program(dir);
    CliRun r = CliRun.of("explain", "--from", "c", "--to", "a", src.toString());
    assertEquals(ExitCodes.FINDINGS, r.exit(), r.out() + r.err());
    assertEquals("a is never acquired while c is held, directly or through other locks\n", r.out());
  }

  @Test
  void anUnknownClassIsAUsageErrorNamingTheClassesThatContainIt(@TempDir Path dir) throws IOException {
    Path src = Files.writeString(dir.resolve("s.c"), """
        struct zone { spinlock_t lock; };
        static DEFINE_SPINLOCK(stats_lock);
        void f(struct zone *z) { spin_lock(&stats_lock); spin_lock(&z->lock); spin_unlock(&z->lock); spin_unlock(&stats_lock); }
        """);
    CliRun r = CliRun.of("explain", "--from", "zone", "--to", "stats_lock", src.toString());
    assertEquals(ExitCodes.USAGE_ERROR, r.exit());
    assertEquals("lockorder: error: no lock class 'zone' in the lock-order graph; classes whose names contain it: zone.lock\n", r.err());
    assertEquals(ExitCodes.USAGE_ERROR, CliRun.of("explain", "--from", "a", "--to", "b", dir.resolve("missing.c").toString()).exit());
  }

  @Test
  void severalPairsAreExplainedFromOneAnalysisInTheirOrder(@TempDir Path dir) throws IOException {
    Path src = program(dir);
    CliRun both = CliRun.of("explain", "--from", "b", "--to", "c", "--from", "c", "--to", "a", src.toString());
    assertEquals(ExitCodes.FINDINGS, both.exit(), "one of the two orders does not exist: " + both.out());
    String first = CliRun.of("explain", "--from", "b", "--to", "c", src.toString()).out();
    String second = CliRun.of("explain", "--from", "c", "--to", "a", src.toString()).out();
    assertEquals(first + "\n" + second, both.out());
    CliRun uneven = CliRun.of("explain", "--from", "b", "--to", "c", "--from", "c", src.toString());
    assertEquals(ExitCodes.USAGE_ERROR, uneven.exit());
    assertEquals("lockorder: error: give as many --to as --from (2 against 1)\n", uneven.err());
  }
}
