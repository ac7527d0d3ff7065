package org.lockorder.report.html;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Source lines for the witness steps shown in the page, read from the files the report names
 * (undecodable bytes replaced). A file that cannot be read shows no lines.
 */
final class SourceLines {
  private final Map<String, List<String>> files = new HashMap<>();

  /** Line {@code line} (1-based) of {@code file}, or null. */
  String line(String file, int line) {
    if (line <= 0 || file.startsWith("<")) return null;
    List<String> lines = files.computeIfAbsent(file, SourceLines::read);
    return line <= lines.size() ? lines.get(line - 1) : null;
  }

  private static List<String> read(String file) {
    try {
      byte[] bytes = Files.readAllBytes(Path.of(file));
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
      return List.of(text.split("\r?\n", -1));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
