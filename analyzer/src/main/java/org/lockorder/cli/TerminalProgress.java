package org.lockorder.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import org.lockorder.pipeline.Progress;

/**
 * Progress on a terminal's stderr: one line, rewritten in place ("\r"), at most every 100 ms, and
 * erased when the run ends. The command only uses it when a console is attached and --quiet is
 * not given, so piped and CI output stays clean.
 */
final class TerminalProgress implements Progress {
  static final long INTERVAL_MS = 100;
  private final PrintWriter err;
  private final LongSupplier clock;
  private final long start;
  private long lastDraw = Long.MIN_VALUE;
  private String stage = "";
  private int total;
  private int width;

  TerminalProgress(PrintWriter err, LongSupplier millis) {
    this.err = err;
    this.clock = millis;
    this.start = millis.getAsLong();
  }

  /** Progress for the real terminal, or nothing when there is none or the user asked for quiet. */
  static Progress forConsole(PrintWriter err, boolean quiet) {
    if (quiet || System.console() == null) return Progress.NONE;
    return new TerminalProgress(err, System::currentTimeMillis);
  }

  @Override
  public void stage(String name, int units) {
    stage = name;
    total = units;
    lastDraw = Long.MIN_VALUE;
    advance(0);
  }

  @Override
  public void advance(int done) {
    long now = clock.getAsLong();
    if (lastDraw != Long.MIN_VALUE && now - lastDraw < INTERVAL_MS) return;
    lastDraw = now;
    String line = String.format("lockorder: %s %d/%d (%.1f s)", stage, done, total, (now - start) / 1000.0);
    draw(line);
  }

  @Override
  public void finish() {
    if (width > 0) draw("");
    width = 0;
  }

  private void draw(String line) {
    StringBuilder sb = new StringBuilder("\r").append(line);
    for (int i = line.length(); i < width; i++) sb.append(' ');
    if (line.isEmpty()) sb.append('\r');
    width = line.length();
    err.print(sb);
    err.flush();
  }
}
