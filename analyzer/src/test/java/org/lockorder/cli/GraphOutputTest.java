package org.lockorder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --format dot and --format html: the lock-order graph with findings' edges marked. */
class GraphOutputTest {
  @TempDir Path dir;

  @Test
  void dotHasEveryClassAndEdgeWithCycleEdgesHighlighted() throws IOException {
    Files.writeString(dir.resolve("abba.c"), AnalyzeCommandTest.ABBA + "\nstatic DEFINE_MUTEX(gamma);\nvoid third(void) { mutex_lock(&alpha); mutex_lock(&gamma); mutex_unlock(&gamma); mutex_unlock(&alpha); }\n");
    CliRun r = CliRun.of("analyze", "--format", "dot", dir.resolve("abba.c").toString());
    assertEquals(ExitCodes.FINDINGS, r.exit());
    String dot = r.out();
    assertTrue(dot.startsWith("digraph lockorder {"), dot);
    assertTrue(dot.contains("\"p0:alpha\" -> \"p0:beta\" [label=\"EN\", color=red"), dot);
    assertTrue(dot.contains("\"p0:beta\" -> \"p0:alpha\" [label=\"EN\", color=red"), dot);
    assertTrue(dot.contains("\"p0:alpha\" -> \"p0:gamma\" [label=\"EN\"];"), "edges off the cycle are drawn plain: " + dot);
    assertTrue(dot.contains("\"p0:gamma\" [label=\"gamma\"]"), dot);
  }

  @Test
  void htmlIsSelfContainedWithALaidOutGraphAndSourceLines() throws IOException {
    Files.writeString(dir.resolve("abba.c"), AnalyzeCommandTest.ABBA);
    String html = CliRun.of("analyze", "--format", "html", dir.resolve("abba.c").toString()).out();
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    assertTrue(html.contains("Content-Security-Policy"), "the page forbids loading anything");
    Matcher external = Pattern.compile("(?i)(src|href)\\s*=\\s*\"?(https?:)?//|<link|@import|url\\((?!#)").matcher(html);
    assertFalse(external.find(), "no external resources: " + (external.find(0) ? external.group() : ""));
    assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\""), html);
    assertEquals(2, count(html, "<g class=\"edge finding\""), "both cycle edges drawn and marked");
    assertEquals(2, count(html, "<g class=\"class\">"));
    assertTrue(html.contains("<span class=\"ln\">15</span>    mutex_lock(&amp;alpha);"), "the source line of each step");
    assertTrue(html.contains("data-edges=\"e0-0 e0-1\""), "a finding knows its edges");
    Matcher path = Pattern.compile("<path d=\"M([\\d.]+) ([\\d.]+)").matcher(html);
    assertTrue(path.find(), "edges are routed by the layout: " + html);
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
    return n;
  }
}
