package org.lockorder.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The one JSON layout of every JSON file lockorder writes (report, SARIF, baseline): two-space
 * indentation, "\n" line ends, a final newline, fields in insertion or record order.
 */
public final class JsonOutput {
  private JsonOutput() {}

  /** Writes {@code value} with {@code mapper} (for its mix-ins) in the shared layout. */
  public static void write(ObjectMapper mapper, Object value, Writer out) throws IOException {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
    pp.indentArraysWith(new DefaultIndenter("  ", "\n"));
    pp.indentObjectsWith(new DefaultIndenter("  ", "\n"));
    mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writer(pp).writeValue(new NonClosing(out), value);
    out.write("\n");
    out.flush();
  }

  public static void write(Object value, Writer out) throws IOException {
    write(new ObjectMapper(), value, out);
  }

  /** Jackson closes its target; the caller owns the writer. */
  private static final class NonClosing extends FilterWriter {
    NonClosing(Writer w) {
      super(w);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
