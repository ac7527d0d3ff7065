package org.lockorder.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockorder.cli.Main;

/**
 * Opens the HTML report of the whole gallery in headless Chromium, takes a screenshot and fails
 * on any console message (script errors, blocked loads). Chromium comes from Debian's package;
 * analyzer/src/test/scripts/ensure-chromium.sh installs it when missing, and the test is skipped,
 * saying why, only when that is impossible.
 */
class HtmlReportBrowserTest {
  @TempDir Path dir;

  private static String chromium() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "analyzer/src/test/scripts/ensure-chromium.sh").redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    Assumptions.assumeTrue(p.waitFor(15, TimeUnit.MINUTES) && p.exitValue() == 0, "headless Chromium unavailable, browser check skipped: " + err);
    return out.lines().reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void galleryPageRendersWithoutConsoleErrors() throws Exception {
    String browser = chromium();
    StringWriter html = new StringWriter();
    Main.run(new String[] {"analyze", "--per-file", "--format", "html", "callgraphs/"}, new PrintWriter(html, true), new PrintWriter(new StringWriter(), true));
    rendersCleanly(browser, html.toString());
  }

  /** Every verdict, and a confirmed timeline table, until the simulator puts them in the gallery. */
  @Test
  void simulatedFindingsRenderWithoutConsoleErrors() throws Exception {
    String browser = chromium();
    StringWriter html = new StringWriter();
    new HtmlWriter().write(org.lockorder.report.SimulatedFindings.report(), html);
    assertTrue(html.toString().contains("<table class=\"timeline\">"));
    rendersCleanly(browser, html.toString());
  }

  private void rendersCleanly(String browser, String html) throws Exception {
    Path page = dir.resolve("report.html");
    Files.writeString(page, html);
    Path shot = dir.resolve("report.png");
    Process p = new ProcessBuilder(List.of(
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
            "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0",
            "--window-size=1280,2400", "--virtual-time-budget=3000", "--screenshot=" + shot, page.toUri().toString()))
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    List<String> console = log.lines().filter(l -> l.contains(":CONSOLE")).toList();
    assertEquals(List.of(), console, "console messages from the page");
    assertTrue(Files.exists(shot) && Files.size(shot) > 20_000, "screenshot taken: " + log);
  }
}
