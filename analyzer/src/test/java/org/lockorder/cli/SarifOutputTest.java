package org.lockorder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.report.Fingerprint;
import org.lockorder.report.Rule;

/** --format sarif: what code review tools and GitHub read. CliRun validates every log. */
class SarifOutputTest {
  @TempDir Path dir;
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonNode sarif(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("analyze", "--format", "sarif", "--source-root", dir.toString()));
    all.addAll(List.of(args));
    CliRun r = CliRun.of(all.toArray(String[]::new));
    return JSON.readTree(r.out()).get("runs").get(0);
  }

  @Test
  void rulesComeFromTheRuleEnum() throws IOException {
    Files.writeString(dir.resolve("abba.c"), AnalyzeCommandTest.ABBA);
    JsonNode rules = sarif(dir.resolve("abba.c").toString()).get("tool").get("driver").get("rules");
    assertEquals(Rule.all().size(), rules.size());
    for (Rule r : Rule.all()) {
      JsonNode d = rules.get(r.ordinal());
      assertEquals(r.id(), d.get("id").asText());
      assertEquals(r.ruleName(), d.get("name").asText());
      assertEquals(r.summary(), d.get("shortDescription").get("text").asText());
      assertEquals(r.help(), d.get("fullDescription").get("text").asText());
      assertTrue(d.get("help").get("text").asText().contains(r.fix()));
      assertEquals(r.helpUri(), d.get("helpUri").asText());
    }
  }

  @Test
  void resultLinksEveryAcquisitionAndFlowsPerThread() throws IOException {
    Files.writeString(dir.resolve("abba.c"), AnalyzeCommandTest.ABBA);
    JsonNode run = sarif(dir.resolve("abba.c").toString());
    assertEquals(1, run.get("invocations").get(0).get("exitCode").asInt());
    JsonNode result = run.get("results").get(0);
    assertEquals("LO001", result.get("ruleId").asText());
    JsonNode primary = result.get("locations").get(0).get("physicalLocation");
    assertEquals("abba.c", primary.get("artifactLocation").get("uri").asText());
    assertEquals("%SRCROOT%", primary.get("artifactLocation").get("uriBaseId").asText());
    assertEquals(15, primary.get("region").get("startLine").asInt(), "the acquisition that closes the cycle");
    Set<Integer> lines = new HashSet<>();
    for (JsonNode l : result.get("relatedLocations")) lines.add(l.get("physicalLocation").get("region").get("startLine").asInt());
    assertEquals(Set.of(6, 7, 14, 15), lines, "every acquisition site");
    Matcher m = Pattern.compile("\\]\\((\\d+)\\)").matcher(result.get("message").get("text").asText());
    Set<Integer> linked = new HashSet<>();
    while (m.find()) linked.add(Integer.parseInt(m.group(1)));
    assertEquals(Set.of(1, 2, 3, 4), linked, result.get("message").toString());
    JsonNode flows = result.get("codeFlows");
    assertEquals(1, flows.size());
    JsonNode threads = flows.get(0).get("threadFlows");
    assertEquals(2, threads.size());
    // The simulator's schedule: first takes alpha (1), second takes beta (2), then each blocks (3, 4);
    // each thread's entry runs with its first acquisition.
    List<List<Integer>> orders = new ArrayList<>();
    for (JsonNode t : threads) {
      List<Integer> order = new ArrayList<>();
      orders.add(order);
      for (JsonNode step : t.get("locations")) {
        order.add(step.get("executionOrder").asInt());
        assertTrue(step.has("nestingLevel"));
        if (step.get("kinds").get(0).asText().equals("acquire")) {
          assertEquals("[\"acquire\",\"lock\"]", step.get("kinds").toString());
          assertNotNull(step.get("state").get("held").get("text"));
        }
      }
    }
    assertEquals(List.of(List.of(1, 1, 3), List.of(2, 2, 4)), orders, "executionOrder from the schedule");
    JsonNode lastAcquire = threads.get(1).get("locations").get(2);
    assertEquals("beta (W)", lastAcquire.get("state").get("held").get("text").asText());
    assertTrue(result.get("partialFingerprints").has(Fingerprint.KEY));
    assertFalse(result.has("suppressions"));
  }

  @Test
  void fingerprintsIgnoreLineNumbers() throws IOException {
    Files.writeString(dir.resolve("abba.c"), AnalyzeCommandTest.ABBA);
    String before = sarif(dir.resolve("abba.c").toString()).get("results").get(0).get("partialFingerprints").toString();
    Files.writeString(dir.resolve("abba.c"), "/* moved */\n\n\n" + AnalyzeCommandTest.ABBA);
    JsonNode after = sarif(dir.resolve("abba.c").toString()).get("results").get(0);
    assertEquals(18, after.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
    assertEquals(before, after.get("partialFingerprints").toString());
  }

  @Test
  void unparsableFilesAreNotifications() throws IOException {
    Files.writeString(dir.resolve("broken.c"), "void broken(void)\n{\n\tif (x)) {\n\t}\n}\n");
    Files.write(dir.resolve("binary.c"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2});
    JsonNode inv = sarif(dir.toString()).get("invocations").get(0);
    assertEquals(0, inv.get("exitCode").asInt());
    assertTrue(inv.get("executionSuccessful").asBoolean());
    List<String> texts = new ArrayList<>();
    for (JsonNode n : inv.get("toolExecutionNotifications")) texts.add(n.get("level").asText() + " " + n.get("message").get("text").asText());
    assertTrue(texts.stream().anyMatch(t -> t.startsWith("error ") && t.contains("broken.c:3:")), texts.toString());
    assertTrue(texts.stream().anyMatch(t -> t.contains("binary.c:1:1: error: binary file")), texts.toString());
  }

  @Test
  void kernelGalleryIsValidWithLockModelSteps() throws IOException {
    JsonNode run = sarif("--per-file", "callgraphs/01-ext4-page-mkwrite/buggy.c");
    assertTrue(run.get("results").size() >= 2);
    for (JsonNode r : run.get("results")) {
      for (JsonNode t : r.get("codeFlows").get(0).get("threadFlows")) {
        for (JsonNode step : t.get("locations")) assertTrue(step.get("location").has("physicalLocation"), step.toString());
      }
    }
  }
}
