package org.lockorder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lockorder.cli.Main;

/** reports/ shows exactly what the current code prints for callgraphs/. */
class ReportsGalleryTest {

  private static String render(String format) {
    StringWriter out = new StringWriter();
    Main.run(new String[] {"analyze", "--per-file", "--format", format, "callgraphs/"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    return out.toString();
  }

  @Test
  void textGalleryIsCurrent() throws IOException {
    assertEquals(Files.readString(Path.of("reports/callgraphs.txt")), render("text"), "reports/ is stale: run reports/regenerate and review the diff");
  }

  @Test
  void jsonGalleryIsCurrent() throws IOException {
    assertEquals(Files.readString(Path.of("reports/callgraphs.json")), render("json"), "reports/ is stale: run reports/regenerate and review the diff");
  }
}
