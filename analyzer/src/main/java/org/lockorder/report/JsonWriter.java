package org.lockorder.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .addMixIn(Diagnostic.Severity.class, SeverityAsLabel.class);

  /** Severities print as "error", "warning", "note", as in the text output. */
  private abstract static class SeverityAsLabel {
    @JsonValue
    abstract String label();
  }

  public void write(Report report, Writer out) throws IOException {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
    pp.indentArraysWith(new DefaultIndenter("  ", "\n"));
    pp.indentObjectsWith(new DefaultIndenter("  ", "\n"));
    mapper.writer(pp).writeValue(new NonClosing(out), report);
    out.write("\n");
    out.flush();
  }

  /** Jackson closes its target; the caller owns the writer. */
  private static final class NonClosing extends java.io.FilterWriter {
    NonClosing(Writer w) {
      super(w);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
