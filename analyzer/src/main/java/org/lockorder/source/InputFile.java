package org.lockorder.source;

import java.nio.file.Path;

/**
 * A file to analyze: where it is on disk, the name to print for it, and the project lock-model
 * configs that apply to it (the {@code lockorder.yaml} files found above it, outermost first).
 */
public record InputFile(Path path, String displayPath, java.util.List<Path> configs) {
  public InputFile {
    configs = java.util.List.copyOf(configs);
  }
}
