package org.lockorder.report.premerge;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines a change touched, per file (absolute, normalized paths), read from {@code git diff
 * --unified=0}: added and modified lines, and for a pure deletion the lines on both sides of it.
 * Whole files (new, untracked) count as changed everywhere.
 */
public final class ChangedLines {
  private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");
  private final Map<Path, Set<Integer>> lines = new HashMap<>();
  private final Set<Path> wholeFiles = new HashSet<>();

  /** Adds the hunks of a unified diff whose "+++ b/…" paths are relative to {@code root}. */
  public ChangedLines addDiff(Path root, String diff) {
    Path current = null;
    for (String l : diff.split("\n", -1)) {
      if (l.startsWith("+++ ")) {
        String name = l.substring(4);
        current = name.equals("/dev/null") ? null : root.resolve(name.startsWith("b/") ? name.substring(2) : name).normalize();
        continue;
      }
      Matcher m = HUNK.matcher(l);
      if (current == null || !m.find()) continue;
      int start = Integer.parseInt(m.group(1));
      int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      Set<Integer> set = lines.computeIfAbsent(current, k -> new HashSet<>());
      if (count == 0) {
        set.add(start);
        set.add(start + 1);
      }
      for (int i = start; i < start + count; i++) set.add(i);
    }
    return this;
  }

  public ChangedLines addWholeFile(Path file) {
    wholeFiles.add(file.toAbsolutePath().normalize());
    return this;
  }

  /** Whether {@code line} of {@code file} (as the report names it) changed. */
  public boolean changed(String file, int line) {
    if (line <= 0) return false;
    Path p = Path.of(file).toAbsolutePath().normalize();
    return wholeFiles.contains(p) || lines.getOrDefault(p, Set.of()).contains(line);
  }
}
