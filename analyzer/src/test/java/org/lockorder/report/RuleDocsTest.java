package org.lockorder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule has its page in docs/rules/, and the page says what the Rule enum says: the title is
 * its id and summary, the first paragraph under "What it finds" is its description and the first
 * under "How to fix" its fix (backticks and line breaks aside).
 */
class RuleDocsTest {
  @Test
  void everyRuleHasAPageThatMatchesItsMetadata() throws IOException {
    for (Rule r : Rule.all()) {
      Path page = Path.of(r.docPath());
      assertTrue(Files.isRegularFile(page), "missing " + page);
      List<String> lines = Files.readAllLines(page);
      assertTrue(lines.get(0).startsWith("# " + r.id() + " — " + r.summary()), page + ": " + lines.get(0));
      assertEquals(normalize(r.help()), normalize(firstParagraph(lines, "## What it finds")), page + ": What it finds");
      assertEquals(normalize(r.fix()), normalize(firstParagraph(lines, "## How to fix")), page + ": How to fix");
      assertTrue(r.helpUri().endsWith("/" + r.docPath()), r.helpUri());
    }
  }

  private static String firstParagraph(List<String> lines, String heading) {
    int i = lines.indexOf(heading);
    assertTrue(i >= 0, "no '" + heading + "' section");
    StringBuilder sb = new StringBuilder();
    for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank(); j++) sb.append(lines.get(j)).append(' ');
    return sb.toString();
  }

  private static String normalize(String s) {
    return s.replace("`", "").replaceAll("\\s+", " ").trim();
  }
}
