package org.lockorder.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the command line's paths into input files: a file is taken as given, a directory is
 * walked recursively for {@code *.c} and {@code *.h} in sorted order. A path that does not exist
 * becomes a diagnostic, and the other paths are still walked. With include directories, the headers
 * the files include are added too.
 */
public final class SourceWalker {
  /** A project lock-model config beside the sources; applies to every file under its directory. */
  public static final String CONFIG_NAME = "lockorder.yaml";

  /** The files found and the problems met while finding them. */
  public record Result(List<InputFile> files, List<Diagnostic> diagnostics) {}

  public Result walk(List<String> paths) {
    return walk(paths, List.of());
  }

  /**
   * The files of {@code paths}, then the headers they include that are found in {@code
   * includeDirs} or beside the including file ({@link IncludedHeaders}), as {@code cc -I} would.
   */
  public Result walk(List<String> paths, List<IncludedHeaders.Directory> includeDirs) {
    List<InputFile> files = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (String arg : paths) {
      Path p = Path.of(arg);
      if (Files.isDirectory(p)) {
        walkDirectory(p, arg, files, diagnostics);
      } else if (Files.isRegularFile(p)) {
        Path dir = p.toAbsolutePath().getParent();
        files.add(new InputFile(p, arg, configsFor(dir, dir.getParent())));
      } else if (Files.exists(p)) {
        diagnostics.add(Diagnostic.error(arg, 1, 1, "not a regular file or directory; skipped"));
      } else {
        diagnostics.add(Diagnostic.error(arg, 1, 1, "no such file or directory"));
      }
    }
    if (!includeDirs.isEmpty()) files.addAll(IncludedHeaders.of(files, includeDirs));
    return new Result(files, diagnostics);
  }

  private void walkDirectory(Path root, String shown, List<InputFile> files, List<Diagnostic> diagnostics) {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).filter(SourceWalker::isCSource).forEach(found::add);
    } catch (IOException | UncheckedIOException e) {
      diagnostics.add(Diagnostic.error(shown, 1, 1, "cannot read directory: " + e.getMessage()));
    }
    found.sort(Path::compareTo);
    Path stop = root.toAbsolutePath().normalize().getParent();
    for (Path f : found) {
      String display = shown.endsWith("/") ? shown + root.relativize(f) : shown + "/" + root.relativize(f);
      files.add(new InputFile(f, display, configsFor(f.toAbsolutePath().normalize().getParent(), stop)));
    }
  }

  static boolean isCSource(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".c") || name.endsWith(".h");
  }

  /**
   * The lockorder.yaml files in {@code dir} and its ancestors below {@code stop} (the walked
   * root's parent), outermost first, so that a config nearer the file overrides one further up.
   */
  static List<Path> configsFor(Path dir, Path stop) {
    List<Path> found = new ArrayList<>();
    for (Path d = dir; d != null && !d.equals(stop); d = d.getParent()) {
      Path c = d.resolve(CONFIG_NAME);
      if (Files.isRegularFile(c)) found.add(0, c);
    }
    return found;
  }
}
