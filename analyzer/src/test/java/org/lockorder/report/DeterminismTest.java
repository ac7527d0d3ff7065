package org.lockorder.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Same input, same bytes: every format across parser thread counts (and, through
 * ReportsGalleryTest, across runs: the committed gallery was made by an earlier run).
 */
class DeterminismTest {
  @ParameterizedTest
  @ValueSource(strings = {"sarif", "json", "html", "dot"})
  void sameBytesWithOneAndTwoThreads(String format) {
    String one = ReportsGalleryTest.render(format, "--threads=1");
    String two = ReportsGalleryTest.render(format, "--threads=2");
    assertTrue(one.length() > 1000, one);
    assertEquals(one, two, format + " differs between --threads 1 and 2");
    if (format.equals("sarif")) org.lockorder.report.sarif.SarifValidator.assertValid(one, "gallery SARIF");
  }
}
