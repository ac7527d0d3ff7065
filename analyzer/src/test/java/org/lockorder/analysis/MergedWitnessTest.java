package org.lockorder.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;
import org.lockorder.report.Finding;
import org.lockorder.report.Step;
import org.lockorder.report.Verdict;

/**
 * A callee that takes one class twice, once after dropping its caller's lock and once (through a
 * lookup) before: its summary keeps one acquisition of the class, reached having released nothing,
 * and the witness shown must be the path that releases nothing (6.1's dlm_reset_mleres_owner and
 * __dlm_lookup_lockres). The shorter path was shown before, and the simulator could not follow it.
 */
class MergedWitnessTest {
  @TempDir Path dir;

  @Test
  void theWitnessOfAMergedAcquisitionReleasedNoMoreThanTheMerge() throws Exception {
    String code = """
        struct res { spinlock_t spinlock; int state; };
        struct ctxt { spinlock_t master_lock; };
        struct res *find_res(struct ctxt *dlm);
        static struct res *lookup_res(struct ctxt *dlm)
        {
        	struct res *res = find_res(dlm);
        	if (res) {
        		spin_lock(&res->spinlock);
        		res->state = 1;
        		spin_unlock(&res->spinlock);
        	}
        	return res;
        }
        static void reset_owner(struct ctxt *dlm)
        {
        	struct res *res = lookup_res(dlm);
        	if (res) {
        		spin_unlock(&dlm->master_lock);
        		spin_lock(&res->spinlock);
        		res->state = 0;
        		spin_unlock(&res->spinlock);
        		spin_lock(&dlm->master_lock);
        	}
        }
        void clean(struct ctxt *dlm)
        {
        	spin_lock(&dlm->master_lock);
        	reset_owner(dlm);
        	spin_unlock(&dlm->master_lock);
        }
        void request(struct ctxt *dlm, struct res *res)
        {
        	spin_lock(&res->spinlock);
        	spin_lock(&dlm->master_lock);
        	spin_unlock(&dlm->master_lock);
        	spin_unlock(&res->spinlock);
        }
        """;
    Path file = Files.writeString(dir.resolve("snippet.c"), code);
    List<Finding> findings = new Pipeline(PipelineOptions.defaults()).run(List.of(file.toString())).findings();
    assertEquals(1, findings.size(), findings.toString());
    Finding f = findings.get(0);
    List<Step> steps = f.threads().stream().filter(t -> t.entry().equals("clean")).findFirst().orElseThrow().steps();
    Step last = steps.get(steps.size() - 1);
    assertEquals("lookup_res", last.function(), steps.toString());
    assertTrue(f.simulation().verdict() == Verdict.CONFIRMED, f.simulation().reason());
  }
}
