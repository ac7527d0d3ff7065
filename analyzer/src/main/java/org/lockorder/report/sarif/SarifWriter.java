package org.lockorder.report.sarif;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.lockorder.report.BaselineEntry;
import org.lockorder.report.Finding;
import org.lockorder.report.JsonOutput;
import org.lockorder.report.Report;
import org.lockorder.report.Rule;
import org.lockorder.source.Diagnostic;

/**
 * The report as SARIF 2.1.0 for code review tools and GitHub code scanning (docs/sarif.md): one
 * run, the rule table, one result per finding, the diagnostics and stale baseline entries as
 * notifications of the one invocation, which carries the exit code. No timestamps, stable order.
 */
public final class SarifWriter {
  /** GitHub accepts at most this many results in a run. */
  static final int MAX_RESULTS = 25_000;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final Locations locations;
  private final int exitCode;

  /**
   * @param sourceRoot the directory %SRCROOT% stands for; file URIs are relative to it
   * @param exitCode the exit code of this run, recorded in the invocation
   */
  public SarifWriter(Path sourceRoot, int exitCode) {
    this.locations = new Locations(sourceRoot);
    this.exitCode = exitCode;
  }

  public void write(Report report, Writer out) throws IOException {
    ObjectNode log = JSON.objectNode();
    log.put("$schema", Sarif.SCHEMA);
    log.put("version", Sarif.VERSION);
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", report.tool());
    driver.put("version", report.version());
    driver.put("informationUri", Rule.DOCS_BASE_URI + "README.md");
    driver.set("rules", SarifRules.all());
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", exitCode <= 1);
    invocation.put("exitCode", exitCode);
    ArrayNode notes = invocation.putArray("toolExecutionNotifications");
    for (Diagnostic d : report.diagnostics()) notes.add(notification(d));
    if (report.review().baseline() != null) {
      for (BaselineEntry e : report.review().baseline().stale()) {
        ObjectNode n = notes.addObject();
        n.put("level", "note");
        n.set("message", Sarif.text("stale baseline entry, no longer found: " + e.describe() + " [" + e.fingerprint() + "]"));
      }
    }
    if (report.findings().size() > MAX_RESULTS) {
      ObjectNode n = notes.addObject();
      n.put("level", "warning");
      n.set("message", Sarif.text("only the first " + MAX_RESULTS + " of " + report.findings().size() + " findings are in this file (GitHub's limit per run)"));
    }
    if (notes.isEmpty()) invocation.remove("toolExecutionNotifications");
    run.putObject("originalUriBaseIds").putObject(Locations.SRCROOT)
        .set("description", Sarif.text("The source root: the directory lockorder ran in, or --source-root"));
    run.put("columnKind", "utf16CodeUnits");
    ArrayNode results = run.putArray("results");
    SarifResults builder = new SarifResults(locations);
    for (Finding f : report.findings()) {
      if (results.size() == MAX_RESULTS) break;
      results.add(builder.result(f));
    }
    ObjectMapper mapper = new ObjectMapper().addMixIn(Diagnostic.Severity.class, SeverityAsLabel.class);
    ObjectNode props = run.putObject("properties");
    props.set("review", mapper.valueToTree(report.review()));
    props.set("stats", mapper.valueToTree(report.stats()));
    JsonOutput.write(log, out);
  }

  private ObjectNode notification(Diagnostic d) {
    ObjectNode n = JSON.objectNode();
    n.put("level", d.severity().label());
    n.set("message", Sarif.text(d.toString()));
    n.putArray("locations").add(locations.location(d.file(), Math.max(1, d.line()), d.column(), null));
    return n;
  }

  private abstract static class SeverityAsLabel {
    @JsonValue
    abstract String label();
  }
}
