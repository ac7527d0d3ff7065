package org.lockorder.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator itself catches what it claims to: schema errors and GitHub's ingestion rules. */
class SarifValidatorTest {
  private static final String RULES = "\"tool\":{\"driver\":{\"name\":\"t\",\"rules\":[{\"id\":\"R1\"}]}}";
  private static final String LOC =
      "{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"a.c\"},\"region\":{\"startLine\":3}}}";

  private static String log(String result) {
    return "{\"version\":\"2.1.0\",\"runs\":[{" + RULES + ",\"results\":[" + result + "]}]}";
  }

  @Test
  void aMinimalGoodLogPasses() {
    assertEquals(List.of(), SarifValidator.problems(log("{\"ruleId\":\"R1\",\"message\":{\"text\":\"m\"},\"locations\":[" + LOC + "]}")));
  }

  @Test
  void schemaViolationsAreFound() {
    List<String> p = SarifValidator.problems(log("{\"ruleId\":\"R1\",\"level\":\"fatal\",\"message\":{\"text\":\"m\"},\"locations\":[" + LOC + "]}"));
    assertTrue(p.stream().anyMatch(s -> s.startsWith("schema:")), p.toString());
    List<String> missing = SarifValidator.problems("{\"version\":\"2.1.0\"}");
    assertTrue(missing.stream().anyMatch(s -> s.startsWith("schema:") && s.contains("runs")), missing.toString());
  }

  @Test
  void githubRulesAreFound() {
    List<String> p = SarifValidator.problems(log(
        "{\"ruleId\":\"R9\",\"message\":{\"id\":\"x\"},\"locations\":[],\"relatedLocations\":[{\"id\":1}],"
            + "\"codeFlows\":[{\"threadFlows\":[{\"locations\":[{\"index\":0}]}]}]}"));
    String all = String.join("\n", p);
    assertTrue(all.contains("ruleId not in the rule table"), all);
    assertTrue(all.contains("no message text"), all);
    assertTrue(all.contains("no location"), all);
    assertTrue(all.contains("uses an index reference"), all);
    List<String> links = SarifValidator.problems(log("{\"ruleId\":\"R1\",\"message\":{\"text\":\"see [here](4)\"},\"locations\":[" + LOC + "]}"));
    assertTrue(String.join("\n", links).contains("missing related location 4"), links.toString());
  }
}
