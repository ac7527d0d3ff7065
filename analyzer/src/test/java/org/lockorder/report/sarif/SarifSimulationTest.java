package org.lockorder.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockorder.report.Finding;
import org.lockorder.report.Report;
import org.lockorder.report.RunReview;
import org.lockorder.report.SimulatedFindings;
import org.lockorder.report.Simulation;
import org.lockorder.report.Simulation.ScheduleStep;
import org.lockorder.report.Simulation.SimulatedThread;
import org.lockorder.report.Verdict;

/** SARIF of simulated findings: executionOrder from the schedule, added threads as flows, verdicts. */
class SarifSimulationTest {
  private static final String FILE = SimulatedFindings.FILE;
  private static final String MODEL = SimulatedFindings.MODEL;

  private static JsonNode results(Finding... findings) throws IOException {
    Report r = SimulatedFindings.report().withFindings(List.of(findings), RunReview.NONE);
    StringWriter w = new StringWriter();
    new SarifWriter(Path.of(""), 1).write(r, w);
    SarifValidator.assertValid(w.toString(), "SARIF of simulated findings");
    return new ObjectMapper().readTree(w.toString()).get("runs").get(0).get("results");
  }

  private static List<Integer> orders(JsonNode threadFlow) {
    List<Integer> out = new ArrayList<>();
    for (JsonNode l : threadFlow.get("locations")) out.add(l.get("executionOrder").asInt());
    return out;
  }

  @Test
  void confirmedFindingsOrderWitnessStepsByTheSchedule() throws IOException {
    JsonNode flows = results(SimulatedFindings.confirmed()).get(0).get("codeFlows").get(0).get("threadFlows");
    assertEquals(3, flows.size());
    // Thread 1: entry, call and inode_lock run at schedule step 1; the calls into the page fault
    // and its mmap_lock acquisition lead up to step 4, where it blocks.
    assertEquals(List.of(1, 1, 1, 4, 4, 4), orders(flows.get(0)));
    // Thread 2: the fault's entry and mmap_lock at step 2; page_mkwrite down to inode_lock at step 5.
    assertEquals(List.of(2, 2, 5, 5, 5), orders(flows.get(1)));
    assertEquals(List.of(3), orders(flows.get(2)));
  }

  @Test
  void addedThreadsAreFlowsOfTheirScheduleSteps() throws IOException {
    JsonNode result = results(SimulatedFindings.confirmed()).get(0);
    JsonNode codeFlow = result.get("codeFlows").get(0);
    assertEquals("3 threads (1 added by the simulator) of 2-class LO001 finding", codeFlow.get("message").get("text").asText());
    JsonNode writer = codeFlow.get("threadFlows").get(2);
    assertEquals("thread 3", writer.get("id").asText());
    assertEquals("Thread 3, added by the simulator: waiting writer on mm_struct.mmap_lock (the lock model's munmap); starts in munmap",
        writer.get("message").get("text").asText());
    JsonNode step = writer.get("locations").get(0);
    assertEquals("[\"acquire\",\"lock\",\"danger\"]", step.get("kinds").toString());
    assertEquals("mm_struct.mmap_lock (W)", step.get("state").get("waitingFor").get("text").asText());
    assertFalse(step.get("location").has("physicalLocation"), "a lock-model step with no source step in its thread has no place");
    assertEquals("BLOCKS on mm_struct.mmap_lock (W): held by thread 2 (reader) (in the lock model, no source line)",
        step.get("location").get("message").get("text").asText());
  }

  @Test
  void verdictEndsTheMessageAndIsInTheProperties() throws IOException {
    JsonNode r = results(SimulatedFindings.confirmed(), SimulatedFindings.notReproduced(), SimulatedFindings.unchecked());
    assertTrue(r.get(0).get("message").get("text").asText()
        .endsWith(". Verdict: confirmed \u2014 threads 1 and 2 deadlock once writer thread 3 waits for mm_struct.mmap_lock."));
    assertEquals("confirmed", r.get(0).get("properties").get("verdict").asText());
    assertEquals("threads 1 and 2 deadlock once writer thread 3 waits for mm_struct.mmap_lock",
        r.get(0).get("properties").get("verdictReason").asText());
    assertEquals("not-reproduced", r.get(1).get("properties").get("verdict").asText());
    assertTrue(r.get(1).get("message").get("text").asText().contains(". Verdict: not-reproduced \u2014 every schedule completes"));
    assertTrue(r.get(2).get("message").get("text").asText().endsWith(". Verdict: unchecked (simulation disabled)."));
  }

  @Test
  void withoutAScheduleTheThreadsRunOneAfterAnother() throws IOException {
    JsonNode flows = results(SimulatedFindings.notReproduced()).get(0).get("codeFlows").get(0).get("threadFlows");
    assertEquals(2, flows.size(), "threads the simulator adds only show when they run in a schedule");
    assertEquals(List.of(1, 2, 3, 4, 5, 6), orders(flows.get(0)));
    assertEquals(List.of(7, 8, 9, 10, 11), orders(flows.get(1)));
  }

  /**
   * Thread 1 takes i_rwsem (linked), releases an unrelated lock (not in its witness) and blocks
   * (unlinked): its later steps lead up to its next scheduled step. Thread 2 never runs and comes
   * after the schedule. An interrupt handler added in source gets a place; its lock-model step is
   * shown at the handler's own source step.
   */
  @Test
  void unlinkedStepsUnscheduledWitnessesAndAnInterruptHandler() throws IOException {
    List<SimulatedThread> threads = List.of(
        new SimulatedThread("thread 1", "ext4_file_write_iter", 0, "witness"),
        new SimulatedThread("thread 2", "<page fault>", 1, "witness"),
        new SimulatedThread("thread 3", "ext4_end_io", -1, "interrupt handler on thread 1's CPU"));
    List<ScheduleStep> schedule = List.of(
        new ScheduleStep(0, "acquire", "inode.i_rwsem", "W", "inode_lock", "f", FILE, 130, 2, 2, null),
        new ScheduleStep(0, "interrupt", null, null, "irq", "ext4_end_io", FILE, 200, 1, -1, null),
        new ScheduleStep(2, "acquire", "ext4_inode_info.i_completed_io_lock", "W", "spin_lock", "ext4_end_io", FILE, 201, 2, -1, null),
        new ScheduleStep(0, "release", "other_lock", null, "spin_unlock", "f", FILE, 131, 2, -1, null),
        new ScheduleStep(2, "blocks", "mm_struct.mmap_lock", "r", "page fault", "<page fault>", MODEL, 0, 0, -1, "held by thread 1"),
        new ScheduleStep(0, "blocks", "mm_struct.mmap_lock", "r", "page fault", "<page fault>", MODEL, 0, 0, -1, "interrupted"));
    Finding f = SimulatedFindings.withSimulation(new Simulation(Verdict.CONFIRMED, "irq", threads, schedule, 9));
    assertEquals("[1, 1, 1, 2, 2, 2]", Arrays.toString(ExecutionOrder.of(f).get(0)),
        "after the linked acquisition, the next scheduled step of the thread");
    assertEquals("[7, 8, 9, 10, 11]", Arrays.toString(ExecutionOrder.of(f).get(1)), "a witness the schedule never runs comes after it");
    JsonNode handler = results(f).get(0).get("codeFlows").get(0).get("threadFlows").get(2);
    assertEquals(List.of(3, 5), orders(handler));
    JsonNode first = handler.get("locations").get(0);
    assertEquals("[\"acquire\",\"lock\"]", first.get("kinds").toString());
    assertEquals(201, first.get("location").get("physicalLocation").get("region").get("startLine").asInt());
    JsonNode blocked = handler.get("locations").get(1).get("location");
    assertEquals(201, blocked.get("physicalLocation").get("region").get("startLine").asInt(), "shown at the nearest source step");
    assertEquals("ext4_inode_info.i_completed_io_lock (W)", handler.get("locations").get(1).get("state").get("held").get("text").asText());
  }

  /**
   * Two instances of one class (LO002): the simulator runs the finding's one witness twice, with the
   * objects swapped. The second run has no witness flow of its own, so it becomes a flow of its
   * schedule steps rather than vanishing.
   */
  @Test
  void aSecondRunOfOneWitnessIsAFlowToo() throws IOException {
    Finding one = SimulatedFindings.confirmed();
    List<SimulatedThread> threads = List.of(
        new SimulatedThread("thread 1", "ext4_file_write_iter", 0, "holds object 1, takes object 2"),
        new SimulatedThread("thread 2", "ext4_file_write_iter", 0, "the same path with the objects swapped"));
    List<ScheduleStep> schedule = List.of(
        new ScheduleStep(0, "acquire", "inode.i_rwsem (object 1)", "W", "inode_lock", "f", FILE, 130, 2, 2, null),
        new ScheduleStep(1, "acquire", "inode.i_rwsem (object 2)", "W", "inode_lock", "f", FILE, 130, 2, 2, null),
        new ScheduleStep(0, "blocks", "inode.i_rwsem (object 2)", "W", "inode_lock", "f", FILE, 93, 2, 5, "held by thread 2"),
        new ScheduleStep(1, "blocks", "inode.i_rwsem (object 1)", "W", "inode_lock", "f", FILE, 93, 2, 5, "held by thread 1"));
    Finding f = new Finding("LO002", "warning", "possible recursive locking of inode.i_rwsem", List.of("inode.i_rwsem"), FILE, 93, 2,
        new Simulation(Verdict.CONFIRMED, "2 threads deadlock", threads, schedule, 7), List.of(), List.of(one.threads().get(0)));
    JsonNode flows = results(f).get(0).get("codeFlows").get(0).get("threadFlows");
    assertEquals(2, flows.size());
    assertEquals(List.of(1, 1, 1, 3, 3, 3), orders(flows.get(0)));
    assertEquals("thread 2", flows.get(1).get("id").asText());
    assertEquals("Thread 2, the path of thread 1 run again by the simulator: the same path with the objects swapped; starts in ext4_file_write_iter",
        flows.get(1).get("message").get("text").asText());
    assertEquals(List.of(2, 4), orders(flows.get(1)));
  }
}
