package org.lockorder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppressions, --fail-on and the baseline, as a CI job uses them. */
class PreMergeTest {
  @TempDir Path dir;
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String GAMMA_DELTA =
      """
      static DEFINE_MUTEX(gamma);
      static DEFINE_MUTEX(delta);

      void third(void)
      {
      	mutex_lock(&gamma);
      	mutex_lock(&delta);
      	mutex_unlock(&delta);
      	mutex_unlock(&gamma);
      }

      void fourth(void)
      {
      	mutex_lock(&delta);
      	mutex_lock(&gamma);
      	mutex_unlock(&gamma);
      	mutex_unlock(&delta);
      }
      """;

  private String write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
    return dir.resolve(name).toString();
  }

  private static String abbaWith(int line, String comment) {
    String[] lines = AnalyzeCommandTest.ABBA.split("\n", -1);
    lines[line - 1] = lines[line - 1] + comment;
    return String.join("\n", lines);
  }

  @Test
  void suppressionWithAReasonSilencesTheFinding() throws IOException {
    String f = write("abba.c", abbaWith(15, " /* lockorder-ignore LO001: second() only runs before first() is registered */"));
    CliRun text = CliRun.of("analyze", f);
    assertEquals(ExitCodes.OK, text.exit(), text.out());
    assertFalse(text.out().contains("[LO001]"), text.out());
    assertTrue(text.out().contains("0 findings (0 failing, 1 suppressed)"), text.out());
    JsonNode sarif = JSON.readTree(CliRun.of("analyze", "--format", "sarif", f).out()).get("runs").get(0);
    assertEquals(0, sarif.get("results").size());
    CliRun kept = CliRun.of("analyze", "--format", "sarif", "--include-suppressed", f);
    assertEquals(ExitCodes.OK, kept.exit());
    JsonNode s = JSON.readTree(kept.out()).get("runs").get(0).get("results").get(0).get("suppressions").get(0);
    assertEquals("inSource", s.get("kind").asText());
    assertEquals("second() only runs before first() is registered", s.get("justification").asText());
    assertTrue(CliRun.of("analyze", "--include-suppressed", f).out().contains("suppressed at " + f + ":15:"), "text shows the suppression");
  }

  @Test
  void suppressionOnTheLineAboveAndOnAnyAcquisition() throws IOException {
    String f = write("abba.c", abbaWith(5, "\n\t// lockorder-ignore LO001, LO002: boot-time only"));
    CliRun r = CliRun.of("analyze", f);
    assertEquals(ExitCodes.OK, r.exit(), r.out());
    String other = write("other.c", abbaWith(6, " /* lockorder-ignore LO002: wrong rule */"));
    assertEquals(ExitCodes.FINDINGS, CliRun.of("analyze", other).exit(), "a suppression names the rule it silences");
  }

  @Test
  void suppressionWithoutAReasonIsAnErrorAndSuppressesNothing() throws IOException {
    String f = write("abba.c", abbaWith(15, " /* lockorder-ignore LO001 */"));
    CliRun r = CliRun.of("analyze", f);
    assertEquals(ExitCodes.FINDINGS, r.exit(), r.out());
    assertTrue(r.out().contains(f + ":15:25: error: lockorder-ignore LO001 has no reason"), r.out());
    String g = write("bad.c", abbaWith(15, " // lockorder-ignore LO123: typo"));
    assertTrue(CliRun.of("analyze", g).out().contains(g + ":15:25: error: lockorder-ignore names unknown rule LO123"));
    String h = write("h.c", "/* lockorder-ignore */\nvoid f(void) { }\n");
    assertTrue(CliRun.of("analyze", h).out().contains(h + ":1:4: error: lockorder-ignore needs a rule id and a reason"));
    String quoted = write("q.c", "const char *s = \"/* lockorder-ignore */\";\n");
    assertFalse(CliRun.of("analyze", quoted).out().contains("error"), "text in strings is not a comment");
  }

  @Test
  void baselineRoundTripOnlyTheNewCycleFails() throws IOException {
    String abba = write("abba.c", AnalyzeCommandTest.ABBA);
    String baseline = dir.resolve("lockorder-baseline.json").toString();
    CliRun create = CliRun.of("analyze", "--baseline", baseline, "--update-baseline", dir.toString());
    assertEquals(ExitCodes.OK, create.exit(), create.out());
    assertTrue(create.out().contains("baseline " + baseline + " updated: 1 finding accepted"), create.out());
    JsonNode file = JSON.readTree(Files.readString(Path.of(baseline)));
    assertEquals(1, file.get("findings").size());
    assertEquals("[\"alpha\",\"beta\"]", file.get("findings").get(0).get("classes").toString());

    assertEquals(ExitCodes.OK, CliRun.of("analyze", "--baseline", baseline, dir.toString()).exit(), "nothing new");
    write("gamma.c", GAMMA_DELTA);
    CliRun withNew = CliRun.of("analyze", "--baseline", baseline, dir.toString());
    assertEquals(ExitCodes.FINDINGS, withNew.exit(), withNew.out());
    assertTrue(withNew.out().contains("1 new, 1 unchanged, 0 stale (--fail-on new)"), withNew.out());
    assertTrue(withNew.out().contains("2 findings (1 failing)"), withNew.out());
    JsonNode results = JSON.readTree(CliRun.of("analyze", "--format", "sarif", "--baseline", baseline, dir.toString()).out())
        .get("runs").get(0).get("results");
    for (JsonNode r : results) {
      boolean gamma = r.get("message").get("text").asText().contains("gamma");
      assertEquals(gamma ? "new" : "unchanged", r.get("baselineState").asText());
      assertEquals(gamma, r.get("properties").get("failing").asBoolean());
    }
    CliRun any = CliRun.of("analyze", "--baseline", baseline, "--fail-on", "any", dir.toString());
    assertTrue(any.out().contains("2 findings (2 failing)"), any.out());

    Files.delete(Path.of(abba));
    CliRun stale = CliRun.of("analyze", "--baseline", baseline, dir.toString());
    assertTrue(stale.out().contains("stale baseline entry, no longer found: LO001 alpha -> beta -> alpha (entries first, second)"), stale.out());
  }

  @Test
  void failOnLevels() throws IOException {
    String f = write("abba.c", AnalyzeCommandTest.ABBA);
    assertEquals(ExitCodes.FINDINGS, CliRun.of("analyze", "--fail-on", "any", f).exit());
    assertEquals(ExitCodes.OK, CliRun.of("analyze", "--fail-on", "none", f).exit());
    assertEquals(ExitCodes.FINDINGS, CliRun.of("analyze", "--fail-on", "confirmed", "--no-simulate", f).exit(),
        "an unchecked finding was not ruled out, so it fails under confirmed");
    assertEquals(ExitCodes.FINDINGS, CliRun.of("analyze", "--fail-on-not-reproduced", f).exit(), "the flag is accepted with the default level");
    CliRun both = CliRun.of("analyze", "--fail-on", "confirmed", "--fail-on-not-reproduced", f);
    assertEquals(ExitCodes.USAGE_ERROR, both.exit());
    assertTrue(both.err().contains("--fail-on-not-reproduced cannot be combined with --fail-on confirmed"), both.err());
    assertEquals(ExitCodes.FINDINGS, CliRun.of("analyze", "--fail-on", "new", f).exit(), "without a baseline, everything is new");
    CliRun bad = CliRun.of("analyze", "--fail-on", "sometimes", f);
    assertEquals(ExitCodes.USAGE_ERROR, bad.exit());
    assertTrue(bad.err().contains("expected one of any, new, confirmed, none"), bad.err());
  }

  @Test
  void badBaselinesAreUsageErrors() throws IOException {
    String f = write("abba.c", AnalyzeCommandTest.ABBA);
    String missing = dir.resolve("none.json").toString();
    CliRun r = CliRun.of("analyze", "--baseline", missing, f);
    assertEquals(ExitCodes.USAGE_ERROR, r.exit());
    assertTrue(r.err().startsWith(missing + ":1:1: error: no such baseline file"), r.err());
    String broken = write("broken.json", "{\n  \"lockorderBaseline\": 1,\n  \"findings\": [ oops ]\n}\n");
    CliRun b = CliRun.of("analyze", "--baseline", broken, f);
    assertEquals(ExitCodes.USAGE_ERROR, b.exit());
    assertTrue(b.err().startsWith(broken + ":3:"), b.err());
    assertFalse(b.err().contains("Exception"), b.err());
    assertEquals(ExitCodes.USAGE_ERROR, CliRun.of("analyze", "--update-baseline", f).exit());
    assertEquals(ExitCodes.USAGE_ERROR, CliRun.of("analyze", "--baseline", missing, "--update-baseline", "--new-from-rev", "HEAD", f).exit());
  }
}
