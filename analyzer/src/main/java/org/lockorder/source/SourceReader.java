package org.lockorder.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads any bytes into text for a frontend: binary files are skipped with a diagnostic, empty
 * files noted, and text that is not UTF-8 is read as Latin-1 (every byte maps to one character,
 * so columns stay right) with a warning.
 */
public final class SourceReader {
  private static final int BINARY_PROBE = 8192;

  /** The text (null when the file cannot be analyzed) and what was said about it. */
  public record Result(SourceText text, List<Diagnostic> diagnostics) {}

  public Result read(InputFile file) {
    List<Diagnostic> diags = new ArrayList<>();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file.path());
    } catch (IOException e) {
      diags.add(Diagnostic.error(file.displayPath(), 1, 1, "cannot read file: " + e.getMessage()));
      return new Result(null, diags);
    }
    String name = file.displayPath();
    if (bytes.length == 0) {
      diags.add(new Diagnostic(name, 1, 1, Diagnostic.Severity.WARNING, "empty file; nothing to analyze"));
      return new Result(new SourceText(name, ""), diags);
    }
    for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE); i++) {
      if (bytes[i] == 0) {
        diags.add(Diagnostic.error(name, 1, 1, "binary file (NUL byte at offset " + i + "); skipped"));
        return new Result(null, diags);
      }
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new Result(new SourceText(name, stripBom(text)), diags);
    } catch (CharacterCodingException e) {
      int[] lineCol = firstBadByte(bytes);
      diags.add(
          new Diagnostic(
              name, lineCol[0], lineCol[1], Diagnostic.Severity.WARNING,
              "file is not valid UTF-8; read as Latin-1"));
      return new Result(new SourceText(name, new String(bytes, StandardCharsets.ISO_8859_1)), diags);
    }
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** Line and column of the first byte that breaks UTF-8 decoding. */
  private static int[] firstBadByte(byte[] bytes) {
    int line = 1;
    int col = 1;
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xff;
      int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xe ? 3 : (b >> 3) == 0x1e ? 4 : 0;
      if (len == 0 || i + len > bytes.length) return new int[] {line, col};
      for (int k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) != 0x80) return new int[] {line, col};
      if (b == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
      i += len;
    }
    return new int[] {line, col};
  }
}
