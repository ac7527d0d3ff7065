package org.lockorder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lockorder.cli.Main;
import org.lockorder.report.sarif.SarifValidator;

/** reports/ shows exactly what the current code prints for callgraphs/, in every format. */
class ReportsGalleryTest {

  static String render(String format, String... extra) {
    StringWriter out = new StringWriter();
    String[] args = new String[4 + extra.length];
    args[0] = "analyze";
    args[1] = "--per-file";
    args[2] = "--format=" + format;
    System.arraycopy(extra, 0, args, 3, extra.length);
    args[args.length - 1] = "callgraphs/";
    Main.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    return out.toString();
  }

  @ParameterizedTest
  @CsvSource({"text,txt", "json,json", "sarif,sarif", "html,html"})
  void galleryIsCurrent(String format, String extension) throws IOException {
    String rendered = render(format);
    assertEquals(Files.readString(Path.of("reports/callgraphs." + extension)), rendered, "reports/ is stale: run reports/regenerate and review the diff");
    if (format.equals("sarif")) SarifValidator.assertValid(rendered, "reports/callgraphs.sarif");
  }
}
