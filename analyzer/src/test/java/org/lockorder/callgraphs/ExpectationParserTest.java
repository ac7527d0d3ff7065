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
}
