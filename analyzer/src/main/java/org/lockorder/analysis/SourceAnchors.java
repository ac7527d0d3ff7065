package org.lockorder.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lockorder.ir.FieldInit;
import org.lockorder.ir.Function;
import org.lockorder.ir.GlobalVar;
import org.lockorder.ir.Location;
import org.lockorder.ir.TranslationUnit;

/**
 * Source positions written relative to the definition they follow, so that the summary memo
 * ({@link SummaryMemo}) reads the same bytes for code that only moved: a line added at the top of
 * fs/ext4/inode.c moves every function below it, but each position keeps its offset from the
 * start of its function (or of the global, or of the ops table, it follows). A position is
 * written as (file, anchor, offset, column), the anchor being the last top-level definition of the
 * file that starts at or before it; and read back against the anchors of the run that reads it.
 *
 * <p>Anchors are named by what they define, and a name defined twice in one file (two {@code
 * #ifdef} alternatives) anchors nothing: positions after it go to the definition before. A
 * position before every anchor, or in a file without any, is written as it is.
 */
final class SourceAnchors {
  /** A location as "(file:line:column)" inside text: the way via strings and bound notes embed one. */
  private static final Pattern EMBEDDED = Pattern.compile("\\(([^()\\s]+):(\\d+):(\\d+)\\)");

  private record FileAnchors(int[] lines, String[] names, Map<String, Integer> lineByName) {}

  private final Map<String, FileAnchors> byFile = new HashMap<>();

  /** Thrown when a position names an anchor this run does not have: the entry cannot be used. */
  static final class UnknownAnchor extends Exception {
    UnknownAnchor(String file, String name) {
      super(file + ": " + name, null, false, false);
    }
  }

  SourceAnchors(List<TranslationUnit> units) {
    Map<String, Map<String, Integer>> lineByName = new HashMap<>();
    Map<String, java.util.Set<String>> ambiguous = new HashMap<>();
    for (TranslationUnit tu : units) {
      for (Function f : tu.functions()) note(lineByName, ambiguous, f.location(), "f " + f.name());
      for (GlobalVar g : tu.globals()) note(lineByName, ambiguous, g.location(), "g " + g.name());
      Map<String, Location> tables = new TreeMap<>();
      for (FieldInit fi : tu.fieldInits()) {
        Location old = tables.get(fi.variable());
        if (fi.location() != null && (old == null || fi.location().line() < old.line())) tables.put(fi.variable(), fi.location());
      }
      tables.forEach((name, at) -> note(lineByName, ambiguous, at, "t " + name));
    }
    lineByName.forEach((file, names) -> {
      java.util.Set<String> twice = ambiguous.getOrDefault(file, java.util.Set.of());
      TreeMap<Integer, String> byLine = new TreeMap<>();
      Map<String, Integer> kept = new HashMap<>();
      names.forEach((name, line) -> {
        if (twice.contains(name)) return;
        kept.put(name, line);
        // Two definitions starting on one line: the smaller name anchors it, the same in every run.
        byLine.merge(line, name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      });
      int[] lines = new int[byLine.size()];
      String[] anchorNames = new String[byLine.size()];
      int i = 0;
      for (Map.Entry<Integer, String> e : byLine.entrySet()) {
        lines[i] = e.getKey();
        anchorNames[i++] = e.getValue();
      }
      byFile.put(file, new FileAnchors(lines, anchorNames, kept));
    });
  }

  private static void note(
      Map<String, Map<String, Integer>> lineByName, Map<String, java.util.Set<String>> ambiguous, Location at, String name) {
    if (at == null) return;
    Integer old = lineByName.computeIfAbsent(at.file(), k -> new HashMap<>()).putIfAbsent(name, at.line());
    // The same definition seen from several units (a header's inline function) is one anchor.
    if (old != null && old != at.line()) ambiguous.computeIfAbsent(at.file(), k -> new java.util.HashSet<>()).add(name);
  }

  /**
   * Whether the positions inside {@code f} are written relative to {@code f}'s own start: its name
   * is defined once in its file, and no other definition starts on its first line.
   */
  boolean anchorsItself(Function f) {
    FileAnchors a = byFile.get(f.location().file());
    if (a == null) return false;
    Integer line = a.lineByName.get("f " + f.name());
    if (line == null || line != f.location().line()) return false;
    int i = lastAtOrBefore(a.lines, line);
    return i >= 0 && a.lines[i] == line && a.names[i].equals("f " + f.name());
  }

  /**
   * A position: 0 for none; else the anchor (1, then the file and the anchor's name, the first
   * time this blob names it; 2 + its reference after), the offset from the anchor's line (or the
   * line, without an anchor), and the column.
   */
  void write(MemoBytes.Out out, Location l) {
    write(out, l, false);
  }

  /**
   * A call step's position, as {@link #write} does, its line and column left out of the entry's
   * digest ({@link MemoBytes.Out#digest}): a line added in a function above its calls changes
   * where its callers' witnesses pass, not what its summary says, and its callers' entries name
   * its steps by index, so they need not be analyzed again (ADR-009 later).
   */
  void writeCallPosition(MemoBytes.Out out, Location l) {
    write(out, l, true);
  }

  private void write(MemoBytes.Out out, Location l, boolean masked) {
    if (l == null) {
      out.unsigned(0);
      return;
    }
    FileAnchors a = byFile.get(l.file());
    int i = a == null ? -1 : lastAtOrBefore(a.lines, l.line());
    Object table = a != null ? a : l.file().intern();
    int[] refs = out.anchorRefs().computeIfAbsent(table, k -> {
      int[] r = new int[(a == null ? 0 : a.names.length) + 1];
      java.util.Arrays.fill(r, -1);
      return r;
    });
    int slot = i < 0 ? refs.length - 1 : i;
    if (refs[slot] < 0) {
      refs[slot] = out.anchorCount++;
      out.unsigned(1);
      out.str(l.file());
      out.str(i < 0 ? null : a.names[i]);
    } else {
      out.unsigned(refs[slot] + 2);
    }
    int from = out.size();
    int line = i < 0 ? l.line() : l.line() - a.lines[i];
    out.signed(line);
    out.signed(l.column());
    if (masked) out.mask(from, refs[slot], line, l.column());
  }

  Location read(MemoBytes.In in) throws MemoBytes.Malformed, UnknownAnchor {
    int tag = in.unsigned();
    if (tag == 0) return null;
    Object[] base;
    if (tag == 1) {
      String file = in.str();
      String anchor = in.str();
      int line = 0;
      if (anchor != null) {
        FileAnchors a = byFile.get(file);
        Integer at = a == null ? null : a.lineByName.get(anchor);
        if (at == null) throw new UnknownAnchor(file, anchor);
        line = at;
      }
      base = new Object[] {file, line};
      in.anchorBases.add(base);
    } else if (tag - 2 < in.anchorBases.size()) {
      base = in.anchorBases.get(tag - 2);
    } else {
      throw new MemoBytes.Malformed("bad anchor reference");
    }
    int line = (Integer) base[1] + in.signed();
    Location l = new Location((String) base[0], line, in.signed());
    Object known = in.values.putIfAbsent(l, l);
    return known != null ? (Location) known : l;
  }

  /** A text split around the locations it embeds: texts and locations alternate, texts first and last. */
  private record Embedded(String[] texts, Location[] at) {}

  /** By text: few distinct via strings, written once per call step of every path. */
  private final Map<String, Embedded> embedded = new java.util.concurrent.ConcurrentHashMap<>();

  /** Text with the locations it embeds ("... (fs/ext4/file.c:930:2)") written relative too. */
  void writeText(MemoBytes.Out out, String text) {
    if (text == null) {
      out.unsigned(0);
      return;
    }
    Embedded e = embedded.computeIfAbsent(text, SourceAnchors::split);
    out.unsigned(e.at.length + 1);
    for (int k = 0; k < e.at.length; k++) {
      out.str(e.texts[k]);
      write(out, e.at[k]);
    }
    out.str(e.texts[e.at.length]);
  }

  private static Embedded split(String text) {
    Matcher m = EMBEDDED.matcher(text);
    List<String> texts = new ArrayList<>();
    List<Location> at = new ArrayList<>();
    int from = 0;
    while (m.find()) {
      texts.add(text.substring(from, m.start()));
      at.add(new Location(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
      from = m.end();
    }
    texts.add(text.substring(from));
    return new Embedded(texts.toArray(new String[0]), at.toArray(new Location[0]));
  }

  String readText(MemoBytes.In in) throws MemoBytes.Malformed, UnknownAnchor {
    int parts = in.unsigned();
    if (parts == 0) return null;
    if (parts == 1) return in.str(); // no position in it: the run's one copy of the text
    StringBuilder sb = new StringBuilder(160); // most via texts fit: growing was 58 MB of a re-run's garbage
    for (int k = 0; k < parts - 1; k++) {
      sb.append(in.str());
      sb.append('(').append(read(in)).append(')');
    }
    return in.intern(sb.append(in.str()).toString());
  }

  private static int lastAtOrBefore(int[] lines, int line) {
    int lo = 0, hi = lines.length - 1, found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (lines[mid] <= line) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
