package org.lockorder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import org.lockorder.report.JsonWriter;
import org.lockorder.report.Report;
import org.lockorder.report.TextWriter;
import org.lockorder.report.dot.DotWriter;
import org.lockorder.report.html.HtmlWriter;
import org.lockorder.report.sarif.SarifWriter;

/** The output formats of {@code analyze --format}, each a writer of the one report. */
enum ReportFormat {
  text {
    @Override
    void write(Report report, Writer out, Context ctx) {
      new TextWriter().write(report, printing(out));
    }
  },
  json {
    @Override
    void write(Report report, Writer out, Context ctx) throws IOException {
      new JsonWriter().write(report, out);
    }
  },
  sarif {
    @Override
    void write(Report report, Writer out, Context ctx) throws IOException {
      new SarifWriter(ctx.sourceRoot(), ctx.exitCode()).write(report, out);
    }
  },
  dot {
    @Override
    void write(Report report, Writer out, Context ctx) {
      new DotWriter().write(report, printing(out));
    }
  },
  html {
    @Override
    void write(Report report, Writer out, Context ctx) throws IOException {
      new HtmlWriter().write(report, out);
    }
  };

  /**
   * What some writers need beyond the report.
   *
   * @param sourceRoot the directory SARIF file URIs are relative to
   * @param exitCode the run's exit code, recorded in SARIF
   */
  record Context(Path sourceRoot, int exitCode) {}

  abstract void write(Report report, Writer out, Context ctx) throws IOException;

  private static PrintWriter printing(Writer out) {
    return out instanceof PrintWriter pw ? pw : new PrintWriter(out);
  }
}
