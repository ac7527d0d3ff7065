package org.lockorder.report.premerge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lockorder.report.BaselineEntry;
import org.lockorder.report.Finding;
import org.lockorder.report.JsonOutput;

/**
 * The baseline file: the findings a project has accepted, keyed by fingerprint, as stable JSON
 * (sorted, no timestamps) so that it diffs well under version control.
 */
public final class BaselineFile {
  public static final int FORMAT = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A baseline that cannot be read: the message is compiler-style, {@code file:line:col: error: …}. */
  public static final class BadBaseline extends Exception {
    BadBaseline(String message) {
      super(message);
    }
  }

  private BaselineFile() {}

  public static List<BaselineEntry> read(Path file) throws BadBaseline {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadBaseline(file + ":1:1: error: no such baseline file (create it with --update-baseline)");
    } catch (IOException e) {
      throw new BadBaseline(file + ":1:1: error: cannot read the baseline: " + e.getMessage());
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      int col = at == null ? 1 : Math.max(1, at.getColumnNr());
      throw new BadBaseline(file + ":" + line + ":" + col + ": error: the baseline is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || root.path("lockorderBaseline").asInt(-1) != FORMAT || !root.path("findings").isArray()) {
      throw new BadBaseline(file + ":1:1: error: not a lockorder baseline (expected {\"lockorderBaseline\": " + FORMAT + ", \"findings\": [...]})");
    }
    List<BaselineEntry> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : root.get("findings")) {
      String fp = n.path("fingerprint").asText("");
      if (fp.isEmpty()) throw new BadBaseline(file + ":1:1: error: baseline entry " + i + " has no fingerprint");
      out.add(new BaselineEntry(fp, n.path("rule").asText(""), strings(n.path("classes")), strings(n.path("entries")), n.path("file").asText("")));
      i++;
    }
    return out;
  }

  /** Writes the findings as a baseline; returns what was written. */
  public static List<BaselineEntry> write(Path file, List<Finding> findings) throws IOException {
    List<BaselineEntry> entries = new ArrayList<>(findings.stream().map(BaselineEntry::of).toList());
    entries.sort(Comparator.comparing(BaselineEntry::fingerprint).thenComparing(BaselineEntry::file));
    ObjectNode root = MAPPER.createObjectNode();
    root.put("lockorderBaseline", FORMAT);
    root.put("tool", "lockorder");
    ArrayNode arr = root.putArray("findings");
    for (BaselineEntry e : entries) {
      ObjectNode n = arr.addObject();
      n.put("fingerprint", e.fingerprint());
      n.put("rule", e.rule());
      e.classes().forEach(n.putArray("classes")::add);
      e.entries().forEach(n.putArray("entries")::add);
      n.put("file", e.file());
    }
    StringWriter w = new StringWriter();
    JsonOutput.write(root, w);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.writeString(file, w.toString(), StandardCharsets.UTF_8);
    return entries;
  }

  private static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : arr) out.add(n.asText());
    return out;
  }
}
