package org.lockorder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.pipeline.Pipeline;
import org.lockorder.pipeline.PipelineOptions;

/** An LO002 message says which case the two acquisitions are (docs/rules/LO002.md). */
class RecursiveLockingMessageTest {
  @TempDir Path dir;

  private String message(String body) throws Exception {
    Path f = dir.resolve("t.c");
    Files.writeString(f, """
        struct mutex { int count; };
        struct account { struct mutex lock; struct account *next; };
        """ + body);
    Report r = new Pipeline(PipelineOptions.defaults()).run(List.of(f.toString()));
    assertEquals(1, r.findings().size(), r.findings().toString());
    return r.findings().get(0).message();
  }

  @Test
  void oneStatementOnALaterPassMayNameAnotherObject() throws Exception {
    assertEquals("possible recursive locking of account.lock: &a->lock is taken again by the same statement on a later pass"
        + " (another object of the class, or the same one)", message("""
        void lock_all(struct account *a)
        {
        	for (; a; a = a->next)
        		mutex_lock(&a->lock);
        }
        """));
  }

  @Test
  void oneExpressionAtTwoPlacesIsTheSameLock() throws Exception {
    assertEquals("possible recursive locking of account.lock: the same lock (&a->lock) is taken twice", message("""
        void twice(struct account *a)
        {
        	mutex_lock(&a->lock);
        	mutex_lock(&a->lock);
        }
        """));
  }

  @Test
  void twoExpressionsAreTwoInstances() throws Exception {
    assertEquals("possible recursive locking of account.lock: two instances of one class (&from->lock then &to->lock)", message("""
        void transfer(struct account *from, struct account *to)
        {
        	mutex_lock(&from->lock);
        	mutex_lock(&to->lock);
        }
        """));
  }
}
