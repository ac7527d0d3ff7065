package org.lockorder.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lockorder.ir.TranslationUnit;
import org.lockorder.source.SourceText;

/** Every file of our corpus that is not named broken_* parses without a diagnostic. */
class CorpusParsesTest {
  @TestFactory
  Stream<DynamicTest> corpusParsesCleanly() throws IOException {
    return GrammarDiagnosticsTest.corpus().stream()
        .filter(p -> p.toString().contains("frontend/c"))
        .filter(p -> !p.getFileName().toString().startsWith("broken_"))
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.toString(),
                    () -> {
                      String text = Files.readString(file, StandardCharsets.UTF_8);
                      TranslationUnit tu =
                          new CFrontend(Set.of()).parse(new SourceText(file.toString(), text));
                      assertEquals("[]", tu.diagnostics().toString());
                      assertEquals(tu.stats().functionBodies(), tu.stats().functionBodiesParsed());
                    }));
  }
}
