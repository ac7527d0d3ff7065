package org.lockorder.callgraphs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationParserTest {
  @Test
  void everyExpectationOnALineCounts() {
    ExpectationParser.Parsed p = ExpectationParser.parse(
        "\tmutex_lock(&a); /* expect LO001: a -> b */ /* expect-fp LO002: a — class level */\n");
    assertEquals(List.of(), p.errors());
    assertEquals(2, p.expectations().size());
    assertEquals(List.of("a", "b"), p.expectations().get(0).classes());
    assertEquals(Expectation.Kind.FP, p.expectations().get(1).kind());
    assertEquals("class level", p.expectations().get(1).reason());
  }

  @Test
  void aGapWithoutAReasonIsAnError() {
    assertEquals(1, ExpectationParser.parse("x(); /* expect-gap LO001: a -> b */\n").errors().size());
  }

  @Test
  void theVerdictDefaultsFromGatedAndCanBeWritten() {
    ExpectationParser.Parsed p = ExpectationParser.parse(
        "/* expect LO001: a -> b */ /* expect LO001 gated: c -> d */ /* expect-fp LO002: e [not-reproduced] — swapped objects */\n");
    assertEquals(List.of(), p.errors());
    assertEquals(List.of("confirmed", "not-reproduced", "not-reproduced"),
        p.expectations().stream().map(Expectation::verdict).toList());
    assertEquals(List.of("e"), p.expectations().get(2).classes());
    assertEquals(1, ExpectationParser.parse("/* expect LO001: a -> b [maybe] */\n").errors().size());
  }
}
