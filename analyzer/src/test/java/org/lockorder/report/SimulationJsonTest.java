package org.lockorder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON report carries the verdict label and the whole simulation, as docs/json-output.md says. */
class SimulationJsonTest {
  private static JsonNode findings() throws IOException {
    StringWriter w = new StringWriter();
    new JsonWriter().write(SimulatedFindings.report(), w);
    return new ObjectMapper().readTree(w.toString()).get("findings");
  }

  @Test
  void everyFindingHasItsVerdictLabelTwiceOver() throws IOException {
    JsonNode f = findings();
    List<String> labels = List.of("confirmed", "not-reproduced", "inconclusive", "unchecked");
    for (int i = 0; i < labels.size(); i++) {
      assertEquals(labels.get(i), f.get(i).get("verdict").asText());
      assertEquals(labels.get(i), f.get(i).get("simulation").get("verdict").asText(), "enum written as its label");
      assertTrue(f.get(i).get("simulation").get("reason").isTextual());
    }
    assertEquals("not simulated (--no-simulate)", f.get(3).get("simulation").get("reason").asText());
    assertEquals(0, f.get(1).get("simulation").get("schedule").size(), "no schedule unless confirmed");
  }

  @Test
  void aConfirmedFindingCarriesThreadsAndSchedule() throws IOException {
    JsonNode sim = findings().get(0).get("simulation");
    assertEquals(57, sim.get("states").asInt());
    JsonNode adversary = sim.get("threads").get(2);
    assertEquals("{\"name\":\"thread 3\",\"entry\":\"munmap\",\"witness\":-1,\"role\":\"waiting writer on mm_struct.mmap_lock (the lock model's munmap)\"}",
        adversary.toString());
    JsonNode first = sim.get("schedule").get(0);
    assertEquals(
        "{\"thread\":0,\"action\":\"acquire\",\"lock\":\"inode.i_rwsem\",\"mode\":\"W\",\"api\":\"inode_lock\",\"function\":\"ext4_buffered_write_iter\","
            + "\"file\":\"callgraphs/01-ext4-page-mkwrite/buggy.c\",\"line\":130,\"column\":2,\"witnessStep\":2,\"note\":null}",
        first.toString(), "every field present, in record order, a missing note as null");
    assertEquals("writer thread 3 is waiting", sim.get("schedule").get(3).get("note").asText());
  }
}
