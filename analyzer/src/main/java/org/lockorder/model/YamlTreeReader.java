package org.lockorder.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lockorder.model.YamlNode.Entry;
import org.lockorder.model.YamlNode.Mapping;
import org.lockorder.model.YamlNode.Position;
import org.lockorder.model.YamlNode.Scalar;
import org.lockorder.model.YamlNode.ScalarType;
import org.lockorder.model.YamlNode.Sequence;

/**
 * Reads a YAML document into {@link YamlNode}s with positions. Jackson's own JsonNode tree drops
 * locations, and semantic errors ("bad mode") must point at the offending value, so the tree is
 * built here from the streaming parser.
 */
final class YamlTreeReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final String file;
  private final JsonParser parser;

  private YamlTreeReader(String file, JsonParser parser) {
    this.file = file;
    this.parser = parser;
  }

  /** The document's root; an empty document reads as an empty mapping. */
  static YamlNode read(String file, InputStream in) throws LockModelException {
    try (JsonParser parser = FACTORY.createParser(in)) {
      YamlTreeReader reader = new YamlTreeReader(file, parser);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new Mapping(new Position(file, 1, 1), Map.of());
      }
      YamlNode root = reader.value(first);
      JsonToken extra = parser.nextToken();
      if (extra != null) {
        throw reader.here().error("only one YAML document is allowed per file");
      }
      return root;
    } catch (StreamReadException e) {
      throw syntaxError(file, e);
    } catch (IOException e) {
      throw new LockModelException(file, 1, 1, "cannot read: " + e.getMessage());
    }
  }

  private YamlNode value(JsonToken token) throws IOException, LockModelException {
    Position at = here();
    switch (token) {
      case START_OBJECT:
        return mapping(at);
      case START_ARRAY:
        return sequence(at);
      case VALUE_STRING:
        return new Scalar(at, parser.getText(), ScalarType.STRING);
      case VALUE_NUMBER_INT:
        return new Scalar(at, parser.getText(), ScalarType.INTEGER);
      case VALUE_NUMBER_FLOAT:
        return new Scalar(at, parser.getText(), ScalarType.FLOAT);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new Scalar(at, parser.getText(), ScalarType.BOOLEAN);
      case VALUE_NULL:
        return new Scalar(at, null, ScalarType.NULL);
      default:
        throw at.error("unsupported YAML construct (" + token + ")");
    }
  }

  private Mapping mapping(Position at) throws IOException, LockModelException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
      Position keyAt = here();
      String key = parser.currentName();
      Entry previous = entries.get(key);
      if (previous != null) {
        throw keyAt.error(
            "duplicate key '" + key + "' (first given at line " + previous.keyPosition().line() + ")");
      }
      YamlNode value = value(parser.nextToken());
      entries.put(key, new Entry(key, keyAt, value));
    }
    return new Mapping(at, entries);
  }

  private Sequence sequence(Position at) throws IOException, LockModelException {
    List<YamlNode> items = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      items.add(value(token));
    }
    return new Sequence(at, items);
  }

  private Position here() {
    JsonLocation loc = parser.currentTokenLocation();
    return new Position(file, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
  }

  /** Jackson wraps SnakeYAML's message, which spans several lines; keep the problem only. */
  private static LockModelException syntaxError(String file, StreamReadException e) {
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
        && marked.getProblemMark() != null) {
      String problem = marked.getProblem() == null ? "malformed YAML" : marked.getProblem();
      return new LockModelException(
          file,
          marked.getProblemMark().getLine() + 1,
          marked.getProblemMark().getColumn() + 1,
          "YAML syntax error: " + problem.strip());
    }
    JsonLocation loc = e.getLocation();
    int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
    int column = loc == null ? 1 : Math.max(1, loc.getColumnNr());
    String message = e.getOriginalMessage() == null ? "malformed YAML" : e.getOriginalMessage();
    return new LockModelException(
        file, line, column, "YAML syntax error: " + message.lines().findFirst().orElse("").strip());
  }
}
