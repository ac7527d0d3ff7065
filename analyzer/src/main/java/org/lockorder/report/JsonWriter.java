package org.lockorder.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import org.lockorder.source.Diagnostic;

/**
 * The report as JSON (shape documented in docs/json-output.md): records serialize in component
 * order, with "\n" line ends, so the output is byte-stable.
 */
public final class JsonWriter {
  private final ObjectMapper mapper =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .addMixIn(Diagnostic.Severity.class, SeverityAsLabel.class);

  /** Severities print as "error", "warning", "note", as in the text output. */
  private abstract static class SeverityAsLabel {
    @JsonValue
    abstract String label();
  }

  public void write(Report report, Writer out) throws IOException {
    JsonOutput.write(mapper, report, out);
  }
}
