package org.lockorder.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.cli.Main;

/** A small, fully dense lock graph: the cycle search stops at its bound and says so. */
class DenseGraphBoundTest {
  @Test
  void denseGraphReportsTheBound(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("dense.c");
    Files.writeString(file, ScaleGenerator.source(60, 12, 1.0, 7));
    StringWriter out = new StringWriter();
    int rc = Main.run(
        new String[] {"analyze", "--format=json", "--max-cycles=50", file.toString()},
        new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true));
    assertEquals(1, rc, out.toString());
    String json = out.toString().replaceAll("\\s+", "");
    assertTrue(json.contains("\"truncated\":true"), json.substring(Math.max(0, json.indexOf("\"stats\""))));
    assertTrue(json.contains("\"reason\":\"cyclesreported(50)\"") || json.contains("\"reason\":\"search"),
        json.substring(Math.max(0, json.indexOf("\"cycleSearch\""))));
  }
}
