package org.lockorder.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lockorder.source.IncludedHeaders;
import picocli.CommandLine.Option;

/** {@code -I DIR}, shared by the commands that read a program. */
final class IncludeDirOptions {
  @Option(
      names = {"-I", "--include-dir"},
      paramLabel = "DIR",
      description = "A header directory, as with cc -I: a header under DIR is analyzed when an analyzed file includes it"
          + " (#include <...>, or \"...\" not found beside the file), directly or through other headers; the rest of DIR"
          + " is not read. Repeatable; searched in order.")
  List<String> dirs = new ArrayList<>();

  /** What is wrong with the directories given, or null. */
  String problem() {
    for (String d : dirs) if (!Files.isDirectory(Path.of(d))) return "-I " + d + ": not a directory";
    return null;
  }

  List<IncludedHeaders.Directory> directories() {
    List<IncludedHeaders.Directory> out = new ArrayList<>();
    for (String d : dirs) out.add(new IncludedHeaders.Directory(Path.of(d), d));
    return out;
  }
}
