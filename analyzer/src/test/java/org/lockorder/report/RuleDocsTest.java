package org.lockorder.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every rule has its page in docs/rules/, titled with its id and summary. */
class RuleDocsTest {
  @Test
  void everyRuleHasAPage() throws IOException {
    for (Rule r : Rule.all()) {
      Path page = Path.of(r.docPath());
      assertTrue(Files.isRegularFile(page), "missing " + page);
      String first = Files.readAllLines(page).get(0);
      assertTrue(first.startsWith("# " + r.id() + " — " + r.summary()), page + ": " + first);
    }
  }
}
