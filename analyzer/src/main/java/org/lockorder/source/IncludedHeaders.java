package org.lockorder.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers that the analyzed files include, directly or through other headers, found the way
 * a C compiler given {@code -I DIR} finds them: {@code #include "name"} in the including file's
 * directory first, then in the include directories in order; {@code #include <name>} in the
 * include directories only. The first match wins. An include that matches nothing (an {@code
 * asm/} header of an architecture not unpacked, a system header) is not an error: the parser
 * tolerates unknown names.
 *
 * <p>Why: a kernel tree's {@code include/} holds thousands of headers that {@code fs/} and
 * {@code mm/} never include (drivers', networking's); giving it as a PATH parses all of them and
 * puts their inline functions in the program. Every {@code #include} line counts, whatever
 * {@code #if} it sits under, as the parser also reads both sides of a conditional.
 */
public final class IncludedHeaders {
  static final Pattern INCLUDE = Pattern.compile("^[ \\t]*#[ \\t]*include[ \\t]*([<\"])([^>\"\\r\\n]+)[>\"]", Pattern.MULTILINE);

  /** An include directory: where it is, and how the command line named it (for display paths). */
  public record Directory(Path path, String shown) {}

  private IncludedHeaders() {}

  /**
   * The headers {@code files} include transitively that are not among {@code files} themselves,
   * sorted by display path. A file that cannot be read includes nothing here: reading it for
   * analysis reports the problem.
   */
  public static List<InputFile> of(List<InputFile> files, List<Directory> includeDirs) {
    Set<Path> known = new HashSet<>();
    for (InputFile f : files) known.add(key(f.path()));
    // Where each <name> resolves: it does not depend on the including file, and a tree's files
    // include the same few hundred headers tens of thousands of times.
    java.util.Map<String, java.util.Optional<InputFile>> angled = new java.util.HashMap<>();
    List<InputFile> added = new ArrayList<>();
    // Breadth first, a level at a time: the files of a level are read and scanned in parallel
    // (in Linux 6.1 fs/+mm/, 3,166 files and then their headers), their includes resolved in order.
    List<InputFile> level = files;
    while (!level.isEmpty()) {
      List<List<Include>> found = level.parallelStream().map(f -> includes(f.path())).toList();
      List<InputFile> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i++) {
        InputFile from = level.get(i);
        for (Include inc : found.get(i)) {
          InputFile header = inc.quoted()
              ? resolve(from, inc, includeDirs)
              : angled.computeIfAbsent(inc.name(), n -> java.util.Optional.ofNullable(resolve(from, inc, includeDirs))).orElse(null);
          if (header != null && known.add(key(header.path()))) {
            added.add(header);
            next.add(header);
          }
        }
      }
      level = next;
    }
    added.sort(Comparator.comparing(InputFile::displayPath));
    return added;
  }

  record Include(boolean quoted, String name) {}

  private static List<Include> includes(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    // Read in place: a string of each file's bytes was 107 MB of a leaf re-run's garbage on
    // Linux 6.1 fs/+mm/ (3,166 files and their headers).
    return includes(new Latin1(bytes));
  }

  /** The includes of {@code text}: where {@link #INCLUDE} matches, found faster than {@code find()}. */
  static List<Include> includes(CharSequence text) {
    List<Include> out = new ArrayList<>();
    Matcher m = INCLUDE.matcher(text);
    int length = text.length();
    for (int hash = 0; hash < length; hash++) {
      if (text.charAt(hash) != '#') continue;
      int line = lineStart(text, hash);
      if (line < 0) continue;
      m.region(line, length);
      if (!m.lookingAt()) continue;
      out.add(new Include(m.group(1).equals("\""), m.group(2).trim()));
      hash = m.end() - 1;
    }
    return out;
  }

  /** Bytes read as Latin-1 text, without copying them into a string. */
  private record Latin1(byte[] bytes) implements CharSequence {
    @Override
    public int length() {
      return bytes.length;
    }

    @Override
    public char charAt(int index) {
      return (char) (bytes[index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Where the line of the {@code #} at {@code hash} starts, when only blanks precede it there;
   * else -1. {@link #INCLUDE} is tried at those places alone: trying it at every line of every
   * file, as {@code find()} does, was most of the time spent finding the headers. The line
   * terminators are the ones {@code ^} follows in {@link Pattern#MULTILINE} (the text is
   * Latin-1, so U+0085 but not U+2028 or U+2029 can occur).
   */
  private static int lineStart(CharSequence text, int hash) {
    int at = hash;
    while (at > 0 && (text.charAt(at - 1) == ' ' || text.charAt(at - 1) == '\t')) at--;
    if (at == 0) return 0;
    char before = text.charAt(at - 1);
    return before == '\n' || before == '\r' || before == '\u0085' ? at : -1;
  }

  private static InputFile resolve(InputFile from, Include inc, List<Directory> includeDirs) {
    if (inc.name().isEmpty() || Path.of(inc.name()).isAbsolute()) return null;
    if (inc.quoted()) {
      Path dir = from.path().toAbsolutePath().normalize().getParent();
      Path candidate = dir.resolve(inc.name()).normalize();
      if (Files.isRegularFile(candidate)) {
        Path shownDir = Path.of(from.displayPath()).getParent();
        String shown = (shownDir == null ? Path.of(inc.name()) : shownDir.resolve(inc.name())).normalize().toString();
        Path own = candidate.getParent();
        return new InputFile(candidate, shown, SourceWalker.configsFor(own, own.getParent()));
      }
    }
    for (Directory d : includeDirs) {
      Path candidate = d.path().resolve(inc.name()).normalize();
      if (!Files.isRegularFile(candidate)) continue;
      Path root = d.path().toAbsolutePath().normalize();
      String relative = root.relativize(candidate.toAbsolutePath().normalize()).toString();
      String shown = d.shown().endsWith("/") ? d.shown() + relative : d.shown() + "/" + relative;
      return new InputFile(candidate, shown, SourceWalker.configsFor(candidate.toAbsolutePath().normalize().getParent(), root.getParent()));
    }
    return null;
  }

  private static Path key(Path p) {
    return p.toAbsolutePath().normalize();
  }
}
