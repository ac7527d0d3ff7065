package org.lockorder.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lockorder.report.Finding;
import org.lockorder.report.Report;
import org.lockorder.report.RunReview;
import org.lockorder.report.SimulatedFindings;

/** The HTML page shows each finding's verdict and reason, and a confirmed one's timeline as a table. */
class HtmlVerdictTest {
  private static String html(Finding... f) throws IOException {
    Report r = SimulatedFindings.report().withFindings(List.of(f), RunReview.NONE);
    StringWriter w = new StringWriter();
    new HtmlWriter().write(r, w);
    return w.toString();
  }

  @Test
  void confirmedFindingsHaveATimelineTable() throws IOException {
    String page = html(SimulatedFindings.confirmed());
    assertTrue(page.contains("<p class=\"verdict\">Verdict: <span class=\"badge warning\">confirmed</span>"
        + "threads 1 and 2 deadlock once writer thread 3 waits for mm_struct.mmap_lock</p>"), page);
    int from = page.indexOf("<table class=\"timeline\">");
    String table = page.substring(from, page.indexOf("</table>", from));
    assertEquals(
        "<thead><tr><th>step</th><th>thread 1: ext4_file_write_iter<div class=\"role\">witness of inode.i_rwsem -&gt; mm_struct.mmap_lock</div></th>"
            + "<th>thread 2: &lt;page fault&gt;<div class=\"role\">witness of mm_struct.mmap_lock -&gt; inode.i_rwsem</div></th>"
            + "<th>thread 3: munmap<div class=\"role\">waiting writer on mm_struct.mmap_lock (the lock model&#39;s munmap) (added by the simulator)</div></th></tr></thead>",
        table.lines().filter(l -> l.startsWith("<thead>")).findFirst().orElseThrow());
    List<String> rows = table.lines().filter(l -> l.startsWith("<tr><td")).toList();
    assertEquals(5, rows.size(), table);
    assertEquals(
        "<tr><td class=\"n\">1</td><td class=\"acquire\" title=\"callgraphs/01-ext4-page-mkwrite/buggy.c:130:2\">"
            + "<span class=\"what\">acquire inode.i_rwsem (W)</span> <span class=\"loc\">buggy.c:130</span></td><td></td><td></td></tr>",
        rows.get(0));
    assertEquals(
        "<tr><td class=\"n\">4</td><td class=\"blocks\"><span class=\"what\">BLOCKS on mm_struct.mmap_lock (r)</span> "
            + "<span class=\"loc\">&lt;lock model&gt;</span><div class=\"note\">writer thread 3 is waiting</div></td><td></td><td></td></tr>",
        rows.get(3));
  }

  @Test
  void otherVerdictsShowTheirReasonWithoutATable() throws IOException {
    String page = html(SimulatedFindings.notReproduced(), SimulatedFindings.inconclusive(), SimulatedFindings.unchecked());
    assertFalse(page.contains("<table class=\"timeline\">"));
    assertTrue(page.contains("Verdict: <span class=\"badge ok\">not-reproduced</span>every schedule completes"), page);
    assertTrue(page.contains("Verdict: <span class=\"badge note\">inconclusive</span>state bound (10000) reached"), page);
    assertTrue(page.contains("Verdict: <span class=\"badge note\">unchecked</span>simulation disabled</p>"), page);
  }
}
