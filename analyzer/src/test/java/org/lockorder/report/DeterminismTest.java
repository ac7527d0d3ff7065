package org.lockorder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Same input, same bytes: every format, across runs and parser thread counts. */
class DeterminismTest {
  @ParameterizedTest
  @ValueSource(strings = {"sarif", "json", "html", "dot", "text"})
  void sameBytesWithOneAndTwoThreads(String format) {
    String one = ReportsGalleryTest.render(format, "--threads=1");
    String two = ReportsGalleryTest.render(format, "--threads=2");
    String again = ReportsGalleryTest.render(format, "--threads=2");
    assertTrue(one.length() > 1000, one);
    assertEquals(one, two, format + " differs between --threads 1 and 2");
    assertEquals(two, again, format + " differs between two runs");
    if (format.equals("sarif")) org.lockorder.report.sarif.SarifValidator.assertValid(one, "gallery SARIF");
  }
}
